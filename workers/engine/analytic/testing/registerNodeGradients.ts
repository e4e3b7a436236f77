/**
 * Node only (tests, benchmarks): loading `@tensorflow/tfjs` registers every
 * gradient function on the shared tfjs-core engine. tfjs-core alone has none,
 * and its ES-module `register_all_gradients` entry cannot be loaded by Node.
 */
import '@tensorflow/tfjs';

/**
 * Node only (tests, benchmarks): loading `@tensorflow/tfjs` registers every
 * gradient function on the shared tfjs-core engine. tfjs-core alone has none,
 * and Node cannot load its ES-module `register_all_gradients` entry.
 */
import '@tensorflow/tfjs';

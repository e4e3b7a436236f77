/**
 * Node only (tests): loading `@tensorflow/tfjs` registers every gradient
 * function on the shared tfjs-core engine; tfjs-core alone registers none,
 * and Node cannot load its ES-module `register_all_gradients` entry.
 */
import '@tensorflow/tfjs';

/**
 * Registers the backends available in Node (tests, command line, benchmarks):
 * the plain JavaScript `cpu` backend and the WebAssembly `wasm` backend, which
 * finds its .wasm binaries in its own package directory.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendName } from './select';

/** Node's backends, fastest first. */
export const NODE_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

/** Activates `backend` (only `cpu` or `wasm` exist in Node) or throws. */
export async function useNodeBackend(backend: BackendName): Promise<BackendName> {
  if (backend !== 'cpu' && backend !== 'wasm') {
    throw new Error(`Backend "${backend}" is not available in Node; use cpu or wasm`);
  }
  // Quiet the "install tfjs-node" banner: the engine is meant to run on these backends.
  tf.env().set('IS_TEST', true);
  return (await selectBackend([backend])).backend;
}

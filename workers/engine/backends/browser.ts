/**
 * Registers every TensorFlow.js backend the browser build can use: `webgpu`,
 * `webgl`, `wasm` and `cpu`. Imported only by Web Workers (never by the main
 * thread and never in Node). The WebAssembly binaries are bundled by Vite and
 * their hashed URLs handed to the wasm backend, so the built site works from
 * any sub-path without a copy in `public/`.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BROWSER_BACKENDS, type BackendName } from './select';

// The wasm backend picks one of three binaries at start-up (plain, SIMD, or
// threaded SIMD when the page is cross-origin isolated); each name maps to
// the URL Vite gave the file.
setWasmPaths({
  'tfjs-backend-wasm.wasm': plainWasmUrl,
  'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasmUrl,
});

/** True when `name` is one of the four browser backends. */
export function isBackendName(name: string): name is BackendName {
  return (BROWSER_BACKENDS as readonly string[]).includes(name);
}

/**
 * The order in which to try backends, given the page's query string and the
 * backends to avoid (those that already failed or crashed a worker).
 *
 * - `?backend=wasm` (any one backend name) forces exactly that backend, for
 *   tests and for comparing backends by hand; an unknown name is ignored.
 * - Otherwise the preference order `webgpu, webgl, wasm, cpu`, minus `exclude`.
 *   `cpu` is never excluded: it is the backend of last resort.
 */
export function browserBackendOrder(search: string, exclude: readonly BackendName[] = []): BackendName[] {
  const forced = new URLSearchParams(search).get('backend');
  if (forced != null && isBackendName(forced) && !exclude.includes(forced)) return [forced];
  return BROWSER_BACKENDS.filter((name) => name === 'cpu' || !exclude.includes(name));
}

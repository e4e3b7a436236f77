/**
 * The TensorFlow.js backends of the browser build: `webgpu`, `webgl`, `wasm`
 * and `cpu`. Used only by Web Workers (never by the main thread, never in
 * Node).
 *
 * Each backend's module is loaded (and thereby registered) only when it is
 * about to be tried, and backends that cannot work here are passed over
 * before loading them: a page without a WebGPU adapter does not download and
 * parse the WebGPU backend. The WebAssembly binaries are bundled by Vite, and
 * their hashed URLs handed to the wasm backend, so the built site works from
 * any sub-path.
 */
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BROWSER_BACKENDS, selectBackend, type BackendAttempt, type BackendName } from './select';

/** Loads (and so registers) each backend's module. */
const LOADERS: Readonly<Record<BackendName, () => Promise<void>>> = {
  webgpu: async () => {
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The backend picks one of three binaries at start-up (plain, SIMD, or
    // threaded SIMD when the page is cross-origin isolated); each name maps
    // to the URL Vite gave the file.
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasmUrl,
    });
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
};

/** Registers the backends in `names` by loading their modules (each at most once). */
export async function registerBrowserBackends(names: readonly BackendName[]): Promise<void> {
  await Promise.all(names.map((name) => LOADERS[name]()));
}

/** True when `name` is one of the four browser backends. */
export function isBackendName(name: string): name is BackendName {
  return (BROWSER_BACKENDS as readonly string[]).includes(name);
}

/** The backend named by the page's `?backend=` parameter, or null when there is none (or it is unknown). */
export function forcedBackend(search: string): BackendName | null {
  const forced = new URLSearchParams(search).get('backend');
  return forced != null && isBackendName(forced) ? forced : null;
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
  const forced = forcedBackend(search);
  if (forced !== null && !exclude.includes(forced)) return [forced];
  return BROWSER_BACKENDS.filter((name) => name === 'cpu' || !exclude.includes(name));
}

/** A WebGL renderer name that means rasterising on the CPU (no GPU behind it). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * The WebGL renderer's name if it is a software rasteriser (SwiftShader,
 * llvmpipe, …), or null if it is a GPU or WebGL is unavailable here.
 * Reads the unmasked renderer string from a throw-away 1×1 context.
 */
export function softwareWebGlRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (gl === null) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_RENDERER.test(renderer) ? renderer : null;
}

/** What a WebGPU adapter says of itself (`GPUAdapterInfo`; older browsers put the fallback flag on the adapter). */
export interface AdapterInfoLike {
  isFallbackAdapter?: boolean;
  vendor?: string;
  architecture?: string;
  description?: string;
}

/** The part of `navigator.gpu` used here (the DOM typings of this TypeScript lack WebGPU). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

/**
 * Why an adapter should not be used although it exists: a fallback adapter
 * (the browser's own CPU implementation) or a software rasteriser behind it
 * (SwiftShader, llvmpipe) runs every small kernel through an emulator on the
 * CPU. Measured on a 2-core machine with headless Chromium's SwiftShader
 * adapter: network training ~1 step/s, 10–80× slower than wasm (150 steps
 * × 3 runs: 137 s against 1.8 s). Null for a hardware adapter.
 */
export function softwareAdapterReason(info: AdapterInfoLike, adapterIsFallback = false): string | null {
  const name = [info.architecture, info.description, info.vendor].filter((part) => part).join(' ');
  if (info.isFallbackAdapter === true || adapterIsFallback || SOFTWARE_RENDERER.test(name)) {
    return `software adapter (${name || 'fallback'}), slower than wasm`;
  }
  return null;
}

/**
 * Why WebGPU should not be used here (no API, no adapter, or a software
 * adapter: see {@link softwareAdapterReason}), or null for a hardware adapter.
 */
export async function webGpuUnavailableReason(): Promise<string | null> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return 'this browser offers no WebGPU';
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return 'no WebGPU adapter (GPU blocked or absent)';
    return softwareAdapterReason(adapter.info ?? {}, adapter.isFallbackAdapter === true);
  } catch (error) {
    return `requesting a WebGPU adapter failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The backends to try, and those passed over before trying (with the reason). */
export interface BackendPlan {
  order: BackendName[];
  skipped: BackendAttempt[];
}

/** Checks that rule a backend out before its module is loaded (replaceable in tests). */
export interface BackendProbes {
  webGpuUnavailable(): Promise<string | null>;
  softwareWebGl(): string | null;
}

const BROWSER_PROBES: BackendProbes = {
  webGpuUnavailable: webGpuUnavailableReason,
  softwareWebGl: softwareWebGlRenderer,
};

/**
 * {@link browserBackendOrder}, minus the backends that cannot or should not
 * run here, each listed in `skipped` with its reason:
 * - WebGPU without an adapter, or with a software one;
 * - WebGL on a software rasteriser: drawing every small kernel through a GPU
 *   emulator on the CPU is far slower than the same kernel in WebAssembly
 *   (measured here: ~0.5 s against ~10 ms per optimizer step).
 * A backend forced by `?backend=` is always tried, so its real failure shows.
 */
export async function planBrowserBackends(
  search: string,
  exclude: readonly BackendName[] = [],
  probes: BackendProbes = BROWSER_PROBES,
): Promise<BackendPlan> {
  const order = browserBackendOrder(search, exclude);
  if (forcedBackend(search) !== null && order.length === 1) return { order, skipped: [] };
  const skipped: BackendAttempt[] = [];
  if (order.includes('webgpu')) {
    const reason = await probes.webGpuUnavailable();
    if (reason !== null) skipped.push({ backend: 'webgpu', ok: false, reason });
  }
  if (order.includes('webgl')) {
    const renderer = probes.softwareWebGl();
    if (renderer !== null) {
      skipped.push({ backend: 'webgl', ok: false, reason: `software renderer (${renderer}), slower than wasm` });
    }
  }
  return { order: order.filter((name) => !skipped.some((s) => s.backend === name)), skipped };
}

/** The reason inside selectBackend's error for a single backend, or the whole message. */
function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^No TensorFlow\.js backend works here: \w+ \((.*)\)$/s.exec(message)?.[1] ?? message;
}

/**
 * Activates the first backend of the plan that loads and works (see
 * `selectBackend`), loading each backend's module just before trying it.
 * Returns it with every backend considered, in preference order: passed over
 * (with why), failed (with why), and the one chosen. Throws if none works.
 */
export async function selectBrowserBackend(
  search: string,
  exclude: readonly BackendName[] = [],
  probes: BackendProbes = BROWSER_PROBES,
): Promise<{ backend: BackendName; attempts: BackendAttempt[] }> {
  const plan = await planBrowserBackends(search, exclude, probes);
  const attempts: BackendAttempt[] = [...plan.skipped];
  const inPreferenceOrder = () =>
    attempts.sort((a, b) => BROWSER_BACKENDS.indexOf(a.backend) - BROWSER_BACKENDS.indexOf(b.backend));
  for (const backend of plan.order) {
    try {
      await registerBrowserBackends([backend]);
      await selectBackend([backend]);
      attempts.push({ backend, ok: true });
      return { backend, attempts: inPreferenceOrder() };
    } catch (error) {
      attempts.push({ backend, ok: false, reason: failureReason(error) });
    }
  }
  throw new Error(
    `No TensorFlow.js backend works here: ${inPreferenceOrder().map((a) => `${a.backend} (${a.reason})`).join('; ')}`,
  );
}

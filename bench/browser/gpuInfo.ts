/**
 * What graphics device the measurements ran on: the unmasked WebGL renderer
 * string (which names SwiftShader when WebGL is rasterised on the CPU) and
 * the WebGPU adapter's description. Works in a worker (OffscreenCanvas).
 */

/** The unmasked renderer of a throw-away WebGL2 context, or a note saying why there is none. */
export function webGlRenderer(): string {
  if (typeof OffscreenCanvas === 'undefined') return 'no OffscreenCanvas here';
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (gl === null) return 'WebGL2 unavailable';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** The parts of the WebGPU API read here (this TypeScript's DOM typings lack WebGPU). */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

/** "vendor / architecture / description" of the WebGPU adapter (fallback adapters marked), or a note why there is none. */
export async function webGpuAdapterDescription(): Promise<string> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return 'no WebGPU in this browser';
  const adapter = await gpu.requestAdapter();
  if (adapter === null) return 'no WebGPU adapter';
  const info = adapter.info ?? {};
  const parts = [info.vendor, info.architecture, info.device, info.description].filter((part) => part !== undefined && part !== '');
  const fallback = adapter.isFallbackAdapter === true ? ' (fallback adapter)' : '';
  return `${parts.length > 0 ? parts.join(' / ') : 'adapter without description'}${fallback}`;
}

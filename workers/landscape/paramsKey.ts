/**
 * A short name for a parameter vector's exact contents, so a curvature
 * report computed for it can be found again (the same run's latest
 * parameters change as it trains; equal bytes mean equal vectors).
 */

/** FNV-1a (32 bit) over the float32 bytes of `params`, with the length: "P:hhhhhhhh". */
export function paramsKey(params: Float32Array): string {
  const bytes = new Uint8Array(params.buffer, params.byteOffset, params.byteLength);
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${params.length}:${hash.toString(16).padStart(8, '0')}`;
}

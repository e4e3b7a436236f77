/**
 * The preview resolution shown while the full surface is computed: at most
 * {@link COARSE_SIDE} samples along the longer axis, same aspect ratio.
 */

/** Samples along the longer axis of the preview surface. */
export const COARSE_SIDE = 64;

/**
 * The preview grid for a full grid of nx × ny, or null when the full grid is
 * already that small (then there is nothing to gain from a preview).
 * Both sides are divided by the same factor ⌈max(nx, ny) / COARSE_SIDE⌉.
 */
export function coarseGridFor(nx: number, ny: number): { nx: number; ny: number } | null {
  const factor = Math.ceil(Math.max(nx, ny) / COARSE_SIDE);
  if (factor <= 1) return null;
  return { nx: Math.max(2, Math.ceil(nx / factor)), ny: Math.max(2, Math.ceil(ny / factor)) };
}

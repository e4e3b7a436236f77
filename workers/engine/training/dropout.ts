/**
 * Inverted dropout masks (Srivastava et al. 2014): during training each
 * hidden unit of each sample is kept with probability 1 − p and its
 * activation divided by 1 − p, so the expected activation is unchanged and
 * evaluation needs no rescaling (it simply uses no mask).
 */
import type { Rng } from '../math/rng';

/**
 * One mask per hidden layer, rows × width (row-major, one row per sample of
 * the minibatch), with entries 0 (dropped, probability `rate`) or 1/(1 − rate)
 * (kept). Draws rows·Σwidths uniforms from `rng`, layer by layer, row by row.
 * `rate` must be in [0, 1); rate 0 gives all-ones masks.
 */
export function dropoutMasks(rng: Rng, rows: number, widths: readonly number[], rate: number): Float32Array[] {
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`dropout rate must be in [0, 1), got ${rate}`);
  const kept = 1 / (1 - rate);
  return widths.map((width) => {
    const mask = new Float32Array(rows * width);
    for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < rate ? 0 : kept;
    return mask;
  });
}

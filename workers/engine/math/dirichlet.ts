/**
 * Gamma and Dirichlet draws from a seeded `Rng`, for splitting data among
 * clients with label skew.
 *
 * Gamma(a, 1), a ≥ 1: Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables": with d = a − 1/3, c = 1/√(9d), x ~ N(0, 1)
 * and v = (1 + c x)³ > 0, accept d·v when log u < x²/2 + d − d v + d log v
 * (u ~ U(0, 1); a cheap squeeze u < 1 − 0.0331 x⁴ accepts most draws first).
 * For a < 1, Gamma(a) = Gamma(a + 1) · U^{1/a}, kept as a logarithm, since
 * for small a the power underflows to 0.
 *
 * Dirichlet(α): g_i ~ Gamma(α_i) independent, p = g / Σ g, normalised from
 * the logarithms (log-sum-exp), so that even α = 10⁻³ gives a proper point
 * of the simplex (one coordinate near 1).
 */
import type { Rng } from './rng';

/** log of a Gamma(shape, 1) draw; shape > 0. */
export function logGammaDraw(rng: Rng, shape: number): number {
  if (!(Number.isFinite(shape) && shape > 0)) throw new RangeError(`Gamma shape must be a finite number > 0, got ${shape}`);
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = rng.uniform();
    return logGammaDraw(rng, shape + 1) + Math.log(u) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4) return Math.log(d * v);
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** A Gamma(shape, 1) draw: mean shape, variance shape. */
export function gammaDraw(rng: Rng, shape: number): number {
  return Math.exp(logGammaDraw(rng, shape));
}

/** A Dirichlet(α) draw: non-negative, summing to 1, with mean α_i / Σ α. */
export function dirichletDraw(rng: Rng, alpha: ArrayLike<number>): Float64Array {
  if (alpha.length < 1) throw new RangeError('A Dirichlet draw needs at least one concentration');
  const logs = Float64Array.from(alpha, (a) => logGammaDraw(rng, a));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

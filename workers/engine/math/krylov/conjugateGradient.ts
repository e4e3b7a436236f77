/**
 * Conjugate gradients for A x = b with A symmetric positive definite, given
 * only products v ↦ A v (Hestenes & Stiefel 1952; Nocedal & Wright,
 * "Numerical Optimization", Alg. 5.2). Float64 throughout.
 */
import { axpy, dot, norm2 } from '../linalg/vectorOps';
import type { MatVec } from './operator';

/** Where CG starts and when it stops. */
export interface ConjugateGradientOptions {
  /** Starting guess x₀ (default 0); costs one extra product when non-zero. */
  initial?: Float64Array;
  /** Most iterations (products after the first residual). */
  maxIterations: number;
  /** Stop when ‖b − A x‖ ≤ tolerance · ‖b‖ (default 1e-8). */
  tolerance?: number;
}

/** The approximate solution of A x = b and how it was reached. */
export interface ConjugateGradientResult {
  /** The approximate solution. */
  x: Float64Array;
  /** A x, tracked through the iteration (exact up to rounding), for quadratic-model values. */
  ax: Float64Array;
  iterations: number;
  /** Products A v computed. */
  products: number;
  /** ‖b − A x‖ at the end. */
  residualNorm: number;
  /** True if a direction with dᵀA d ≤ 0 stopped the iteration (A not positive definite). */
  negativeCurvature: boolean;
}

/**
 * Minimises ½ xᵀA x − bᵀx (equivalently solves A x = b) from x₀: residual
 * r = b − A x, direction d = r; each iteration α = rᵀr / dᵀA d,
 * x += α d, r −= α A d, d = r + (r₊ᵀr₊ / rᵀr) d. Stops at the iteration
 * limit, at the tolerance, or at a direction of non-positive curvature
 * (returning the iterate before it).
 */
export async function conjugateGradient(
  apply: MatVec,
  b: Float64Array,
  options: ConjugateGradientOptions,
): Promise<ConjugateGradientResult> {
  const n = b.length;
  const tolerance = (options.tolerance ?? 1e-8) * norm2(b);
  let products = 0;
  const x = options.initial ? Float64Array.from(options.initial) : new Float64Array(n);
  let ax: Float64Array;
  if (options.initial && options.initial.some((v) => v !== 0)) {
    ax = await apply(Float64Array.from(x));
    products++;
  } else {
    ax = new Float64Array(n);
  }
  const r = Float64Array.from(b, (value, i) => value - ax[i]);
  const d = Float64Array.from(r);
  let rr = dot(r, r);
  let iterations = 0;
  let negativeCurvature = false;
  while (iterations < options.maxIterations && Math.sqrt(rr) > tolerance) {
    const ad = await apply(Float64Array.from(d));
    products++;
    const curvature = dot(d, ad);
    if (!(curvature > 0)) {
      negativeCurvature = true;
      break;
    }
    const alpha = rr / curvature;
    axpy(alpha, d, x);
    axpy(alpha, ad, ax);
    axpy(-alpha, ad, r);
    const next = dot(r, r);
    const beta = next / rr;
    for (let i = 0; i < n; i++) d[i] = r[i] + beta * d[i];
    rr = next;
    iterations++;
  }
  return { x, ax, iterations, products, residualNorm: Math.sqrt(rr), negativeCurvature };
}

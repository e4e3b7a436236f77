/**
 * The Steihaug–Toint truncated conjugate-gradient method for the
 * trust-region subproblem (Steihaug 1983, Toint 1981; Nocedal & Wright,
 * "Numerical Optimization", Alg. 7.2):
 *
 *   minimise m(p) = gᵀp + ½ pᵀH p  subject to ‖p‖ ≤ Δ,
 *
 * H symmetric but possibly indefinite, given by products. CG on H p = −g
 * from p = 0, stopped (a) at the tolerance, (b) when a step would leave the
 * ball, or (c) at a direction of non-positive curvature — in (b) and (c) the
 * last direction is followed to the boundary. Each iterate decreases m, so
 * the result is at least as good as the Cauchy point along −g.
 */
import { axpy, dot, norm2 } from '../linalg/vectorOps';
import type { MatVec } from './operator';

/** The trust-region step, its model value and why the iteration stopped. */
export interface SteihaugResult {
  /** The step p, ‖p‖ ≤ Δ. */
  step: Float64Array;
  /** m(p) = gᵀp + ½ pᵀH p (≤ 0), from H p tracked through the iteration. */
  modelChange: number;
  /** ‖p‖. */
  stepNorm: number;
  /** Whether p lies on the boundary ‖p‖ = Δ. */
  onBoundary: boolean;
  iterations: number;
  /** Products H v computed. */
  products: number;
  /** Why the iteration ended. */
  stop: 'converged' | 'boundary' | 'negative_curvature' | 'iterations';
}

/** τ ≥ 0 with ‖p + τ d‖ = Δ (the positive root of a quadratic; ‖p‖ ≤ Δ). */
function toBoundary(p: Float64Array, d: Float64Array, radius: number): number {
  const dd = dot(d, d);
  const pd = dot(p, d);
  const pp = dot(p, p);
  const discriminant = Math.max(0, pd * pd + dd * (radius * radius - pp));
  return (-pd + Math.sqrt(discriminant)) / dd;
}

/**
 * Approximately minimises m(p) over ‖p‖ ≤ `radius` with at most
 * `maxIterations` products; stops early when ‖H p + g‖ ≤ tolerance·‖g‖.
 */
export async function steihaugCg(
  applyHessian: MatVec,
  grad: Float64Array,
  radius: number,
  maxIterations: number,
  tolerance = 1e-6,
): Promise<SteihaugResult> {
  const n = grad.length;
  const p = new Float64Array(n);
  const hp = new Float64Array(n);
  const r = Float64Array.from(grad); // r = H p + g, the model's gradient
  const d = Float64Array.from(grad, (v) => -v);
  const stopAt = tolerance * norm2(grad);
  let rr = dot(r, r);
  let products = 0;
  let iterations = 0;
  const result = (stop: SteihaugResult['stop'], onBoundary: boolean): SteihaugResult => ({
    step: p,
    modelChange: dot(grad, p) + 0.5 * dot(p, hp),
    stepNorm: norm2(p),
    onBoundary,
    iterations,
    products,
    stop,
  });
  if (Math.sqrt(rr) <= stopAt) return result('converged', false);
  while (iterations < maxIterations) {
    const hd = await applyHessian(Float64Array.from(d));
    products++;
    iterations++;
    const curvature = dot(d, hd);
    if (!(curvature > 0)) {
      // Along d the model decreases without bound: go to the boundary.
      const tau = toBoundary(p, d, radius);
      axpy(tau, d, p);
      axpy(tau, hd, hp);
      return result('negative_curvature', true);
    }
    const alpha = rr / curvature;
    const next = Float64Array.from(p);
    axpy(alpha, d, next);
    if (norm2(next) >= radius) {
      const tau = toBoundary(p, d, radius);
      axpy(tau, d, p);
      axpy(tau, hd, hp);
      return result('boundary', true);
    }
    p.set(next);
    axpy(alpha, hd, hp);
    axpy(alpha, hd, r);
    const rrNext = dot(r, r);
    if (Math.sqrt(rrNext) <= stopAt) return result('converged', false);
    const beta = rrNext / rr;
    for (let i = 0; i < n; i++) d[i] = -r[i] + beta * d[i];
    rr = rrNext;
  }
  return result('iterations', false);
}

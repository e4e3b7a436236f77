/**
 * Critical points (∇f = 0) of the analytic functions to full float64
 * precision: Newton's method x ← x − H⁻¹ ∇f on the closed-form derivatives,
 * started from a rough location, then classified by the Hessian's signature.
 */
import { derivatives64 } from './closedForms64';
import type { AnalyticProblem, CriticalSeed } from '../spec/functions';
import type { CriticalKind } from '../spec/vocabulary';

/** A critical point of f: ∇f(x, y) = 0. */
export interface CriticalPoint {
  x: number;
  y: number;
  kind: CriticalKind;
}

const MAX_NEWTON_ITERATIONS = 60;

/**
 * Newton's method on ∇f = 0 from `seed`, run until the step stops shrinking
 * (full double precision), then classified: det H < 0 → saddle; det H > 0 →
 * minimum if tr H > 0, maximum if tr H < 0. Throws if it does not converge to
 * a point with a vanishing gradient, or if H is singular and the seed gives no kind.
 */
export function refineCriticalPoint(problem: AnalyticProblem, seed: CriticalSeed): CriticalPoint {
  let x = seed.x;
  let y = seed.y;
  let previousStep = Infinity;
  for (let iteration = 0; iteration < MAX_NEWTON_ITERATIONS; iteration++) {
    const { grad, hessian } = derivatives64(problem, x, y);
    const [a, b, , d] = hessian;
    const det = a * d - b * b;
    if (det === 0) break; // singular: nothing to solve (the seed must already be exact)
    // Solve H s = g for the 2×2 symmetric H by its explicit inverse.
    const sx = (d * grad[0] - b * grad[1]) / det;
    const sy = (a * grad[1] - b * grad[0]) / det;
    const step = Math.hypot(sx, sy);
    // Once in the quadratic regime the step shrinks every iteration; when it
    // stops shrinking, rounding dominates and the point is as exact as float64 allows.
    if (step >= previousStep && step < 1e-12 * (1 + Math.hypot(x, y))) break;
    x -= sx;
    y -= sy;
    previousStep = step;
    if (step === 0) break;
  }
  return { x, y, kind: classify(problem, x, y, seed) };
}

function classify(problem: AnalyticProblem, x: number, y: number, seed: CriticalSeed): CriticalKind {
  const { grad, hessian } = derivatives64(problem, x, y);
  const [a, b, , d] = hessian;
  const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(d));
  if (Math.hypot(grad[0], grad[1]) > 1e-9 * scale * (1 + Math.hypot(x, y))) {
    throw new Error(
      `${problem.name}: Newton's method from (${seed.x}, ${seed.y}) did not reach a critical point`,
    );
  }
  const det = a * d - b * b;
  if (Math.abs(det) <= 1e-12 * scale * scale) {
    if (seed.degenerateKind === undefined) {
      throw new Error(`${problem.name}: the Hessian at (${x}, ${y}) is singular; give the kind`);
    }
    return seed.degenerateKind;
  }
  if (det < 0) return 'saddle';
  return a + d > 0 ? 'minimum' : 'maximum';
}

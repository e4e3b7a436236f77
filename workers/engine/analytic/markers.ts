/**
 * The points the analytic view marks: the function's critical points inside
 * the plotted window and the optimizers' common start, each with f and the
 * Hessian's eigenvalues there (from one batched `derivativesAt` call on the
 * active backend). The analytic worker answers the page with it, and the
 * command line (`npm run explore`) reports the same numbers.
 */
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import type { AnalyticProblem } from '../spec/functions';
import type { MarkerKind, Window2D } from '../spec/vocabulary';
import { derivativesAt } from './evaluate';
import { analyticInfo } from './info';

/** A point worth marking, with f and the Hessian's eigenvalues (descending) there. */
export interface MarkerReport {
  x: number;
  y: number;
  kind: MarkerKind;
  loss: number;
  eigenvalues: [number, number];
}

/**
 * The critical points of `problem` with xMin ≤ x ≤ xMax and yMin ≤ y ≤ yMax
 * (in the function table's order), then `start`; for each, f and the
 * eigenvalues λ₁ ≥ λ₂ of ∇²f there.
 */
export async function analyticMarkers(problem: AnalyticProblem, window: Window2D, start: readonly [number, number]): Promise<MarkerReport[]> {
  const { xMin, xMax, yMin, yMax } = window;
  const inside = analyticInfo(problem).criticalPoints.filter((p) => p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax);
  const points: { x: number; y: number; kind: MarkerKind }[] = [...inside, { x: start[0], y: start[1], kind: 'start' }];
  const derivatives = await derivativesAt(problem, Float64Array.from(points.flatMap((p) => [p.x, p.y])));
  return points.map((point, k) => {
    const [high, low] = symmetricEigenvalues(Float64Array.from(derivatives[k].hessian), 2);
    return { x: point.x, y: point.y, kind: point.kind, loss: derivatives[k].loss, eigenvalues: [high, low] };
  });
}

/**
 * Everything the explorer shows about an analytic function besides its
 * heights: the teaching defaults of `spec/functions.ts` (name, formula,
 * window, start, scale) with the critical points refined from the table's
 * seeds to float64 precision (Newton's method on the closed-form
 * derivatives, which is why this lives in the engine, not the pure layer).
 */
import { refineCriticalPoint, type CriticalPoint } from './criticalPoints';
import { ANALYTIC_FUNCTIONS, analyticTeaching, type AnalyticProblem, type AnalyticTeaching } from '../spec/functions';

export type { CriticalPoint } from './criticalPoints';

/** The teaching defaults of an analytic function and its critical points. */
export interface AnalyticInfo extends AnalyticTeaching {
  /** Every critical point inside `window`, to float64 precision. */
  criticalPoints: CriticalPoint[];
}

/**
 * The teaching defaults of `problem` (see {@link AnalyticInfo}); critical
 * points are computed afresh (Newton's method in float64, a few microseconds).
 */
export function analyticInfo(problem: AnalyticProblem): AnalyticInfo {
  const teaching = analyticTeaching(problem);
  const seeds = ANALYTIC_FUNCTIONS[problem.name].criticalSeeds;
  return { ...teaching, criticalPoints: seeds.map((seed) => refineCriticalPoint(problem, seed)) };
}

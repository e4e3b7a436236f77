/**
 * An objective whose batched calls first give the worker's event loop a
 * turn, so a cancellation message is read between two chunks of a slice,
 * two Hessian-vector products of Lanczos, two rows of a prediction grid,
 * or two chunks of a dense Hessian or Gauss-Newton matrix.
 */
import type { MlpObjective } from '../engine/networks/objective';
import { yieldToEvents } from '../engine/math/krylov/operator';

/** What the landscape jobs use of an objective (MlpObjective and RegularizedObjective provide it). */
export type LandscapeObjective = Pick<
  MlpObjective,
  'spec' | 'paramCount' | 'evaluateBatch' | 'predict' | 'hvpBatch' | 'gnvpBatch' | 'fullHessian' | 'fullGaussNewton'
>;

/** `objective` with a macrotask yield before each of its calls (the results are the objective's own). */
export function yieldingObjective(objective: LandscapeObjective): LandscapeObjective {
  return {
    spec: objective.spec,
    paramCount: objective.paramCount,
    async evaluateBatch(paramsBatch, count) {
      await yieldToEvents();
      return objective.evaluateBatch(paramsBatch, count);
    },
    async predict(params, x, count) {
      await yieldToEvents();
      return objective.predict(params, x, count);
    },
    async hvpBatch(params, directions, count) {
      await yieldToEvents();
      return objective.hvpBatch(params, directions, count);
    },
    async gnvpBatch(params, directions, count) {
      await yieldToEvents();
      return objective.gnvpBatch(params, directions, count);
    },
    // The dense matrices yield before each of their chunks too: a cancellation lands while they are assembled.
    async fullHessian(params, options) {
      await yieldToEvents();
      return objective.fullHessian(params, { ...options, betweenChunks: yieldToEvents });
    },
    async fullGaussNewton(params, options) {
      await yieldToEvents();
      return objective.fullGaussNewton(params, { ...options, betweenChunks: yieldToEvents });
    },
  };
}

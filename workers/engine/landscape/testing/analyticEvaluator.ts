/**
 * For tests: a batch evaluator whose loss is a closed-form function of
 * the parameters, so slice jobs can be checked point by point without a
 * network, and whose calls are recorded.
 */
import type { BatchEvaluation } from '../../networks/objective';
import type { BatchEvaluator } from '../sliceGrid';

/** An evaluator of L(θ) = `lossOf(θ)` on P-vectors, with accuracy 1 where L < `accurateBelow`. */
export interface AnalyticEvaluator extends BatchEvaluator {
  /** The number of vectors of every evaluateBatch call, in order. */
  calls: number[];
}

/** The evaluator of `lossOf` on vectors of `paramCount` entries (accuracy null unless `accurateBelow` is given). */
export function analyticEvaluator(
  paramCount: number,
  lossOf: (theta: Float32Array) => number,
  accurateBelow: number | null = null,
): AnalyticEvaluator {
  const calls: number[] = [];
  return {
    paramCount,
    calls,
    async evaluateBatch(batch: Float32Array, count: number): Promise<BatchEvaluation> {
      if (batch.length !== count * paramCount) throw new RangeError('analyticEvaluator: wrong batch size');
      calls.push(count);
      const loss = new Float32Array(count);
      for (let k = 0; k < count; k++) loss[k] = lossOf(batch.subarray(k * paramCount, (k + 1) * paramCount));
      const accuracy = accurateBelow === null ? null : Float32Array.from(loss, (l) => (l < accurateBelow ? 1 : 0));
      return { loss, accuracy };
    },
  };
}

/**
 * Full-data-set evaluation of several parameter vectors at once: the
 * training and test loss and accuracy a run reports every few steps.
 */
import type { BuiltNetwork } from '../networks/build';
import { l2Penalty } from '../networks/regularizedObjective';

/** Loss and accuracy over whole data sets at one step. */
export interface EvaluationRecord {
  step: number;
  /** Data loss ℓ on the whole training set (no penalty). */
  trainLoss: number;
  /** Fraction correct on the training set; null for regression. */
  trainAccuracy: number | null;
  /** Data loss on the test set; null without a test set. */
  testLoss: number | null;
  testAccuracy: number | null;
  /** (λ/2)‖θ‖²; the objective minimised is trainLoss + penalty. */
  penalty: number;
}

/**
 * Train and test loss and accuracy at each of `paramsList` (one batched
 * pass per data set) and the penalty (λ/2)‖θ‖² of each.
 */
export async function evaluateAt(
  network: BuiltNetwork,
  paramsList: readonly Float32Array[],
): Promise<Omit<EvaluationRecord, 'step'>[]> {
  const size = network.objective.paramCount;
  const batch = new Float32Array(paramsList.length * size);
  paramsList.forEach((params, k) => batch.set(params, k * size));
  const train = await network.objective.data.evaluateBatch(batch, paramsList.length);
  const test = (await network.testObjective?.evaluateBatch(batch, paramsList.length)) ?? null;
  return paramsList.map((params, k) => ({
    trainLoss: train.loss[k],
    trainAccuracy: train.accuracy?.[k] ?? null,
    testLoss: test?.loss[k] ?? null,
    testAccuracy: test?.accuracy?.[k] ?? null,
    penalty: l2Penalty(network.problem.weightDecay, params),
  }));
}

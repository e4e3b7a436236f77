/**
 * The shape of a supervised-learning data set as the engine consumes it.
 * Rows are samples; every array is row-major so a network can wrap it in a
 * tensor without copying.
 */
import type { DatasetTask } from '../spec/datasets';

/**
 * The numbers a network is fitted to: `n` samples of inputs and targets.
 *
 * - `x`: the inputs, an `n × inputDim` row-major matrix (`x[i·inputDim + k]`
 *   is feature `k` of sample `i`).
 * - `y`: for `regression` the targets and for `binary` the 0/1 labels, an
 *   `n × outputDim` row-major `Float32Array`; for `multiclass` the integer
 *   labels in `{0, …, outputDim − 1}`, an `Int32Array` of length `n`.
 * - `outputDim`: how many outputs the network needs: 1 for regression and
 *   binary classification (one logit), `C` for `C` classes (one logit each).
 */
export interface Samples {
  x: Float32Array;
  n: number;
  inputDim: number;
  y: Float32Array | Int32Array;
  outputDim: number;
}

/** A data set: its samples, what the targets mean, and optional names for the features and classes. */
export interface Dataset extends Samples {
  task: DatasetTask;
  featureNames?: string[];
  classNames?: string[];
}

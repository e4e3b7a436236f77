/**
 * Small neural networks (multi-layer perceptrons) as functions of one flat
 * parameter vector: the loss, its derivatives and curvature, batched
 * evaluation, filter normalisation and 2-D slices.
 */
export type { Dataset } from './dataset';
export { validateDataset } from './dataset';
export type { ProgressOptions } from './denseSymmetric';
export { filterNormalize } from './filterNormalize';
export { MlpObjective, type BatchEvaluation, type MlpObjectiveOptions } from './objective';
export { logSoftmax, logSumExp, safeExp, safeSigmoid, safeSoftplus, safeTanh, sigmoidCrossEntropyWithLogits } from './safeOps';
export { evaluateSliceGrid, sliceGrid, type BatchEvaluator, type SliceGridOptions } from './sliceGrid';
export {
  ACTIVATIONS,
  LOSSES,
  layerLayout,
  paramCount,
  validateSpec,
  type Activation,
  type DenseLayerLayout,
  type LossName,
  type MlpSpec,
} from './spec';

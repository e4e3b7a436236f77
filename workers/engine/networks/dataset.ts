/**
 * The checks of a data set against the network it is bound to.
 */
import type { Samples } from '../data/types';
import type { MlpSpec } from '../spec/mlp';

/**
 * Throws a descriptive error unless `data` fits `spec`: n ≥ 1, x of length
 * n·inputDim, inputDim = the network's input size, outputDim = its output
 * size, and y of the length (and, for labels, the values) the loss needs.
 */
export function validateDataset(spec: MlpSpec, data: Samples): void {
  const inputSize = spec.layers[0];
  const outputSize = spec.layers[spec.layers.length - 1];
  if (!Number.isInteger(data.n) || data.n < 1) {
    throw new Error(`A data set needs at least one sample; got n = ${data.n}`);
  }
  if (data.inputDim !== inputSize) {
    throw new Error(`The network takes ${inputSize} inputs but the data has inputDim ${data.inputDim}`);
  }
  if (data.outputDim !== outputSize) {
    throw new Error(`The network has ${outputSize} outputs but the data has outputDim ${data.outputDim}`);
  }
  if (data.x.length !== data.n * data.inputDim) {
    throw new Error(`x has ${data.x.length} values; expected n·inputDim = ${data.n * data.inputDim}`);
  }
  if (spec.loss === 'softmax_ce') {
    if (data.y.length !== data.n) {
      throw new Error(`softmax_ce needs one class label per sample: ${data.n}; got ${data.y.length}`);
    }
    for (let i = 0; i < data.n; i++) {
      const label = data.y[i];
      if (!Number.isInteger(label) || label < 0 || label >= outputSize) {
        throw new Error(`Label ${i} is ${label}; labels must be integers in [0, ${outputSize})`);
      }
    }
  } else if (data.y.length !== data.n * data.outputDim) {
    throw new Error(`y has ${data.y.length} values; expected n·outputDim = ${data.n * data.outputDim}`);
  }
}

/**
 * Per-example gradients of an MLP's loss: row n is ∇_θ ℓ_n(θ), the gradient
 * of the loss on sample n alone (the objective of the one-row data set, see
 * data/subset.ts), so that the full-batch gradient is (1/N) Σ_n ∇ℓ_n.
 *
 * Computed in batched passes: a pass over M samples holds M copies θ_m = θ
 * of the parameters and feeds sample m to copy m only (inputs [M, 1, inputDim]
 * against kernels [M, fanIn, fanOut], the same batched forward pass as a
 * slice grid). With S = Σ_m ℓ_m(θ_m), ∂S/∂θ_m = ∇ℓ_m(θ): one backward pass
 * gives all M gradients. Weight decay is not included (it adds the same λθ
 * to every row).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Samples } from '../data/types';
import type { LongRunOptions } from '../math/krylov/operator';
import { throwIfAborted } from '../math/krylov/operator';
import { paramCount, layerLayout, validateSpec, type MlpSpec } from '../spec/mlp';
import { validateDataset } from './dataset';
import { batchedForward } from './forward';
import { batchedLoss, type TargetTensors } from './losses';
import { joinRows, parameterPieces, repeatRow } from './pieces';
import { targetArrays } from './targets';

/** Options of {@link perExampleGradients}. */
export interface PerExampleGradientOptions extends LongRunOptions {
  /**
   * Memory bound: at most this many values in one pass's parameter copies
   * (samples × P) and activations (samples × widest layer); default 2¹⁸.
   */
  maxBatchElements?: number;
}

const DEFAULT_MAX_BATCH_ELEMENTS = 1 << 18;

/**
 * The N × P matrix (row-major) of per-example gradients ∇ℓ_n(θ) of `spec`'s
 * loss on every sample of `data`. Progress counts samples.
 */
export async function perExampleGradients(
  spec: MlpSpec,
  data: Samples,
  params: Float32Array,
  options: PerExampleGradientOptions = {},
): Promise<Float32Array> {
  validateSpec(spec);
  validateDataset(spec, data);
  const size = paramCount(spec);
  if (params.length !== size) throw new Error(`Expected ${size} parameter values; got ${params.length}`);
  const pieces = parameterPieces(layerLayout(spec));
  const widest = Math.max(...spec.layers);
  const budget = options.maxBatchElements ?? DEFAULT_MAX_BATCH_ELEMENTS;
  const samplesPerPass = Math.max(1, Math.floor(budget / (size + widest)));
  const targets = targetArrays(spec, data);
  const { inputDim } = data;
  const width = targets.width;
  const result = new Float32Array(data.n * size);
  for (let first = 0; first < data.n; first += samplesPerPass) {
    throwIfAborted(options.signal);
    const rows = Math.min(samplesPerPass, data.n - first);
    const gradients = tf.tidy(() => {
      const theta = repeatRow(pieces, params, rows).map((values, p) => tf.tensor3d(values, [rows, ...pieces[p].shape]));
      const inputs = {
        x: tf.tensor3d(data.x.subarray(first * inputDim, (first + rows) * inputDim), [rows, 1, inputDim]),
        ones: tf.ones([rows, 1, 1]) as tf.Tensor3D,
      };
      const sampleTargets: TargetTensors =
        targets.kind === 'dense'
          ? { kind: 'dense', values: tf.tensor3d(targets.values.subarray(first * width, (first + rows) * width), [rows, 1, width]) }
          : {
              kind: 'labels',
              labels: tf.tensor2d(targets.labels.subarray(first, first + rows), [rows, 1], 'int32'),
              oneHot: tf.tensor3d(targets.oneHot.subarray(first * width, (first + rows) * width), [rows, 1, width]),
            };
      const total = (...copies: tf.Tensor[]) =>
        tf.sum(batchedLoss(spec.loss, batchedForward(spec, copies as tf.Tensor3D[], inputs), sampleTargets));
      return tf.grads(total)(theta);
    });
    const values = await Promise.all(gradients.map((g) => g.data() as Promise<Float32Array>));
    gradients.forEach((g) => g.dispose());
    result.set(joinRows(pieces, values, rows), first * size);
    options.onProgress?.(first + rows, data.n);
  }
  throwIfAborted(options.signal);
  return result;
}

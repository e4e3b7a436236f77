/**
 * The training loss and its gradient on a minibatch, with optional dropout
 * on the hidden activations: the first-order quantity every first-order
 * optimizer step needs.
 *
 * With rows R (|R| = M), masks D_l (0 or 1/(1 − p)) on the hidden layers and
 * weight decay λ:
 *   h_0 = x_R,  z_l = h_{l−1} W_l + 1 b_l,  h_l = act(z_l) ⊙ D_l (hidden),
 *   L_R(θ) = ℓ(z_L; y_R) + (λ/2)‖θ‖²,   ∇L_R = ∇ℓ + λθ,
 * ℓ the task's mean loss over the M samples (see `LossName`). Without masks
 * and with all rows this is the training objective of `buildNetwork`.
 *
 * It has its own small forward pass (rank-2 tensors, built-in activations)
 * because the model's batched forward has no place for masks; it is only
 * differentiated once, where TensorFlow.js's built-in tanh, sigmoid and
 * log-softmax gradients are correct.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/types';
import { validateDataset } from '../model/dataset';
import { parameterPieces, type ParameterPiece } from '../model/pieces';
import { layerLayout, paramCount, type Activation, type LossName, type MlpSpec } from '../model/spec';
import { l2Penalty } from '../network/regularizedObjective';

/** Which samples a step uses and how its hidden units are dropped. */
export interface TrainingBatch {
  /** Rows of the training set (each once), or null for all of them. */
  rows: Int32Array | null;
  /** Per hidden layer, M × width masks (entries 0 or 1/(1 − p)); null for no dropout. */
  masks: Float32Array[] | null;
}

/** First-order activations (differentiated once only). */
function activate(activation: Activation, z: tf.Tensor2D): tf.Tensor2D {
  switch (activation) {
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'relu':
      return tf.relu(z);
    case 'linear':
      return z;
  }
}

/** The task's mean loss of outputs z [M, C] against targets [M, C] (values, 0/1, or one-hot rows). */
function meanLoss(loss: LossName, z: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.square(tf.sub(z, targets)));
    case 'sigmoid_ce':
      // softplus(z) − y z: binary cross-entropy on logits without overflow.
      return tf.mean(tf.sub(tf.softplus(z), tf.mul(targets, z)));
    case 'softmax_ce': {
      // log softmax(z) = z − log Σ exp z, from primitive ops: tf.logSoftmax is a custom-gradient op
      // that trips the wasm backend's kernel leak check in test mode.
      const logProbabilities = tf.sub(z, tf.logSumExp(z, 1, true));
      return tf.neg(tf.mean(tf.sum(tf.mul(logProbabilities, targets), 1))) as tf.Scalar;
    }
  }
}

/** Minibatch training loss and gradient of one network on one data set. Holds tensors until `dispose()`. */
export class TrainingGradient {
  readonly paramCount: number;
  /** N: rows of the training set. */
  readonly sampleCount: number;
  /** Widths of the hidden layers, the shapes dropout masks must have per row. */
  readonly hiddenWidths: readonly number[];
  private readonly pieces: ParameterPiece[];
  private readonly inputs: tf.Tensor2D;
  /** [N, C]: targets for mse/sigmoid_ce, one-hot rows for softmax_ce. */
  private readonly targets: tf.Tensor2D;
  private disposed = false;

  constructor(
    readonly spec: MlpSpec,
    data: Dataset,
    /** λ of the penalty (λ/2)‖θ‖². */
    readonly weightDecay: number,
  ) {
    validateDataset(spec, data);
    this.paramCount = paramCount(spec);
    this.sampleCount = data.n;
    this.hiddenWidths = spec.layers.slice(1, -1);
    this.pieces = parameterPieces(layerLayout(spec));
    const outputs = data.outputDim;
    let targetValues: Float32Array;
    if (spec.loss === 'softmax_ce') {
      targetValues = new Float32Array(data.n * outputs);
      for (let n = 0; n < data.n; n++) targetValues[n * outputs + data.y[n]] = 1;
    } else {
      targetValues = Float32Array.from(data.y);
    }
    this.inputs = tf.tensor2d(data.x, [data.n, data.inputDim]);
    this.targets = tf.tensor2d(targetValues, [data.n, outputs]);
  }

  /** L_R(θ) and ∇L_R(θ) on `batch` (see the module comment). */
  async lossAndGrad(params: Float32Array, batch: TrainingBatch): Promise<{ loss: number; grad: Float32Array }> {
    this.check(params, batch);
    const results = tf.tidy(() => {
      const rows = batch.rows === null ? null : tf.tensor1d(batch.rows, 'int32');
      const x = rows === null ? this.inputs : tf.gather(this.inputs, rows);
      const y = rows === null ? this.targets : tf.gather(this.targets, rows);
      const ones = tf.ones([x.shape[0], 1]) as tf.Tensor2D;
      const masks = batch.masks?.map((mask, l) => tf.tensor2d(mask, [x.shape[0], this.hiddenWidths[l]]));
      const lossOf = (...theta: tf.Tensor[]) => {
        const layerCount = theta.length / 2;
        let h = x;
        for (let l = 0; l < layerCount; l++) {
          // Bias as 1 b (a matMul) rather than a broadcasting add: faster gradients on the cpu backend.
          const z: tf.Tensor2D = tf.add(
            tf.matMul(h, theta[2 * l] as tf.Tensor2D),
            tf.matMul(ones, theta[2 * l + 1] as tf.Tensor2D),
          );
          h = l === layerCount - 1 ? z : activate(this.spec.activation, z);
          if (l < layerCount - 1 && masks !== undefined) h = tf.mul(h, masks[l]);
        }
        return meanLoss(this.spec.loss, h, y);
      };
      const theta = this.pieces.map(({ offset, size, shape }) => tf.tensor2d(params.subarray(offset, offset + size), shape));
      const { value, grads } = tf.valueAndGrads(lossOf)(theta);
      return [value, ...grads];
    });
    const values = await Promise.all(results.map((t) => t.data() as Promise<Float32Array>));
    results.forEach((t) => t.dispose());
    const grad = new Float32Array(this.paramCount);
    this.pieces.forEach(({ offset }, p) => grad.set(values[p + 1], offset));
    if (this.weightDecay > 0) {
      for (let i = 0; i < grad.length; i++) grad[i] = grad[i] + this.weightDecay * params[i];
    }
    return { loss: values[0][0] + l2Penalty(this.weightDecay, params), grad };
  }

  /** Frees the data tensors. */
  dispose(): void {
    if (this.disposed) return;
    this.inputs.dispose();
    this.targets.dispose();
    this.disposed = true;
  }

  private check(params: Float32Array, batch: TrainingBatch): void {
    if (this.disposed) throw new Error('This TrainingGradient has been disposed');
    if (params.length !== this.paramCount) {
      throw new RangeError(`Expected ${this.paramCount} parameters, got ${params.length}`);
    }
    const rows = batch.rows?.length ?? this.sampleCount;
    if (rows < 1) throw new RangeError('A minibatch needs at least one row');
    if (batch.rows?.some((row) => !(row >= 0 && row < this.sampleCount))) {
      throw new RangeError(`Minibatch rows must lie in [0, ${this.sampleCount})`);
    }
    if (batch.masks !== null) {
      const expected = this.hiddenWidths.map((width) => rows * width);
      if (batch.masks.length !== expected.length || batch.masks.some((mask, l) => mask.length !== expected[l])) {
        throw new RangeError(`Dropout masks must be ${rows} × [${this.hiddenWidths.join(', ')}] per hidden layer`);
      }
    }
  }
}

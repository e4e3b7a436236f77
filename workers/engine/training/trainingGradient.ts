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
 * It has its own small forward pass (built-in activations), batched over
 * the K runs that share a minibatch, because the model's batched forward has
 * no place for masks; it is only differentiated once, where TensorFlow.js's
 * built-in tanh and sigmoid gradients are correct.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/types';
import { validateDataset } from '../networks/dataset';
import { parameterPieces, type ParameterPiece } from '../networks/pieces';
import { layerLayout, paramCount, type Activation, type LossName, type MlpSpec } from '../spec/mlp';
import { l2Penalty } from '../networks/regularizedObjective';

/** Which samples a step uses and how its hidden units are dropped. */
export interface TrainingBatch {
  /** Rows of the training set (each once), or null for all of them. */
  rows: Int32Array | null;
  /** Per hidden layer, M × width masks (entries 0 or 1/(1 − p)); null for no dropout. */
  masks: Float32Array[] | null;
}

/** First-order activations (differentiated once only). */
function activate(activation: Activation, z: tf.Tensor3D): tf.Tensor3D {
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

/**
 * The task's mean loss of each of K networks, [K], from outputs z [K, M, C]
 * and targets [K, M, C] (values, 0/1, or one-hot rows).
 */
function meanLosses(loss: LossName, z: tf.Tensor3D, targets: tf.Tensor3D): tf.Tensor1D {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.square(tf.sub(z, targets)), [1, 2]);
    case 'sigmoid_ce':
      // softplus(z) − y z: binary cross-entropy on logits without overflow.
      return tf.mean(tf.sub(tf.softplus(z), tf.mul(targets, z)), [1, 2]);
    case 'softmax_ce': {
      // log softmax(z) = z − log Σ exp z, from primitive ops: tf.logSoftmax is a custom-gradient op
      // that trips the wasm backend's kernel leak check in test mode.
      const logProbabilities = tf.sub(z, tf.logSumExp(z, 2, true));
      return tf.neg(tf.mean(tf.sum(tf.mul(logProbabilities, targets), 2), 1)) as tf.Tensor1D;
    }
  }
}

/** One network of a batched call: its parameters and its dropout masks (null for none). */
export interface BatchMember {
  params: Float32Array;
  masks: Float32Array[] | null;
}

/**
 * What training needs of a minibatch gradient; `TrainingGradient` and the
 * typed-array `FastTrainingGradient` provide it (`createTrainingGradient` picks one).
 */
export interface MinibatchGradient {
  readonly spec: MlpSpec;
  readonly weightDecay: number;
  readonly paramCount: number;
  readonly sampleCount: number;
  readonly hiddenWidths: readonly number[];
  lossAndGrad(params: Float32Array, batch: TrainingBatch): Promise<{ loss: number; grad: Float32Array }>;
  lossAndGradBatch(members: readonly BatchMember[], rows: Int32Array | null): Promise<{ loss: number; grad: Float32Array }[]>;
  dispose(): void;
}

/**
 * Throws a RangeError unless a batched call is well formed: at least one
 * network, rows in [0, sampleCount) (at least one), parameters of length
 * `paramCount`, and masks (where given) of rows × width per hidden layer.
 */
export function checkBatchMembers(
  members: readonly BatchMember[],
  rows: Int32Array | null,
  sampleCount: number,
  paramCount: number,
  hiddenWidths: readonly number[],
): void {
  if (members.length < 1) throw new RangeError('A batched gradient needs at least one network');
  const count = rows?.length ?? sampleCount;
  if (count < 1) throw new RangeError('A minibatch needs at least one row');
  if (rows?.some((row) => !(row >= 0 && row < sampleCount))) {
    throw new RangeError(`Minibatch rows must lie in [0, ${sampleCount})`);
  }
  const expected = hiddenWidths.map((width) => count * width);
  for (const { params, masks } of members) {
    if (params.length !== paramCount) {
      throw new RangeError(`Expected ${paramCount} parameters, got ${params.length}`);
    }
    if (masks !== null && (masks.length !== expected.length || masks.some((mask, l) => mask.length !== expected[l]))) {
      throw new RangeError(`Dropout masks must be ${count} × [${hiddenWidths.join(', ')}] per hidden layer`);
    }
  }
}

/**
 * What both engines' minibatch gradients share: the network's sizes (its
 * data checked against it), one network's call as a batch of one, and the
 * checks of a batched call.
 */
export abstract class MinibatchGradientBase implements MinibatchGradient {
  readonly paramCount: number;
  /** N: rows of the training set. */
  readonly sampleCount: number;
  /** Widths of the hidden layers, the shapes dropout masks must have per row. */
  readonly hiddenWidths: readonly number[];
  protected disposed = false;

  constructor(
    /** The class's name, for the error a call after `dispose()` throws. */
    private readonly kind: string,
    readonly spec: MlpSpec,
    data: Dataset,
    /** λ of the penalty (λ/2)‖θ‖². */
    readonly weightDecay: number,
  ) {
    validateDataset(spec, data);
    this.paramCount = paramCount(spec);
    this.sampleCount = data.n;
    this.hiddenWidths = spec.layers.slice(1, -1);
  }

  /** L_R(θ) and ∇L_R(θ) on `batch` (see the module comment). */
  async lossAndGrad(params: Float32Array, batch: TrainingBatch): Promise<{ loss: number; grad: Float32Array }> {
    return (await this.lossAndGradBatch([{ params, masks: batch.masks }], batch.rows))[0];
  }

  /** L_R and ∇L_R of K networks on the same rows R, each with its own parameters and masks. */
  abstract lossAndGradBatch(members: readonly BatchMember[], rows: Int32Array | null): Promise<{ loss: number; grad: Float32Array }[]>;

  abstract dispose(): void;

  /** Throws after `dispose()`, or unless the call is well formed (`checkBatchMembers`). */
  protected check(members: readonly BatchMember[], rows: Int32Array | null): void {
    if (this.disposed) throw new Error(`This ${this.kind} has been disposed`);
    checkBatchMembers(members, rows, this.sampleCount, this.paramCount, this.hiddenWidths);
  }
}

/** Minibatch training loss and gradient of one network on one data set. Holds tensors until `dispose()`. */
export class TrainingGradient extends MinibatchGradientBase {
  private readonly pieces: ParameterPiece[];
  private readonly inputs: tf.Tensor2D;
  /** [N, C]: targets for mse/sigmoid_ce, one-hot rows for softmax_ce. */
  private readonly targets: tf.Tensor2D;

  constructor(spec: MlpSpec, data: Dataset, weightDecay: number) {
    super('TrainingGradient', spec, data, weightDecay);
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

  /**
   * L_R and ∇L_R of K networks on the same rows R (each with its own
   * parameters and masks) in one pass: each layer is one batched matMul
   * [K, M, fanIn] × [K, fanIn, fanOut], and the gradient of Σ_k L_R(θ_k)
   * with respect to θ_k is ∇L_R(θ_k). Runs that step together on the same
   * minibatch share this pass.
   */
  async lossAndGradBatch(
    members: readonly BatchMember[],
    rows: Int32Array | null,
  ): Promise<{ loss: number; grad: Float32Array }[]> {
    this.check(members, rows);
    const count = members.length;
    const results = tf.tidy(() => {
      const rowTensor = rows === null ? null : tf.tensor1d(rows, 'int32');
      const x2 = rowTensor === null ? this.inputs : tf.gather(this.inputs, rowTensor);
      const y2 = rowTensor === null ? this.targets : tf.gather(this.targets, rowTensor);
      const samples = x2.shape[0];
      // Inputs broadcast over the K networks in matMul; targets are repeated so that the
      // element-wise loss pairs same-shaped tensors (broadcasting is slow on the cpu backend).
      const x = tf.expandDims(x2, 0) as tf.Tensor3D;
      const y = tf.tile(tf.expandDims(y2, 0), [count, 1, 1]) as tf.Tensor3D;
      const ones = tf.ones([1, samples, 1]) as tf.Tensor3D;
      const masks = members.some((member) => member.masks !== null)
        ? this.hiddenWidths.map((width, l) => {
            const values = new Float32Array(count * samples * width).fill(1);
            members.forEach((member, k) => {
              if (member.masks !== null) values.set(member.masks[l], k * samples * width);
            });
            return tf.tensor3d(values, [count, samples, width]);
          })
        : null;
      const lossesOf = (...theta: tf.Tensor[]) => {
        const layerCount = theta.length / 2;
        let h = x;
        for (let l = 0; l < layerCount; l++) {
          // Bias as 1 b (a matMul) rather than a broadcasting add: faster gradients on the cpu backend.
          const z: tf.Tensor3D = tf.add(
            tf.matMul(h, theta[2 * l] as tf.Tensor3D),
            tf.matMul(ones, theta[2 * l + 1] as tf.Tensor3D),
          );
          h = l === layerCount - 1 ? z : activate(this.spec.activation, z);
          if (l < layerCount - 1 && masks !== null) h = tf.mul(h, masks[l]);
        }
        return meanLosses(this.spec.loss, h, y);
      };
      const theta = this.pieces.map(({ offset, size, shape }) => {
        const values = new Float32Array(count * size);
        members.forEach(({ params }, k) => values.set(params.subarray(offset, offset + size), k * size));
        return tf.tensor3d(values, [count, ...shape]);
      });
      // The gradient of Σ_k L(θ_k) (dy = ones over the K losses).
      const { value, grads } = tf.valueAndGrads(lossesOf)(theta);
      return [value, ...grads];
    });
    const values = await Promise.all(results.map((t) => t.data() as Promise<Float32Array>));
    results.forEach((t) => t.dispose());
    return members.map(({ params }, k) => {
      const grad = new Float32Array(this.paramCount);
      this.pieces.forEach(({ offset, size }, p) => grad.set(values[p + 1].subarray(k * size, (k + 1) * size), offset));
      if (this.weightDecay > 0) {
        for (let i = 0; i < grad.length; i++) grad[i] = grad[i] + this.weightDecay * params[i];
      }
      return { loss: values[0][k] + l2Penalty(this.weightDecay, params), grad };
    });
  }

  /** Frees the data tensors. */
  dispose(): void {
    if (this.disposed) return;
    this.inputs.dispose();
    this.targets.dispose();
    this.disposed = true;
  }
}

/**
 * The training losses on batched network outputs, their Hessians with
 * respect to the outputs (for Gauss-Newton products), and accuracy.
 *
 * Outputs z are [B, N, C]: B networks, N samples, C outputs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { logSoftmax, sigmoidCrossEntropyWithLogits } from './safeOps';
import type { LossName } from '../spec/mlp';

/**
 * The data's targets repeated for each of the B networks, so that every
 * element-wise op pairs same-shaped tensors (fast on every backend).
 * `dense`: [B, N, C] regression or 0/1 targets. `labels`: class labels
 * [B, N] (int32) and their one-hot rows [B, N, C].
 */
export type TargetTensors =
  | { kind: 'dense'; values: tf.Tensor3D }
  | { kind: 'labels'; labels: tf.Tensor2D; oneHot: tf.Tensor3D };

/**
 * The loss of each of the B networks, [B] (definitions in `LossName`),
 * differentiable twice with respect to the outputs. Call inside tf.tidy.
 */
export function batchedLoss(loss: LossName, outputs: tf.Tensor3D, targets: TargetTensors): tf.Tensor1D {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.square(tf.sub(outputs, denseTargets(targets))), [1, 2]) as tf.Tensor1D;
    case 'sigmoid_ce':
      return tf.mean(sigmoidCrossEntropyWithLogits(outputs, denseTargets(targets)), [1, 2]) as tf.Tensor1D;
    case 'softmax_ce': {
      // −log softmax(z_n)[label_n] = −Σ_c onehot_nc · log softmax(z_n)_c
      const picked = tf.sum(tf.mul(logSoftmax(outputs), labelTargets(targets).oneHot), 2);
      return tf.neg(tf.mean(picked, 1)) as tf.Tensor1D;
    }
  }
}

/**
 * H_L u: the Hessian of the loss with respect to the outputs (block-diagonal
 * over samples) times `directions` [..., M, C], for outputs [..., M, C] of M
 * of the loss's `sampleCount` = N samples (shapes broadcast against each
 * other, e.g. outputs [1, M, C] with directions [P, M, C]). Closed forms:
 * - mse: H_L = 2/(N·C) · I,
 * - sigmoid_ce: H_L = diag(σ(z)(1 − σ(z))) / (N·C),
 * - softmax_ce: per sample (diag(p) − p pᵀ) / N with p = softmax(z_n).
 * First-order use only (not differentiated). Call inside tf.tidy.
 */
export function outputHessianProduct(
  loss: LossName,
  outputs: tf.Tensor,
  directions: tf.Tensor,
  sampleCount: number,
): tf.Tensor {
  const width = outputs.shape[outputs.rank - 1];
  switch (loss) {
    case 'mse':
      return tf.mul(directions, 2 / (sampleCount * width));
    case 'sigmoid_ce': {
      const s = tf.sigmoid(outputs);
      return tf.mul(tf.div(tf.mul(s, tf.sub(1, s)), sampleCount * width), directions);
    }
    case 'softmax_ce': {
      const p = tf.softmax(outputs);
      const pu = tf.mul(p, directions);
      return tf.div(tf.sub(pu, tf.mul(p, tf.sum(pu, -1, true))), sampleCount);
    }
  }
}

/**
 * Fraction of correct predictions of each network, [B], or null for `mse`
 * (regression). softmax_ce: argmax_c z_nc = label_n; sigmoid_ce: each output
 * counts, [z > 0] = [y > 0.5]. Call inside tf.tidy.
 */
export function batchedAccuracy(loss: LossName, outputs: tf.Tensor3D, targets: TargetTensors): tf.Tensor1D | null {
  switch (loss) {
    case 'mse':
      return null;
    case 'softmax_ce': {
      const hits = tf.equal(tf.argMax(outputs, 2), labelTargets(targets).labels);
      return tf.mean(tf.cast(hits, 'float32'), 1) as tf.Tensor1D;
    }
    case 'sigmoid_ce': {
      const hits = tf.equal(tf.greater(outputs, 0), tf.greater(denseTargets(targets), 0.5));
      return tf.mean(tf.cast(hits, 'float32'), [1, 2]) as tf.Tensor1D;
    }
  }
}

function denseTargets(targets: TargetTensors): tf.Tensor3D {
  if (targets.kind !== 'dense') throw new Error('This loss needs dense targets, not class labels');
  return targets.values;
}

function labelTargets(targets: TargetTensors): { labels: tf.Tensor2D; oneHot: tf.Tensor3D } {
  if (targets.kind !== 'labels') throw new Error('softmax_ce needs class labels, not dense targets');
  return targets;
}

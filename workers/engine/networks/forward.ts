/**
 * Batched forward passes of an MLP at B parameter vectors at once.
 *
 * The B networks' parameters come as one tensor per piece of θ (see
 * `pieces.ts`): kernels [B, fanIn, fanOut] and biases [B, 1, fanOut]. Each
 * layer is ONE batched matMul [B, N, fanIn] × [B, fanIn, fanOut] for all B
 * networks rather than B separate passes; the shared inputs [1, N, inputDim]
 * broadcast over the batch. The bias is added as the outer product
 * 1_N b (a matMul of the ones column [1, N, 1] with [B, 1, fanOut]), which
 * keeps every element-wise op between same-shaped tensors: broadcasting
 * element-wise ops, and the reductions in their gradients, are slow on the
 * cpu backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate, activationSlope } from './activations';
import type { MlpSpec } from '../spec/mlp';

/** The data's inputs as the forward passes need them. */
export interface ForwardInputs {
  /** [1, N, inputDim] */
  x: tf.Tensor3D;
  /** [1, N, 1] of ones. */
  ones: tf.Tensor3D;
}

/** z = h W + 1_N b for a batch of layers: [B, N, fanOut]. */
function dense(h: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor3D, ones: tf.Tensor3D): tf.Tensor3D {
  return tf.add(tf.matMul(h, kernel), tf.matMul(ones, bias));
}

/**
 * Outputs z_L of the B networks whose parameter pieces are `pieces`
 * ([kernel_1, bias_1, …], batched), on the inputs: [B, N, outputDim].
 * z_l = h_{l−1} W_l + b_l; h_l = act(z_l) on hidden layers; h_0 = x.
 * Differentiable twice with respect to the pieces. Call inside tf.tidy.
 */
export function batchedForward(spec: MlpSpec, pieces: tf.Tensor3D[], inputs: ForwardInputs): tf.Tensor3D {
  const layerCount = pieces.length / 2;
  let h = inputs.x;
  for (let l = 0; l < layerCount; l++) {
    const z = dense(h, pieces[2 * l], pieces[2 * l + 1], inputs.ones);
    h = l < layerCount - 1 ? (activate(spec.activation, z) as tf.Tensor3D) : z;
  }
  return h;
}

/**
 * Forward-mode (tangent) propagation: the outputs z_L of the B networks and
 * their directional derivatives J v along `tangentPieces` (batched like
 * `pieces`), both [B, N, outputDim]. With dW_l, db_l the tangent's pieces
 * and dh_0 = 0 (the inputs do not depend on θ):
 *   dz_l = dh_{l−1} W_l + h_{l−1} dW_l + 1_N db_l,   dh_l = act'(z_l) ⊙ dz_l.
 * First-order only (not for differentiation). Call inside tf.tidy.
 */
export function batchedForwardWithTangent(
  spec: MlpSpec,
  pieces: tf.Tensor3D[],
  tangentPieces: tf.Tensor3D[],
  inputs: ForwardInputs,
): { outputs: tf.Tensor3D; tangents: tf.Tensor3D } {
  const layerCount = pieces.length / 2;
  let h = inputs.x;
  let dh: tf.Tensor3D | null = null;
  for (let l = 0; ; l++) {
    const kernel = pieces[2 * l];
    const z = dense(h, kernel, pieces[2 * l + 1], inputs.ones);
    let dz = dense(h, tangentPieces[2 * l], tangentPieces[2 * l + 1], inputs.ones);
    if (dh !== null) dz = tf.add(dz, tf.matMul(dh, kernel));
    if (l === layerCount - 1) return { outputs: z, tangents: dz };
    h = activate(spec.activation, z) as tf.Tensor3D;
    dh = tf.mul(activationSlope(spec.activation, z), dz) as tf.Tensor3D;
  }
}

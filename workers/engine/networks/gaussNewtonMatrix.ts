/**
 * The output Jacobian of an MLP, sample by sample, and the dense
 * generalised Gauss-Newton matrix G = Jᵀ H_L J built from it.
 *
 * Rows of J come from one forward pass and, per output c, one backward pass
 * of the unit signal e_c kept separate for every sample (no sum over samples):
 *   δ_L = e_c,  δ_{l−1} = (δ_l W_lᵀ) ⊙ act'(z_{l−1}),
 *   ∂z_nc/∂W_l = h_{l−1,n} ⊗ δ_{l,n},  ∂z_nc/∂b_l = δ_{l,n}.
 * This costs about C backward passes, where G from Gauss-Newton-vector
 * products costs P of them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate, activationSlope } from './activations';
import { outputHessianProduct } from './losses';
import type { MlpSpec } from '../spec/mlp';

/**
 * Outputs z [M, C] of one network (parameter pieces as rank-2 tensors:
 * kernels [fanIn, fanOut], biases [1, fanOut]) at inputs x [M, inputDim],
 * and its Jacobian [M, C, P]: entry (n, c, ·) = ∂z_nc/∂θ in parameter
 * order. First-order only. Call inside tf.tidy.
 */
export function outputJacobian(
  spec: MlpSpec,
  pieces: tf.Tensor2D[],
  x: tf.Tensor2D,
): { outputs: tf.Tensor2D; jacobian: tf.Tensor3D } {
  const layerCount = pieces.length / 2;
  const samples = x.shape[0];
  const width = spec.layers[layerCount];
  const hidden: tf.Tensor2D[] = [x]; // h_0 … h_{L−1}
  const slopes: tf.Tensor2D[] = []; // act'(z_1) … act'(z_{L−1})
  let outputs = x;
  for (let l = 0; l < layerCount; l++) {
    const z = tf.add(tf.matMul(hidden[l], pieces[2 * l]), pieces[2 * l + 1]) as tf.Tensor2D;
    if (l === layerCount - 1) {
      outputs = z;
    } else {
      hidden.push(activate(spec.activation, z) as tf.Tensor2D);
      slopes.push(activationSlope(spec.activation, z) as tf.Tensor2D);
    }
  }
  const rowsPerOutput: tf.Tensor2D[] = [];
  for (let c = 0; c < width; c++) {
    let delta = tf.tensor2d(unitRows(samples, width, c), [samples, width]);
    const blocks: tf.Tensor2D[] = new Array(2 * layerCount);
    for (let l = layerCount - 1; l >= 0; l--) {
      const [fanIn, fanOut] = pieces[2 * l].shape;
      // Outer products h_{l−1,n} ⊗ δ_{l,n} for all samples in one batched matMul.
      const outer = tf.matMul(tf.expandDims(hidden[l], 2), tf.expandDims(delta, 1));
      blocks[2 * l] = tf.reshape(outer, [samples, fanIn * fanOut]);
      blocks[2 * l + 1] = delta;
      if (l > 0) delta = tf.mul(tf.matMul(delta, pieces[2 * l], false, true), slopes[l - 1]) as tf.Tensor2D;
    }
    rowsPerOutput.push(tf.concat(blocks, 1));
  }
  return { outputs, jacobian: tf.stack(rowsPerOutput, 1) as tf.Tensor3D };
}

/** M × C values whose every row is the unit vector e_c. */
function unitRows(samples: number, width: number, c: number): Float32Array {
  const rows = new Float32Array(samples * width);
  for (let n = 0; n < samples; n++) rows[n * width + c] = 1;
  return rows;
}

/**
 * Σ_{n ∈ x} J_nᵀ H_L,n J_n, the Gauss-Newton matrix's share [P, P] from the
 * samples x [M, inputDim] of a loss over `sampleCount` = N samples (H_L from
 * `outputHessianProduct`). Summed over all samples it is G. Call inside tf.tidy.
 */
export function gaussNewtonShare(
  spec: MlpSpec,
  pieces: tf.Tensor2D[],
  x: tf.Tensor2D,
  sampleCount: number,
): tf.Tensor2D {
  const { outputs, jacobian } = outputJacobian(spec, pieces, x);
  const [samples, width, paramCount] = jacobian.shape;
  // One direction per parameter: J's column for θ_p is the [M, C] field ∂z/∂θ_p.
  const columns = tf.transpose(jacobian, [2, 0, 1]);
  const curved = outputHessianProduct(spec.loss, tf.expandDims(outputs, 0), columns, sampleCount);
  return tf.matMul(
    tf.reshape(columns, [paramCount, samples * width]),
    tf.reshape(curved, [paramCount, samples * width]),
    false,
    true,
  );
}

/**
 * Forward passes of an MLP at K points of one plane (or line) in parameter
 * space, θ_k = c + α_k d₁ + β_k d₂, using the plane's structure instead of
 * K unrelated kernels.
 *
 * Every kernel and bias is affine in (α, β): W(α, β) = W_c + α W₁ + β W₂,
 * b(α, β) = b_c + α b₁ + β b₂. So for a layer whose inputs for all K points
 * are stacked as one [K·N, fanIn] matrix H, block k of the product is
 *   H_k W(α_k, β_k) = (H W_c)_k + α_k (H W₁)_k + β_k (H W₂)_k,
 * three large 2-D GEMMs [K·N, fanIn] × [fanIn, fanOut] and a per-block
 * combination, in place of one batched matMul over K small kernels (which
 * runs far below the backend's GEMM speed). The first layer's inputs X are
 * shared by every point, so X W_s + b_s (s = c, 1, 2) is computed once,
 * [N, fanOut] each, and the K pre-activations are the single product
 * [K, S] × [S, N·fanOut] of the coefficient rows (1, α_k, β_k) with them.
 *
 * This is exact (the same function as evaluating θ_k directly); only the
 * float32 rounding differs. Values only: nothing here is differentiated.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activate } from './activations';
import type { ParameterPiece } from './pieces';
import type { Activation, MlpSpec } from '../spec/mlp';

/**
 * Whether a slice should be evaluated through the plane's structure on the
 * active backend. Measured side by side (`npm run bench`, network_slice): on
 * `wasm` the plane path is about 4× faster than the batched matMul over K
 * kernels, but on the plain `cpu` backend its broadcast multiply-adds make it
 * about 3.5× slower, so there the generic batched path is used.
 */
export function planePathPays(): boolean {
  return tf.getBackend() !== 'cpu';
}

/**
 * The coefficient rows (1, α_k, β_k) of `count` points, K × S row-major with
 * S = 3 on a plane and S = 2 (1, α_k) on a line. `coords` holds K pairs
 * (α_k, β_k) on a plane and K values α_k on a line, from point `first` on.
 */
export function planeCoefficients(coords: ArrayLike<number>, first: number, count: number, onPlane: boolean): Float32Array {
  const width = onPlane ? 3 : 2;
  const stride = onPlane ? 2 : 1;
  const rows = new Float32Array(count * width);
  for (let k = 0; k < count; k++) {
    const source = (first + k) * stride;
    rows[k * width] = 1;
    rows[k * width + 1] = coords[source];
    if (onPlane) rows[k * width + 2] = coords[source + 1];
  }
  return rows;
}

/**
 * The plane vector `v` rewritten so that a tanh network becomes a sigmoid
 * network with the same outputs. With tanh(z) = 2σ(2z) − 1 and s = σ(2z)
 * a hidden layer's output, the next layer's z = (2s − 1) W + b
 * = s (2W) + (b − 1ᵀW), and the sigmoid of a hidden layer takes 2z. So,
 * layer by layer (l = 1 … L), with p_l = 2 on hidden layers (1 on the last)
 * and q_l = 2, r_l = −1 after a hidden layer (q_1 = 1, r_1 = 0 on the inputs):
 *   W'_l = p_l q_l W_l,   b'_l = p_l (b_l + r_l Σ_i W_l[i, :]).
 * The map is linear (no constant term), so it maps c, d₁, d₂ separately and
 * the plane stays a plane. Why: the wasm backend's tanh kernel is scalar
 * code, about 15× slower than its vectorised sigmoid, and the scale and
 * shift of 2σ(2z) − 1 cost as much again as the sigmoid; folded into the
 * weights they cost nothing. Other activations: `v` unchanged.
 */
export function foldActivationAffinity(spec: MlpSpec, pieces: readonly ParameterPiece[], v: Float32Array): Float32Array {
  if (spec.activation !== 'tanh') return v;
  const folded = new Float32Array(v.length);
  const layerCount = pieces.length / 2;
  for (let l = 0; l < layerCount; l++) {
    const kernel = pieces[2 * l];
    const bias = pieces[2 * l + 1];
    const [fanIn, fanOut] = kernel.shape;
    const inner = l < layerCount - 1 ? 2 : 1;
    const outer = l > 0 ? 2 : 1;
    const shift = l > 0 ? -1 : 0;
    for (let j = 0; j < fanOut; j++) {
      let columnSum = 0;
      for (let i = 0; i < fanIn; i++) {
        const weight = v[kernel.offset + i * fanOut + j];
        columnSum += weight;
        folded[kernel.offset + i * fanOut + j] = inner * outer * weight;
      }
      folded[bias.offset + j] = inner * (v[bias.offset + j] + shift * columnSum);
    }
  }
  return folded;
}

/**
 * The hidden layers' nonlinearity on vectors folded by
 * `foldActivationAffinity`: σ for tanh (the fold supplies the rest), else
 * the model's own activation.
 */
function foldedActivation(activation: Activation, z: tf.Tensor): tf.Tensor {
  return activation === 'tanh' ? tf.sigmoid(z) : activate(activation, z);
}

/** The piece `piece` of each plane vector ([c, d₁] or [c, d₁, d₂]) as [rows, cols] tensors. */
function pieceOfEach(vectors: readonly Float32Array[], piece: ParameterPiece): tf.Tensor2D[] {
  return vectors.map((v) => tf.tensor2d(v.subarray(piece.offset, piece.offset + piece.size), piece.shape));
}

/**
 * Outputs z_L of the networks at the K points whose coefficient rows
 * (1, α_k[, β_k]) are `coefficients` (K × S, from `planeCoefficients`), for
 * the plane spanned by `vectors` = [c, d₁] (a line) or [c, d₁, d₂], each
 * folded by `foldActivationAffinity`, on the inputs `x` [N, inputDim]:
 * [K, N, outputDim].
 *
 *   first layer:  Z = C · [X W_s + b_s]_s                  ([K, S]·[S, N·n₁]),
 *   hidden layer: Z_k = Σ_s C_ks (H W_s)_k + (C B)_k        (S GEMMs on [K·N, n_{l−1}]),
 *   last layer:   Y = H [W_s]_s (columns interleaved, [K·N, n_L·S]), then per
 *                 point Z_k = Y_k C_kᵀ as one batched product [K, N·n_L, S]·[K, S, 1]
 *                 (a few outputs: S narrow GEMMs would each run far below speed),
 * with h = act(z) between layers. Call inside tf.tidy.
 */
export function planeOutputs(
  spec: MlpSpec,
  pieces: readonly ParameterPiece[],
  vectors: readonly Float32Array[],
  x: tf.Tensor2D,
  coefficients: Float32Array,
  count: number,
): tf.Tensor3D {
  const planeWidth = vectors.length;
  const samples = x.shape[0];
  const layerCount = pieces.length / 2;
  const coefficientRows = tf.tensor2d(coefficients, [count, planeWidth]);
  // α_k and β_k as [K, 1, 1], to scale whole row blocks.
  const scales = Array.from({ length: planeWidth - 1 }, (_, s) =>
    tf.reshape(tf.slice(coefficientRows, [0, s + 1], [count, 1]), [count, 1, 1]),
  );
  let h: tf.Tensor3D | null = null;
  for (let l = 0; l < layerCount; l++) {
    const kernels = pieceOfEach(vectors, pieces[2 * l]);
    const biases = pieceOfEach(vectors, pieces[2 * l + 1]);
    const [fanIn, fanOut] = pieces[2 * l].shape;
    let z: tf.Tensor3D;
    if (h === null) {
      // Shared inputs: S products [N, n₁], then one [K, S] × [S, N·n₁] product.
      const perVector = kernels.map((w, s) => tf.reshape(tf.add(tf.matMul(x, w), biases[s]), [1, samples * fanOut]));
      z = tf.reshape(tf.matMul(coefficientRows, tf.concat(perVector, 0)), [count, samples, fanOut]);
    } else {
      const stacked = tf.reshape(h, [count * samples, fanIn]);
      // The K biases b(α_k, β_k) = C · [b_s]_s, [K, 1, n_l].
      const bias = tf.reshape(tf.matMul(coefficientRows, tf.concat(biases, 0)), [count, 1, fanOut]);
      if (l < layerCount - 1) {
        const products = kernels.map((w) => tf.reshape(tf.matMul(stacked, w), [count, samples, fanOut]));
        z = products.slice(1).reduce<tf.Tensor3D>((sum, product, s) => tf.add(sum, tf.mul(product, scales[s])), tf.add(products[0], bias));
      } else {
        // Column j·S + s of the interleaved kernel is column j of W_s.
        const interleaved = tf.reshape(tf.stack(kernels, 2), [fanIn, fanOut * planeWidth]);
        const products = tf.reshape(tf.matMul(stacked, interleaved), [count, samples * fanOut, planeWidth]);
        const combined = tf.matMul(products, tf.reshape(coefficientRows, [count, planeWidth, 1]));
        z = tf.add(tf.reshape(combined, [count, samples, fanOut]), bias);
      }
    }
    h = l < layerCount - 1 ? (foldedActivation(spec.activation, z) as tf.Tensor3D) : z;
  }
  return h as tf.Tensor3D;
}

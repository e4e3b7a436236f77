/**
 * The curvature of the loss along given directions and its gradient with
 * respect to the parameters: for probes v_k,
 *
 *   q_k(θ) = v_kᵀ ∇²ℓ(θ) v_k,     ∇_θ q_k(θ) = ∇_θ ⟨∇_θ ⟨∇_θ ℓ(θ), v_k⟩, v_k⟩,
 *
 * a third derivative of the data loss ℓ, by triple back-propagation. With
 * Rademacher probes, (1/m) Σ_k q_k is Hutchinson's estimate of tr ∇²ℓ(θ)
 * and (1/m) Σ_k ∇q_k an unbiased estimate of ∇ tr ∇²ℓ(θ): the gradient of a
 * trace (flatness) penalty. Weight decay (λ/2)‖θ‖² adds λ‖v‖² to q_k, a
 * constant in θ, so it is left out here.
 *
 * Every op on the path is correct to the third derivative: the hidden
 * activations and losses use the second-order-safe ops of `safeOps.ts`
 * (custom gradients built from themselves), the rest is matMul, add, mul and
 * reductions, whose gradients are ordinary differentiable ops.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Samples } from '../data/types';
import { validateDataset } from './dataset';
import { batchedForward, type ForwardInputs } from './forward';
import { batchedLoss } from './losses';
import { joinRows, parameterPieces, repeatRow, splitRows, type ParameterPiece } from './pieces';
import { layerLayout, paramCount, validateSpec, type MlpSpec } from '../spec/mlp';
import { targetArrays, targetTensors, type TargetArrays } from './targets';

/** q_k = v_kᵀ H v_k and ∇_θ q_k for K probes. */
export interface QuadraticFormGradients {
  /** [K] values v_kᵀ ∇²ℓ(θ) v_k. */
  values: Float64Array;
  /** K × P row-major: row k is ∇_θ (v_kᵀ ∇²ℓ(θ) v_k). */
  gradients: Float32Array;
}

/** What a trace-penalty step needs: the quadratic forms of the Hessian and their gradients. */
export interface HessianQuadraticModel {
  readonly paramCount: number;
  quadraticFormGradients(params: Float32Array, probes: Float32Array, count: number): Promise<QuadraticFormGradients>;
}

/** Networks × samples × widest layer per pass: the third-order tape holds a few hundred such tensors. */
const DEFAULT_MAX_BATCH_ELEMENTS = 1 << 16;

/**
 * v_kᵀ ∇²ℓ(θ) v_k and its θ-gradient for an MLP on a fixed data set (the
 * mean data loss of `spec.loss`, no penalty). Holds the data's tensors until
 * `dispose()`; every call leaves the tensor count as it found it.
 */
export class HessianQuadraticGradient implements HessianQuadraticModel {
  readonly spec: MlpSpec;
  readonly paramCount: number;
  readonly sampleCount: number;
  private readonly pieces: ParameterPiece[];
  private readonly inputs: ForwardInputs;
  private readonly targets: TargetArrays;
  private readonly rowsPerPass: number;
  private disposed = false;

  constructor(spec: MlpSpec, data: Samples, maxBatchElements = DEFAULT_MAX_BATCH_ELEMENTS) {
    validateSpec(spec);
    validateDataset(spec, data);
    this.spec = { layers: [...spec.layers], activation: spec.activation, loss: spec.loss };
    this.paramCount = paramCount(spec);
    this.sampleCount = data.n;
    this.pieces = parameterPieces(layerLayout(spec));
    this.targets = targetArrays(spec, data);
    this.rowsPerPass = Math.max(1, Math.floor(maxBatchElements / (data.n * Math.max(...spec.layers))));
    this.inputs = { x: tf.tensor3d(data.x, [1, data.n, data.inputDim]), ones: tf.ones([1, data.n, 1]) };
  }

  /**
   * For the `count` rows v_k of `probes` (count × P): q_k = v_kᵀ ∇²ℓ(θ) v_k
   * and ∇_θ q_k. A pass holds B copies θ_k = θ; with S = Σ_k ℓ(θ_k),
   * ∂S/∂θ_k = ∇ℓ(θ_k), so D = Σ_k ⟨∂S/∂θ_k, v_k⟩ has ∂D/∂θ_k = H(θ_k) v_k,
   * Q = Σ_k ⟨∂D/∂θ_k, v_k⟩ = Σ_k q_k, and ∂Q/∂θ_k = ∇q_k(θ).
   */
  async quadraticFormGradients(params: Float32Array, probes: Float32Array, count: number): Promise<QuadraticFormGradients> {
    this.check(params, 1);
    this.check(probes, count);
    const values = new Float64Array(count);
    const gradients = new Float32Array(count * this.paramCount);
    for (let first = 0; first < count; first += this.rowsPerPass) {
      const rows = Math.min(this.rowsPerPass, count - first);
      const chunk = probes.subarray(first * this.paramCount, (first + rows) * this.paramCount);
      const results = tf.tidy(() => {
        const tangents = this.pieceTensors(splitRows(this.pieces, chunk, rows), rows);
        const pair = (left: tf.Tensor[], right: tf.Tensor[]) =>
          tf.addN(left.map((piece, p) => tf.sum(tf.reshape(tf.mul(piece, right[p]), [rows, -1]), 1)));
        const gradientOf = tf.grads((...theta: tf.Tensor[]) =>
          tf.sum(batchedLoss(this.spec.loss, batchedForward(this.spec, theta as tf.Tensor3D[], this.inputs), targetTensors(this.targets, rows))),
        );
        const hessianTimesProbeOf = tf.grads((...theta: tf.Tensor[]) => tf.sum(pair(gradientOf(theta), tangents)));
        // [rows] quadratic forms; the gradient of their sum is ∇q_k in copy k.
        const quadratic = (...theta: tf.Tensor[]) => pair(hessianTimesProbeOf(theta), tangents);
        const { value, grads } = tf.valueAndGrads(quadratic)(this.pieceTensors(repeatRow(this.pieces, params, rows), rows));
        return [value, ...grads];
      });
      const read = await Promise.all(results.map((t) => t.data() as Promise<Float32Array>));
      results.forEach((t) => t.dispose());
      values.set(read[0], first);
      gradients.set(joinRows(this.pieces, read.slice(1), rows), first * this.paramCount);
    }
    return { values, gradients };
  }

  /** Frees the data tensors. */
  dispose(): void {
    if (this.disposed) return;
    this.inputs.x.dispose();
    this.inputs.ones.dispose();
    this.disposed = true;
  }

  private pieceTensors(pieceValues: Float32Array[], rows: number): tf.Tensor3D[] {
    return pieceValues.map((values, p) => tf.tensor3d(values, [rows, ...this.pieces[p].shape]));
  }

  private check(values: Float32Array, rows: number): void {
    if (this.disposed) throw new Error('This HessianQuadraticGradient has been disposed');
    if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`The number of probes must be a positive integer; got ${rows}`);
    if (values.length !== rows * this.paramCount) {
      throw new RangeError(`Expected ${rows} × ${this.paramCount} values; got ${values.length}`);
    }
  }
}

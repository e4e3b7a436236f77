/**
 * An MLP's data loss plus L2 weight decay, with every derivative the engine
 * uses:
 *
 *   L(θ) = ℓ(θ) + (λ/2)‖θ‖²,   ∇L = ∇ℓ + λθ,   ∇²L = ∇²ℓ + λI,
 *   Gauss-Newton: G_L = G_ℓ + λI   (the penalty is its own exact quadratic).
 *
 * The penalty's terms are added in float64 to what the data objective
 * returns; nothing is differentiated through it. With λ = 0 every method
 * returns the data objective's results unchanged.
 */
import type { DataObjective, PlaneCall } from './dataObjective';
import type { BatchEvaluation } from './objective';
import type { ProgressOptions } from './denseSymmetric';
import type { MlpSpec } from '../spec/mlp';

/**
 * What training, curvature and slices need of a network's loss: the
 * methods of a data objective, for a loss that may include weight decay.
 */
export interface NetworkObjective extends DataObjective {
  /** λ of the penalty (λ/2)‖θ‖² (0 for none). */
  readonly weightDecay: number;
}

/** (λ/2)‖θ‖² in float64 for the `row`-th vector of a row-major batch. */
export function l2Penalty(weightDecay: number, values: Float32Array, row = 0, length = values.length): number {
  if (weightDecay === 0) return 0;
  let squares = 0;
  for (let i = row * length; i < (row + 1) * length; i++) squares += values[i] * values[i];
  return 0.5 * weightDecay * squares;
}

/** Σ u_i v_i in float64 over the common length (0 for an empty vector). */
function dot(u: Float32Array, v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < Math.min(u.length, v.length); i++) sum += u[i] * v[i];
  return sum;
}

/** out_i += λ·v_i for every entry (float64 sums rounded once into out). */
function addScaled(out: Float32Array, weightDecay: number, v: Float32Array): Float32Array {
  if (weightDecay === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] = out[i] + weightDecay * v[i];
  return out;
}

/** n×n row-major matrix + λI, in place. */
function addToDiagonal(matrix: Float64Array, n: number, weightDecay: number): Float64Array {
  if (weightDecay === 0) return matrix;
  for (let i = 0; i < n; i++) matrix[i * n + i] += weightDecay;
  return matrix;
}

/**
 * L(θ) = ℓ(θ) + (λ/2)‖θ‖² over a data objective ℓ. Owns `data`: `dispose()`
 * disposes it.
 */
export class RegularizedObjective implements NetworkObjective {
  readonly spec: MlpSpec;
  readonly paramCount: number;
  readonly sampleCount: number;

  /**
   * @param data the data loss ℓ (either engine's objective; owned from now on)
   * @param weightDecay λ ≥ 0
   */
  constructor(
    readonly data: DataObjective,
    readonly weightDecay: number,
  ) {
    if (!(Number.isFinite(weightDecay) && weightDecay >= 0)) {
      throw new RangeError(`weight decay must be a finite number ≥ 0, got ${weightDecay}`);
    }
    this.spec = data.spec;
    this.paramCount = data.paramCount;
    this.sampleCount = data.sampleCount;
  }

  /** ℓ(θ) + (λ/2)‖θ‖². */
  async loss(params: Float32Array): Promise<number> {
    return (await this.data.loss(params)) + l2Penalty(this.weightDecay, params);
  }

  /** L(θ) and ∇ℓ(θ) + λθ. */
  async lossAndGrad(params: Float32Array): Promise<{ loss: number; grad: Float32Array }> {
    const { loss, grad } = await this.data.lossAndGrad(params);
    return { loss: loss + l2Penalty(this.weightDecay, params), grad: addScaled(grad, this.weightDecay, params) };
  }

  /** (∇²ℓ(θ) + λI) v. */
  async hvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return addScaled(await this.data.hvp(params, v), this.weightDecay, v);
  }

  /** (∇²ℓ(θ) + λI) v_k for the `count` rows of `directions`. */
  async hvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    return addScaled(await this.data.hvpBatch(params, directions, count), this.weightDecay, directions);
  }

  /** (G_ℓ(θ) + λI) v. */
  async gnvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return addScaled(await this.data.gnvp(params, v), this.weightDecay, v);
  }

  /** (G_ℓ(θ) + λI) v_k for the `count` rows of `directions`. */
  async gnvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    return addScaled(await this.data.gnvpBatch(params, directions, count), this.weightDecay, directions);
  }

  /** ∇²ℓ(θ) + λI, P×P row-major float64. */
  async fullHessian(params: Float32Array, options?: ProgressOptions): Promise<Float64Array> {
    return addToDiagonal(await this.data.fullHessian(params, options), this.paramCount, this.weightDecay);
  }

  /** G_ℓ(θ) + λI, P×P row-major float64. */
  async fullGaussNewton(params: Float32Array, options?: ProgressOptions): Promise<Float64Array> {
    return addToDiagonal(await this.data.fullGaussNewton(params, options), this.paramCount, this.weightDecay);
  }

  /** L(θ_k) for each row θ_k and the (unpenalised) accuracy there. */
  async evaluateBatch(paramsBatch: Float32Array, count: number): Promise<BatchEvaluation> {
    const result = await this.data.evaluateBatch(paramsBatch, count);
    if (this.weightDecay > 0) {
      for (let k = 0; k < count; k++) {
        result.loss[k] = result.loss[k] + l2Penalty(this.weightDecay, paramsBatch, k, this.paramCount);
      }
    }
    return result;
  }

  /**
   * L and the (unpenalised) accuracy at θ_k = c + α_k d₁ + β_k d₂ (a line
   * when `d2` is null; `coords` as in `MlpObjective.evaluatePlane`). The
   * penalty comes from the plane's Gram entries in float64:
   * ‖θ_k‖² = c·c + 2α c·d₁ + 2β c·d₂ + α² d₁·d₁ + 2αβ d₁·d₂ + β² d₂·d₂.
   */
  async evaluatePlane(...[centre, d1, d2, coords, count]: PlaneCall): Promise<BatchEvaluation> {
    const result = await this.data.evaluatePlane(centre, d1, d2, coords, count);
    if (this.weightDecay === 0) return result;
    const zero = new Float32Array(0);
    const e = d2 ?? zero;
    const [cc, c1, c2, d11, d12, d22] = [
      dot(centre, centre), dot(centre, d1), dot(centre, e), dot(d1, d1), dot(d1, e), dot(e, e),
    ];
    const perPoint = d2 === null ? 1 : 2;
    for (let k = 0; k < count; k++) {
      const a = coords[k * perPoint];
      const b = d2 === null ? 0 : coords[k * perPoint + 1];
      const squares = cc + 2 * a * c1 + 2 * b * c2 + a * a * d11 + 2 * a * b * d12 + b * b * d22;
      result.loss[k] = result.loss[k] + 0.5 * this.weightDecay * squares;
    }
    return result;
  }

  /** L(θ_k) for each row θ_k of `paramsBatch`. */
  async lossBatch(paramsBatch: Float32Array, count: number): Promise<Float32Array> {
    return (await this.evaluateBatch(paramsBatch, count)).loss;
  }

  /** The network's outputs (the penalty does not change them). */
  predict(params: Float32Array, x: Float32Array, count?: number): Promise<Float32Array> {
    return this.data.predict(params, x, count);
  }

  dispose(): void {
    this.data.dispose();
  }
}

/**
 * The data loss ℓ(θ) of an MLP on a fixed set of samples, as the rest of the
 * engine sees it: value, gradient, curvature products and matrices, batched
 * and plane-structured evaluation, predictions. Two engines implement it
 * with the same numbers up to float32 rounding: `MlpObjective` (TensorFlow.js,
 * batched tensor passes; pays on GPUs and large problems) and
 * `FastMlpObjective` (typed arrays, no per-kernel dispatch; pays on the
 * small networks this tool is about). `chooseNetworkEngine` picks one.
 */
import type { ProgressOptions } from './denseSymmetric';
import type { BatchEvaluation } from './objective';
import type { MlpSpec } from '../spec/mlp';

/**
 * The arguments of `evaluatePlane`: the points θ_k = c + α_k d₁ + β_k d₂ of
 * a plane, or c + α_k d₁ of a line (`d2` null), with `coords` the (α_k, β_k)
 * pairs or the α_k of `count` points.
 */
export type PlaneCall = [centre: Float32Array, d1: Float32Array, d2: Float32Array | null, coords: ArrayLike<number>, count: number];

/** ℓ(θ) and its derivatives (the methods' mathematics is stated on `MlpObjective`). */
export interface DataObjective {
  readonly spec: MlpSpec;
  /** P: length of θ. */
  readonly paramCount: number;
  /** N: samples the loss averages over. */
  readonly sampleCount: number;
  loss(params: Float32Array): Promise<number>;
  lossAndGrad(params: Float32Array): Promise<{ loss: number; grad: Float32Array }>;
  hvp(params: Float32Array, v: Float32Array): Promise<Float32Array>;
  hvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array>;
  gnvp(params: Float32Array, v: Float32Array): Promise<Float32Array>;
  gnvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array>;
  fullHessian(params: Float32Array, options?: ProgressOptions): Promise<Float64Array>;
  fullGaussNewton(params: Float32Array, options?: ProgressOptions): Promise<Float64Array>;
  evaluateBatch(paramsBatch: Float32Array, count: number): Promise<BatchEvaluation>;
  evaluatePlane(...call: PlaneCall): Promise<BatchEvaluation>;
  lossBatch(paramsBatch: Float32Array, count: number): Promise<Float32Array>;
  predict(params: Float32Array, x: Float32Array, count?: number): Promise<Float32Array>;
  /** Frees what the objective holds; it cannot be used afterwards. */
  dispose(): void;
}

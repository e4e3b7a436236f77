/**
 * The training loss of an MLP on a fixed data set as a function of the flat
 * parameter vector θ ∈ ℝᴾ, with its derivatives: gradient, Hessian-vector
 * and Gauss-Newton-vector products, dense Hessian and Gauss-Newton matrices,
 * and the loss (and accuracy) at many parameter vectors in one batched pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Samples } from '../data/types';
import type { DataObjective, PlaneCall } from './dataObjective';
import { validateDataset } from './dataset';
import { DEFAULT_CHUNK_MILLISECONDS, denseSymmetricFromProducts, symmetrizeInPlace, type ProgressOptions } from './denseSymmetric';
import { batchedForward, batchedForwardWithTangent, type ForwardInputs } from './forward';
import { gaussNewtonShare } from './gaussNewtonMatrix';
import { batchedAccuracy, batchedLoss, outputHessianProduct } from './losses';
import { joinRows, parameterPieces, repeatRow, splitRows, type ParameterPiece } from './pieces';
import { foldActivationAffinity, planeCoefficients, planeOutputs } from './planeBatch';
import { checkedPlaneCall } from '../math/plane/plane';
import { layerLayout, paramCount, validateSpec, type DenseLayerLayout, type MlpSpec } from '../spec/mlp';
import { targetArrays, targetTensors, type TargetArrays } from './targets';

/** Options of an `MlpObjective`. */
export interface MlpObjectiveOptions {
  /**
   * Memory bound for batched work: at most this many activation values
   * (networks × samples × widest layer) per batched pass; larger batches
   * are split into chunks. Default 2¹⁸ (1 MiB per activation tensor). A
   * Hessian-vector pass keeps about 75 such tensors on its tape (peak near
   * 75 MiB at the default), a loss pass about 8; the time per vector hardly
   * depends on the chunk size.
   */
  maxBatchElements?: number;
}

/** Loss and (for classification) accuracy at K parameter vectors. */
export interface BatchEvaluation {
  /** [K] loss values. */
  loss: Float32Array;
  /** [K] fractions of correct predictions, or null for `mse`. */
  accuracy: Float32Array | null;
}

const DEFAULT_MAX_BATCH_ELEMENTS = 1 << 18;

/**
 * Throws a clear error unless TensorFlow.js's gradient functions are
 * registered. tfjs-core registers none by itself: a worker imports
 * '@tensorflow/tfjs-core/dist/register_all_gradients', Node loads
 * '@tensorflow/tfjs' (Node cannot load that ES-module entry).
 */
function requireGradients(): void {
  if (tf.getGradient('BatchMatMul') == null || tf.getGradient('Multiply') == null) {
    throw new Error(
      'TensorFlow.js gradients are not registered: import ' +
        "'@tensorflow/tfjs-core/dist/register_all_gradients' (browser, worker) or '@tensorflow/tfjs' (Node) first",
    );
  }
}

/** Reads every tensor of `tensors`, then disposes them. */
async function readAndDispose(tensors: tf.Tensor[]): Promise<Float32Array[]> {
  const values = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  tensors.forEach((t) => t.dispose());
  return values;
}

/**
 * L(θ) for an MLP `spec` on a data set. The data's input tensors are made
 * once and live until `dispose()`; every method leaves the tensor count as
 * it found it.
 */
export class MlpObjective implements DataObjective {
  readonly spec: MlpSpec;
  readonly layout: DenseLayerLayout[];
  /** P: length of θ. */
  readonly paramCount: number;
  /** N: samples in the data set. */
  readonly sampleCount: number;
  private readonly pieces: ParameterPiece[];
  private readonly inputs: ForwardInputs;
  /** The inputs x (N × inputDim) as given, for per-sample work. */
  private readonly inputValues: Float32Array;
  private readonly maxBatchElements: number;
  private readonly targets: TargetArrays;
  /** Parameter vectors per batched pass, from the memory bound. */
  private readonly rowsPerPass: number;
  private disposed = false;

  constructor(spec: MlpSpec, data: Samples, options: MlpObjectiveOptions = {}) {
    validateSpec(spec);
    validateDataset(spec, data);
    requireGradients();
    this.spec = { layers: [...spec.layers], activation: spec.activation, loss: spec.loss };
    this.layout = layerLayout(spec);
    this.paramCount = paramCount(spec);
    this.sampleCount = data.n;
    this.pieces = parameterPieces(this.layout);
    const widest = Math.max(...spec.layers);
    this.maxBatchElements = options.maxBatchElements ?? DEFAULT_MAX_BATCH_ELEMENTS;
    this.rowsPerPass = Math.max(1, Math.floor(this.maxBatchElements / (data.n * widest)));
    this.inputValues = Float32Array.from(data.x);
    this.targets = targetArrays(spec, data);
    this.inputs = {
      x: tf.tensor3d(data.x, [1, data.n, data.inputDim]),
      ones: tf.ones([1, data.n, 1]),
    };
  }

  /** L(θ). */
  async loss(params: Float32Array): Promise<number> {
    return (await this.lossBatch(params, 1))[0];
  }

  /** L(θ) and ∇L(θ) (one forward and one backward pass). */
  async lossAndGrad(params: Float32Array): Promise<{ loss: number; grad: Float32Array }> {
    this.checkVectors(params, 1);
    const results = tf.tidy(() => {
      const lossOf = (...theta: tf.Tensor[]) => tf.sum(this.lossesAt(theta as tf.Tensor3D[], 1));
      const { value, grads } = tf.valueAndGrads(lossOf)(this.repeatedParams(params, 1));
      return [value, ...grads];
    });
    const [loss, ...gradPieces] = await readAndDispose(results);
    return { loss: loss[0], grad: joinRows(this.pieces, gradPieces, 1) };
  }

  /** H(θ) v, the Hessian of L times v, by double back-propagation. */
  async hvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return this.hvpBatch(params, v, 1);
  }

  /**
   * H(θ) v_k for the `count` rows v_k of `directions` (count × P), by double
   * back-propagation in batched passes. A pass holds B copies θ_k = θ of
   * the parameters; with S = Σ_k L(θ_k), ∂S/∂θ_k = ∇L(θ_k), and the gradient
   * of Σ_k ⟨∇L(θ_k), v_k⟩ with respect to θ_k is H(θ_k) v_k = H(θ) v_k.
   */
  async hvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    return this.productsInChunks(params, directions, count, (theta, tangents, rows) => {
      const gradientOf = tf.grads((...copies: tf.Tensor[]) => tf.sum(this.lossesAt(copies as tf.Tensor3D[], rows)));
      const directional = (...copies: tf.Tensor[]) => tf.addN(gradientOf(copies).map((g, p) => tf.sum(tf.mul(g, tangents[p]))));
      return tf.grads(directional)(theta);
    });
  }

  /** G(θ) v, the generalised Gauss-Newton matrix times v (see `gnvpBatch`). */
  async gnvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return this.gnvpBatch(params, v, 1);
  }

  /**
   * G v_k = Jᵀ H_L J v_k for the `count` rows of `directions` (count × P),
   * J = ∂z/∂θ the Jacobian of the outputs, H_L = ∂²L/∂z² (closed forms in
   * `outputHessianProduct`). Method: J v by forward-mode tangent propagation
   * through the layers (`batchedForwardWithTangent`), then u = H_L (J v),
   * then Jᵀ u as the gradient of ⟨z(θ), u⟩ with u held constant (one
   * backward pass). G is positive semi-definite for these convex losses.
   */
  async gnvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    return this.productsInChunks(params, directions, count, (theta, tangents) => {
      const { outputs, tangents: outputTangents } = batchedForwardWithTangent(this.spec, theta, tangents, this.inputs);
      const curved = outputHessianProduct(this.spec.loss, outputs, outputTangents, this.sampleCount);
      const pairing = (...pieces: tf.Tensor[]) => tf.sum(tf.mul(batchedForward(this.spec, pieces as tf.Tensor3D[], this.inputs), curved));
      return tf.grads(pairing)(theta);
    });
  }

  /**
   * Curvature products with the `count` rows of `directions` (count × P),
   * chunk by chunk: `product(theta, tangents, rows)` gives one chunk's
   * (inside `tf.tidy`) from `rows` copies θ_k = θ of the parameters and the
   * chunk's directions v_k, both as layer pieces.
   */
  private productsInChunks(
    params: Float32Array,
    directions: Float32Array,
    count: number,
    product: (theta: tf.Tensor3D[], tangents: tf.Tensor3D[], rows: number) => tf.Tensor[],
  ): Promise<Float32Array> {
    this.checkVectors(params, 1);
    this.checkVectors(directions, count);
    return this.inChunks(directions, count, (chunk, rows) =>
      tf.tidy(() => product(this.repeatedParams(params, rows), this.pieceTensors(splitRows(this.pieces, chunk, rows), rows), rows)),
    );
  }

  /**
   * The P×P Hessian ∇²L(θ), row-major float64, from batched Hessian-vector
   * products with the identity's columns, symmetrised.
   */
  async fullHessian(params: Float32Array, options: ProgressOptions = {}): Promise<Float64Array> {
    this.checkVectors(params, 1);
    return denseSymmetricFromProducts(
      this.paramCount,
      this.rowsPerPass,
      (columns, count) => this.hvpBatch(params, columns, count),
      options,
    );
  }

  /**
   * The P×P Gauss-Newton matrix G(θ) = Jᵀ H_L J = Σ_n J_nᵀ H_L,n J_n,
   * row-major float64, symmetrised. Built from the explicit per-sample
   * Jacobian (`gaussNewtonShare`), samples in chunks of at most
   * maxBatchElements / (C·P), sized to about `chunkMilliseconds` each (so a
   * cancellation is noticed promptly): about C backward passes per chunk
   * instead of P Gauss-Newton-vector products. Progress counts samples.
   */
  async fullGaussNewton(params: Float32Array, options: ProgressOptions = {}): Promise<Float64Array> {
    this.checkVectors(params, 1);
    const size = this.paramCount;
    const inputDim = this.spec.layers[0];
    const outputDim = this.spec.layers[this.spec.layers.length - 1];
    const samplesPerPass = Math.max(1, Math.floor(this.maxBatchElements / (outputDim * size)));
    const target = options.chunkMilliseconds ?? DEFAULT_CHUNK_MILLISECONDS;
    const matrix = new Float64Array(size * size);
    // Passes sized by time as in denseSymmetricFromProducts: a few samples first, then what fits in the target.
    let step = Math.min(samplesPerPass, 4);
    for (let first = 0; first < this.sampleCount; ) {
      await options.betweenChunks?.();
      options.signal?.throwIfAborted();
      const samples = Math.min(step, this.sampleCount - first);
      const started = performance.now();
      const inputs = this.inputValues.subarray(first * inputDim, (first + samples) * inputDim);
      const share = tf.tidy(() => {
        const pieces = this.pieces.map(
          ({ offset, size: length, shape }) => tf.tensor2d(params.subarray(offset, offset + length), shape),
        );
        return gaussNewtonShare(this.spec, pieces, tf.tensor2d(inputs, [samples, inputDim]), this.sampleCount);
      });
      const [values] = await readAndDispose([share]);
      for (let i = 0; i < values.length; i++) matrix[i] += values[i];
      first += samples;
      options.onProgress?.(first, this.sampleCount);
      const perSample = (performance.now() - started) / samples;
      step = Math.max(1, Math.min(samplesPerPass, 4 * samples, perSample > 0 ? Math.floor(target / perSample) : samplesPerPass));
    }
    return symmetrizeInPlace(matrix, size);
  }

  /**
   * Network outputs z(θ; x) at `count` inputs `x` (count × inputDim):
   * count × outputDim, row-major. These are predictions for `mse` and logits
   * for the cross-entropy losses (apply softmax or σ for probabilities).
   */
  async predict(params: Float32Array, x: Float32Array, count = x.length / this.spec.layers[0]): Promise<Float32Array> {
    this.checkVectors(params, 1);
    const inputDim = this.spec.layers[0];
    if (!Number.isInteger(count) || count < 1 || x.length !== count * inputDim) {
      throw new Error(`predict needs count × ${inputDim} inputs; got ${x.length} values for count ${count}`);
    }
    const outputs = tf.tidy(() =>
      batchedForward(this.spec, this.repeatedParams(params, 1), {
        x: tf.tensor3d(x, [1, count, inputDim]),
        ones: tf.ones([1, count, 1]),
      }),
    );
    return (await readAndDispose([outputs]))[0];
  }

  /**
   * L(θ_k) for the K rows θ_k of `paramsBatch` (K × P): batched passes over
   * [K, fanIn, fanOut] kernels, chunked to the memory bound.
   */
  async lossBatch(paramsBatch: Float32Array, count: number): Promise<Float32Array> {
    return (await this.evaluateBatch(paramsBatch, count)).loss;
  }

  /** Loss and accuracy (null for `mse`) at the K rows of `paramsBatch` (K × P). */
  async evaluateBatch(paramsBatch: Float32Array, count: number): Promise<BatchEvaluation> {
    this.checkVectors(paramsBatch, count);
    return this.scoreInChunks(count, (first, rows) => {
      const chunk = paramsBatch.subarray(first * this.paramCount, (first + rows) * this.paramCount);
      return batchedForward(this.spec, this.pieceTensors(splitRows(this.pieces, chunk, rows), rows), this.inputs);
    });
  }

  /**
   * Loss and accuracy (null for `mse`) at the K points θ_k = c + α_k d₁ + β_k d₂
   * of a plane, or θ_k = c + α_k d₁ of a line (`d2` null). `coords` holds
   * (α_k, β_k) pairs (K × 2) on a plane and α_k (K values) on a line. The
   * same numbers as `evaluateBatch` at those points up to float32 rounding,
   * computed from the plane's structure (see `planeOutputs`): per layer a
   * few large GEMMs instead of a batched matMul over K kernels.
   */
  async evaluatePlane(...[centre, d1, d2, coords, count]: PlaneCall): Promise<BatchEvaluation> {
    const given = checkedPlaneCall(centre, d1, d2, coords, count, (v) => this.checkVectors(v, 1));
    const vectors = given.map((v) => foldActivationAffinity(this.spec, this.pieces, v));
    return this.scoreInChunks(count, (first, rows) =>
      planeOutputs(
        this.spec,
        this.pieces,
        vectors,
        tf.reshape(this.inputs.x, this.inputs.x.shape.slice(1) as [number, number]),
        planeCoefficients(coords, first, rows, d2 !== null),
        rows,
      ),
    );
  }

  /** Frees the data tensors; the objective cannot be used afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.inputs.x.dispose();
    this.inputs.ones.dispose();
    this.disposed = true;
  }

  /**
   * Loss and accuracy of `count` networks, in passes of at most `rowsPerPass`
   * networks whose outputs [rows, N, C] `outputsOf(first, rows)` makes (inside
   * tf.tidy): the one place where outputs become losses, for every batched path.
   */
  private async scoreInChunks(
    count: number,
    outputsOf: (first: number, rows: number) => tf.Tensor3D,
  ): Promise<BatchEvaluation> {
    const loss = new Float32Array(count);
    const accuracy = this.spec.loss === 'mse' ? null : new Float32Array(count);
    for (let first = 0; first < count; first += this.rowsPerPass) {
      const rows = Math.min(this.rowsPerPass, count - first);
      const results = tf.tidy(() => {
        const outputs = outputsOf(first, rows);
        const targets = targetTensors(this.targets, rows);
        const correct = batchedAccuracy(this.spec.loss, outputs, targets);
        const values = batchedLoss(this.spec.loss, outputs, targets);
        return correct === null ? [values] : [values, correct];
      });
      const [losses, hits] = await readAndDispose(results);
      loss.set(losses, first);
      if (hits !== undefined) accuracy?.set(hits, first);
    }
    return { loss, accuracy };
  }

  /** [B] losses of the B networks whose parameter pieces are `theta`. */
  private lossesAt(theta: tf.Tensor3D[], rows: number): tf.Tensor1D {
    const outputs = batchedForward(this.spec, theta, this.inputs);
    return batchedLoss(this.spec.loss, outputs, targetTensors(this.targets, rows));
  }

  /** Tensors [rows, …shape] of per-piece arrays. */
  private pieceTensors(pieceValues: Float32Array[], rows: number): tf.Tensor3D[] {
    return pieceValues.map((values, p) => tf.tensor3d(values, [rows, ...this.pieces[p].shape]));
  }

  /** `rows` copies of θ, as piece tensors. */
  private repeatedParams(params: Float32Array, rows: number): tf.Tensor3D[] {
    return this.pieceTensors(repeatRow(this.pieces, params, rows), rows);
  }

  /**
   * Runs `compute` on chunks of at most `rowsPerPass` rows of `rowsData`
   * (count × P) and joins the piece tensors it returns into count × P.
   */
  private async inChunks(
    rowsData: Float32Array,
    count: number,
    compute: (chunk: Float32Array, rows: number) => tf.Tensor[],
  ): Promise<Float32Array> {
    const result = new Float32Array(count * this.paramCount);
    for (let first = 0; first < count; first += this.rowsPerPass) {
      const rows = Math.min(this.rowsPerPass, count - first);
      const chunk = rowsData.subarray(first * this.paramCount, (first + rows) * this.paramCount);
      const pieceValues = await readAndDispose(compute(chunk, rows));
      result.set(joinRows(this.pieces, pieceValues, rows), first * this.paramCount);
    }
    return result;
  }

  private checkVectors(values: Float32Array, rows: number): void {
    if (this.disposed) throw new Error('This MlpObjective has been disposed');
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`The number of vectors must be a positive integer; got ${rows}`);
    if (values.length !== rows * this.paramCount) {
      throw new Error(`Expected ${rows} × ${this.paramCount} parameter values; got ${values.length}`);
    }
  }
}

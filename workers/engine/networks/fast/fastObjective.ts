/**
 * The data loss ℓ(θ) of an MLP and all its derivatives on typed arrays:
 * the `DataObjective` of the typed-array engine, with the same methods and
 * numbers (up to float32 rounding) as the TensorFlow.js `MlpObjective`.
 *
 * Why: on the small networks this tool trains, TensorFlow.js spends most
 * of its time dispatching kernels (4–16 µs each), not computing; plain
 * loops over float32 arrays with float64 sums do the same arithmetic
 * without that cost (figures: `npm run bench`, fast_path).
 *
 * Samples are processed in chunks of at most `chunkRows` rows (every
 * quantity is a sum over samples, so chunk results add up in float64);
 * the passes are in `passes.ts`, the losses in `lossHead.ts`.
 */
import type { Samples } from '../../data/types';
import type { DataObjective, PlaneCall } from '../dataObjective';
import { validateDataset } from '../dataset';
import { denseSymmetricFromProducts, symmetrizeInPlace, type ProgressOptions } from '../denseSymmetric';
import type { BatchEvaluation } from '../objective';
import { targetArrays, type TargetArrays } from '../targets';
import { checkedPlaneCall } from '../../math/plane/plane';
import { layerLayout, paramCount, validateSpec, type DenseLayerLayout, type MlpSpec } from '../../spec/mlp';
import { addGaussNewtonShare, gaussNewtonChunkRows, gaussNewtonScratch } from './gaussNewtonAssembly';
import { applyOutputHessian, headCurvature, headHits, headLoss, lossScale } from './lossHead';
import { backward, firstActiveLayer, forward, PassWorkspace, rBackward, rForward, type ChunkInputs, type RPass } from './passes';
import { evaluationPass, type EvaluationPass } from './evaluationPass';
import { planePoint, type PlanePoints } from './planeEvaluation';

/** Options of a `FastMlpObjective`. */
export interface FastObjectiveOptions {
  /** Most activation values (rows × widest layer) per chunk buffer; default 2¹⁶ (256 KiB). */
  maxChunkValues?: number;
  /**
   * Evaluation (`evaluateBatch`, `evaluatePlane`, `loss`, `lossBatch`) on the
   * WebAssembly SIMD kernels where they run (default true); false keeps it in
   * TypeScript with float64 sums.
   */
  simd?: boolean;
}

const DEFAULT_MAX_CHUNK_VALUES = 1 << 16;
/** Identity columns per batched product while assembling a dense Hessian (one forward pass per batch). */
const HESSIAN_COLUMNS_PER_BATCH = 32;

/** Rows per chunk for a network whose widest layer is `widest`. */
export function chunkRowsFor(widest: number, samples: number, maxChunkValues = DEFAULT_MAX_CHUNK_VALUES): number {
  return Math.max(1, Math.min(samples, Math.floor(maxChunkValues / widest)));
}

/** L(θ) of an MLP `spec` on a data set, on typed arrays (see the module comment). */
export class FastMlpObjective implements DataObjective {
  readonly spec: MlpSpec;
  readonly layout: DenseLayerLayout[];
  readonly paramCount: number;
  readonly sampleCount: number;
  private readonly x: Float32Array;
  private readonly targets: TargetArrays;
  private readonly inputDim: number;
  private readonly outputDim: number;
  private readonly chunkRows: number;
  private readonly ws: PassWorkspace;
  /** s of the loss (`lossScale`) for a mean over all N samples. */
  private readonly scale: number;
  private readonly useSimd: boolean;
  /** Made at the first evaluation. */
  private evaluation: EvaluationPass | null = null;
  /**
   * The θ whose curvature state (second-order forward pass, back-propagated
   * δ_l and e_l, output curvature) the workspace holds, when the data set is
   * one chunk; null when the workspace holds anything else.
   */
  private curvatureStateAt: Float32Array | null = null;
  private disposed = false;

  constructor(spec: MlpSpec, data: Samples, options: FastObjectiveOptions = {}) {
    validateSpec(spec);
    validateDataset(spec, data);
    this.spec = { layers: [...spec.layers], activation: spec.activation, loss: spec.loss };
    this.layout = layerLayout(spec);
    this.paramCount = paramCount(spec);
    this.sampleCount = data.n;
    this.inputDim = spec.layers[0];
    this.outputDim = spec.layers[spec.layers.length - 1];
    this.x = Float32Array.from(data.x);
    this.targets = targetArrays(spec, data);
    this.chunkRows = chunkRowsFor(Math.max(...spec.layers), data.n, options.maxChunkValues);
    this.ws = new PassWorkspace(this.layout, this.chunkRows, this.paramCount);
    this.scale = lossScale(spec.loss, data.n, this.outputDim);
    this.useSimd = options.simd ?? true;
  }

  /** ℓ(θ). */
  async loss(params: Float32Array): Promise<number> {
    return (await this.lossBatch(params, 1))[0];
  }

  /** ℓ(θ) and ∇ℓ(θ): one forward and one backward pass per chunk. */
  async lossAndGrad(params: Float32Array): Promise<{ loss: number; grad: Float32Array }> {
    this.checkVectors(params, 1);
    const { ws } = this;
    const last = this.layout.length - 1;
    const total = new Float64Array(this.paramCount);
    let loss = 0;
    this.curvatureStateAt = null;
    this.forEachChunk((inputs, first) => {
      forward(this.spec.activation, params, inputs, ws, 'first');
      loss += headLoss(this.spec.loss, ws.outputs, inputs.m, this.outputDim, this.targets, first, this.scale, ws.delta[last]);
      backward(params, inputs, ws, ws.delta, null, ws.parameterShare);
      addInto(total, 0, ws.parameterShare);
    });
    return { loss, grad: Float32Array.from(total) };
  }

  /** H(θ) v, by the R-operator (`passes.ts`). */
  async hvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return this.hvpBatch(params, v, 1);
  }

  /**
   * H(θ) v_k for the `count` rows of `directions` (count × P): per chunk one
   * forward pass and one back-propagation of the gradient shared by every
   * direction (and kept for the next call at the same θ when the data set is
   * one chunk, as in Lanczos or conjugate gradients), then per direction the
   * R-forward and R-backward passes.
   */
  async hvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    const { ws } = this;
    return this.curvatureProducts(params, directions, count, (pass) => rBackward(pass, ws.parameterShare));
  }

  /** G(θ) v (see `gnvpBatch`). */
  async gnvp(params: Float32Array, v: Float32Array): Promise<Float32Array> {
    return this.gnvpBatch(params, v, 1);
  }

  /**
   * G v_k = Jᵀ H_L J v_k for the `count` rows of `directions`: per chunk one
   * forward pass (shared with `hvpBatch`'s state at the same θ), then per
   * direction J v by the R-forward pass, u = H_L J v, and Jᵀ u by back-propagation.
   */
  async gnvpBatch(params: Float32Array, directions: Float32Array, count: number): Promise<Float32Array> {
    const { ws } = this;
    return this.curvatureProducts(params, directions, count, ({ inputs }) => backward(params, inputs, ws, ws.rDelta, null, ws.parameterShare));
  }

  /**
   * The loop both curvature products share: per chunk the forward state at θ,
   * then per direction v_k the R-forward pass (J v_k), the output Hessian
   * applied to it (H_L J v_k, left in `ws.rDelta`), and `backPropagate`, which
   * leaves the direction's product for this chunk in `ws.parameterShare`:
   * plain back-propagation of H_L J v gives Jᵀ H_L J v (Gauss-Newton), the
   * R-backward pass adds the second-order terms (the Hessian).
   */
  private curvatureProducts(
    params: Float32Array,
    directions: Float32Array,
    count: number,
    backPropagate: (pass: RPass) => void,
  ): Float32Array {
    this.checkVectors(params, 1);
    this.checkVectors(directions, count);
    const { ws } = this;
    const last = this.layout.length - 1;
    const size = this.paramCount;
    const total = new Float64Array(count * size);
    const active = this.activeLayers(directions, count);
    this.forEachChunk((inputs, first) => {
      this.prepareCurvatureState(params, inputs, first);
      for (let k = 0; k < count; k++) {
        if (active[k] > last) continue;
        const pass: RPass = { params, v: directions, vOffset: k * size, inputs, ws, first: active[k] };
        rForward(pass);
        applyOutputHessian(this.spec.loss, ws.outputCurvature, ws.rValues[last], inputs.m, this.outputDim, this.scale, ws.rDelta[last]);
        backPropagate(pass);
        addInto(total, k * size, ws.parameterShare);
      }
    });
    return Float32Array.from(total);
  }

  /** ∇²ℓ(θ), P×P row-major float64, from batched Hessian-vector products with the identity's columns, symmetrised. */
  async fullHessian(params: Float32Array, options: ProgressOptions = {}): Promise<Float64Array> {
    this.checkVectors(params, 1);
    return denseSymmetricFromProducts(
      this.paramCount,
      HESSIAN_COLUMNS_PER_BATCH,
      (columns, count) => this.hvpBatch(params, columns, count),
      options,
    );
  }

  /** G(θ) = Σ_n J_nᵀ H_n J_n, P×P row-major float64, symmetrised (`gaussNewtonAssembly.ts`). Progress counts samples. */
  async fullGaussNewton(params: Float32Array, options: ProgressOptions = {}): Promise<Float64Array> {
    this.checkVectors(params, 1);
    const size = this.paramCount;
    const rows = gaussNewtonChunkRows(this.outputDim, size, this.chunkRows);
    const scratch = gaussNewtonScratch(rows, this.outputDim, size);
    const matrix = new Float64Array(size * size);
    this.curvatureStateAt = null;
    for (let first = 0; first < this.sampleCount; first += rows) {
      options.signal?.throwIfAborted();
      const m = Math.min(rows, this.sampleCount - first);
      const inputs = { x: this.x, offset: first * this.inputDim, m };
      addGaussNewtonShare(this.spec.activation, this.spec.loss, params, inputs, this.ws, this.scale, scratch, matrix);
      options.onProgress?.(first + m, this.sampleCount);
      await Promise.resolve();
    }
    return symmetrizeInPlace(matrix, size);
  }

  /** Network outputs z(θ; x) at `count` inputs x (count × inputDim): count × outputDim (predictions or logits). */
  async predict(params: Float32Array, x: Float32Array, count = x.length / this.inputDim): Promise<Float32Array> {
    this.checkVectors(params, 1);
    if (!Number.isInteger(count) || count < 1 || x.length !== count * this.inputDim) {
      throw new Error(`predict needs count × ${this.inputDim} inputs; got ${x.length} values for count ${count}`);
    }
    const out = new Float32Array(count * this.outputDim);
    this.curvatureStateAt = null;
    for (let first = 0; first < count; first += this.chunkRows) {
      const m = Math.min(this.chunkRows, count - first);
      forward(this.spec.activation, params, { x, offset: first * this.inputDim, m }, this.ws, 'none');
      out.set(this.ws.outputs.subarray(0, m * this.outputDim), first * this.outputDim);
    }
    return out;
  }

  /** ℓ(θ_k) for the K rows of `paramsBatch` (K × P). */
  async lossBatch(paramsBatch: Float32Array, count: number): Promise<Float32Array> {
    return (await this.evaluateBatch(paramsBatch, count)).loss;
  }

  /** Loss and accuracy (null for `mse`) at the K rows of `paramsBatch` (K × P): one forward pass each. */
  async evaluateBatch(paramsBatch: Float32Array, count: number): Promise<BatchEvaluation> {
    this.checkVectors(paramsBatch, count);
    const size = this.paramCount;
    return this.scorePoints(count, (k, target) => target.set(paramsBatch.subarray(k * size, (k + 1) * size)));
  }

  /**
   * Loss and accuracy (null for `mse`) at θ_k = c + α_k d₁ + β_k d₂ (a line
   * when `d2` is null; `coords` as in `MlpObjective.evaluatePlane`), each
   * point formed where the pass reads it (`planeEvaluation.ts`): no K × P batch.
   */
  async evaluatePlane(...[centre, d1, d2, coords, count]: PlaneCall): Promise<BatchEvaluation> {
    const vectors = checkedPlaneCall(centre, d1, d2, coords, count, (v) => this.checkVectors(v, 1));
    const plane: PlanePoints = { vectors, coords };
    return this.scorePoints(count, (k, target) => planePoint(plane, k, target));
  }

  /** Marks the objective as disposed (it holds no tensors). */
  dispose(): void {
    this.disposed = true;
    this.evaluation = null;
  }

  /**
   * Loss and accuracy of `count` networks whose parameters `paramsOf(k,
   * target)` writes into the evaluation pass: chunk by chunk, every network
   * on each chunk (the chunk's inputs are loaded once).
   */
  private scorePoints(count: number, paramsOf: (k: number, target: Float32Array) => void): BatchEvaluation {
    this.evaluation ??= evaluationPass(this.spec.activation, this.layout, this.chunkRows, this.useSimd);
    const pass = this.evaluation;
    const loss = new Float64Array(count);
    const hits = new Float64Array(count);
    this.forEachChunk((inputs, first) => {
      pass.load(inputs);
      for (let k = 0; k < count; k++) {
        paramsOf(k, pass.params);
        const z = pass.run();
        loss[k] += headLoss(this.spec.loss, z, inputs.m, this.outputDim, this.targets, first, this.scale, null);
        hits[k] += headHits(this.spec.loss, z, inputs.m, this.outputDim, this.targets, first);
      }
    });
    const predictions = this.spec.loss === 'softmax_ce' ? this.sampleCount : this.sampleCount * this.outputDim;
    return {
      loss: Float32Array.from(loss),
      accuracy: this.spec.loss === 'mse' ? null : Float32Array.from(hits, (h) => h / predictions),
    };
  }

  /**
   * The curvature products' per-chunk state at θ in the workspace: forward
   * pass with second derivatives, g = ∂ℓ/∂z_L back-propagated (δ_l, e_l),
   * and what H_L needs. Skipped when the workspace already holds it for an
   * equal θ (one chunk only: with several, each chunk overwrites the last).
   */
  private prepareCurvatureState(params: Float32Array, inputs: ChunkInputs, first: number): void {
    const held = this.curvatureStateAt;
    if (held !== null && sameValues(held, params)) return;
    const { ws } = this;
    const last = this.layout.length - 1;
    forward(this.spec.activation, params, inputs, ws, 'second');
    headLoss(this.spec.loss, ws.outputs, inputs.m, this.outputDim, this.targets, first, this.scale, ws.delta[last]);
    backward(params, inputs, ws, ws.delta, ws.upstream, null);
    headCurvature(this.spec.loss, ws.outputs, inputs.m, this.outputDim, ws.outputCurvature);
    this.curvatureStateAt = this.chunkRows >= this.sampleCount ? Float32Array.from(params) : null;
  }

  /** Runs `body` on each chunk of the data set: its inputs and its first row. */
  private forEachChunk(body: (inputs: ChunkInputs, first: number) => void): void {
    for (let first = 0; first < this.sampleCount; first += this.chunkRows) {
      const m = Math.min(this.chunkRows, this.sampleCount - first);
      body({ x: this.x, offset: first * this.inputDim, m }, first);
    }
  }

  /** The first non-zero layer of each of the `count` directions (`firstActiveLayer`). */
  private activeLayers(directions: Float32Array, count: number): Int32Array {
    return Int32Array.from({ length: count }, (_, k) => firstActiveLayer(this.layout, directions, k * this.paramCount));
  }

  private checkVectors(values: Float32Array, rows: number): void {
    if (this.disposed) throw new Error('This FastMlpObjective has been disposed');
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`The number of vectors must be a positive integer; got ${rows}`);
    if (values.length !== rows * this.paramCount) {
      throw new Error(`Expected ${rows} × ${this.paramCount} parameter values; got ${values.length}`);
    }
  }
}

/** Whether a and b hold the same values (same length assumed); a NaN never matches. */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** total[offset + i] += share[i] for every i (float64 totals across chunks). */
function addInto(total: Float64Array, offset: number, share: Float32Array): void {
  for (let i = 0; i < share.length; i++) total[offset + i] += share[i];
}

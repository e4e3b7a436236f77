/**
 * Curvature layer by layer. Layer l's parameters θ_l (its kernel W_l, then
 * its bias b_l: one contiguous range of θ) have the diagonal Hessian block
 *   H_ll = ∂²L / ∂θ_l ∂θ_lᵀ = E_lᵀ H E_l,
 * E_l the columns of the identity on that range, so H_ll v = E_lᵀ H (E_l v):
 * a Hessian-vector product with v placed in layer l and zeros elsewhere,
 * read back on layer l. Reported per layer: λ_max(H_ll), tr H_ll and the
 * gradient norm ‖∂L/∂θ_l‖.
 * - 'exact': the dense Hessian, its blocks' eigenvalues and traces.
 * - 'estimated': Lanczos on each block (all layers' runs advanced in
 *   lockstep, so one batched product serves every layer) and Hutchinson's
 *   tr H_ll ≈ (1/m) Σ z_kᵀ H_ll z_k with Rademacher z_k on the layer (all
 *   layers' probes in one batched call).
 * The largest block eigenvalue bounds λ_max(H) from below (a Rayleigh
 * quotient of H), and Σ_l tr H_ll = tr H.
 */
import { lanczosExtremes } from '../math/krylov/lanczos';
import { inLockstep } from '../math/krylov/lockstep';
import { resolveRng, throwIfAborted, type LongRunOptions, type RandomSource } from '../math/krylov/operator';
import { meanAndStandardError } from '../math/krylov/trace';
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { layerLayout, type MlpSpec } from '../spec/mlp';
import type { NetworkObjective } from '../networks/regularizedObjective';
import { descend, plainGradient, type DescentOptions } from '../training/descent';

/** Where layer l's parameters sit in θ. */
export interface LayerRange {
  /** First index (the kernel's offset). */
  offset: number;
  /** fanIn·fanOut + fanOut. */
  size: number;
}

/** The contiguous range of each layer (kernel then bias) in θ. */
export function layerRanges(spec: MlpSpec): LayerRange[] {
  return layerLayout(spec).map(({ kernelOffset, fanIn, fanOut }) => ({ offset: kernelOffset, size: fanIn * fanOut + fanOut }));
}

/** One layer's read-outs. */
export interface LayerCurvature {
  range: LayerRange;
  lambdaMax: number;
  trace: number;
  /** Standard error of the trace (0 when exact). */
  traceStandardError: number;
  gradientNorm: number;
}

/** Every layer's read-outs at one θ. */
export interface PerLayerCurvature {
  layers: LayerCurvature[];
  method: 'exact' | 'estimated';
  loss: number;
  /** Hessian-vector products spent (P for the dense Hessian). */
  products: number;
}

/** How the blocks are measured. */
export interface PerLayerOptions extends LongRunOptions, RandomSource {
  /** Default 'exact' up to 400 parameters, else 'estimated'. */
  method?: 'exact' | 'estimated';
  /** Lanczos steps per block (default 20, capped at the block's size). */
  lanczosSteps?: number;
  /** Hutchinson probes per block (default 20, at least 2). */
  traceProbes?: number;
}

type PerLayerObjective = Pick<NetworkObjective, 'spec' | 'paramCount' | 'lossAndGrad' | 'hvpBatch' | 'fullHessian'>;

/** λ_max, trace and gradient norm of every layer's Hessian block at θ (see the module comment). */
export async function perLayerCurvature(objective: PerLayerObjective, params: Float32Array, options: PerLayerOptions = {}): Promise<PerLayerCurvature> {
  const n = objective.paramCount;
  const ranges = layerRanges(objective.spec);
  const method = options.method ?? (n <= 400 ? 'exact' : 'estimated');
  const { loss, grad } = await objective.lossAndGrad(params);
  const gradientNorms = ranges.map(({ offset, size }) => {
    let s = 0;
    for (let i = offset; i < offset + size; i++) s += grad[i] * grad[i];
    return Math.sqrt(s);
  });
  if (method === 'exact') {
    const hessian = await objective.fullHessian(params, { signal: options.signal, onProgress: options.onProgress });
    const layers = ranges.map((range, l) => {
      const block = new Float64Array(range.size * range.size);
      let trace = 0;
      for (let i = 0; i < range.size; i++) {
        for (let j = 0; j < range.size; j++) block[i * range.size + j] = hessian[(range.offset + i) * n + range.offset + j];
        trace += block[i * range.size + i];
      }
      return { range, lambdaMax: symmetricEigenvalues(block, range.size)[0], trace, traceStandardError: 0, gradientNorm: gradientNorms[l] };
    });
    return { layers, method, loss, products: n };
  }
  const rng = resolveRng(options, 'per-layer');
  const steps = options.lanczosSteps ?? 20;
  const probes = options.traceProbes ?? 20;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`lanczosSteps must be an integer ≥ 1, got ${steps}`);
  if (!Number.isInteger(probes) || probes < 2) throw new RangeError(`traceProbes must be an integer ≥ 2, got ${probes}`);
  let products = 0;
  const batch = async (vectors: Float32Array, count: number) => {
    throwIfAborted(options.signal);
    products += count;
    const result = await objective.hvpBatch(params, vectors, count);
    options.onProgress?.(products, ranges.length * (steps + probes));
    return result;
  };
  const seeds = ranges.map(() => rng.nextUint32());
  const tops = await inLockstep(n, ranges.length, batch, async (matVec, l) => {
    const { offset, size } = ranges[l];
    const blockProduct = async (v: Float64Array) => {
      const padded = new Float64Array(n);
      padded.set(v, offset);
      return (await matVec(padded)).slice(offset, offset + size);
    };
    // At most `size` steps: the Krylov space of the block then spans its whole range, and no restart leaves it.
    const result = await lanczosExtremes(blockProduct, size, { k: 1, which: 'largest', maxIter: Math.min(steps, size), tol: 1e-8, seed: seeds[l] });
    return result.largest?.values[0] ?? Number.NaN;
  });
  const z = new Float32Array(ranges.length * probes * n);
  ranges.forEach(({ offset, size }, l) => {
    for (let k = 0; k < probes; k++) {
      const row = (l * probes + k) * n;
      for (let i = offset; i < offset + size; i++) z[row + i] = rng.rademacher();
    }
  });
  const hz = await batch(z, ranges.length * probes);
  const layers = ranges.map((range, l) => {
    const samples = new Float64Array(probes);
    for (let k = 0; k < probes; k++) {
      const row = (l * probes + k) * n;
      for (let i = range.offset; i < range.offset + range.size; i++) samples[k] += z[row + i] * hz[row + i];
    }
    const { mean, standardError } = meanAndStandardError(samples);
    return { range, lambdaMax: tops[l], trace: mean, traceStandardError: standardError, gradientNorm: gradientNorms[l] };
  });
  return { layers, method, loss, products };
}

/** Per-layer read-outs along a training run: one row per measured step. */
export interface PerLayerHistory {
  /** The steps measured (0 and every `every`-th update). */
  steps: Int32Array;
  /** [measurement][layer] λ_max(H_ll), row-major (steps × layers). */
  lambdaMax: Float64Array;
  trace: Float64Array;
  gradientNorm: Float64Array;
  loss: Float64Array;
  layerCount: number;
  /** θ at the end of training. */
  params: Float32Array;
}

/**
 * Plain training from `start` with `descent.optimizer` for `descent.steps`
 * updates, measuring every layer at step 0 and after every `every`-th
 * update. Progress: (updates, steps).
 */
export async function perLayerCurvatureDuringTraining(
  objective: PerLayerObjective,
  start: Float32Array,
  descent: Pick<DescentOptions, 'optimizer' | 'steps' | 'signal' | 'onProgress'> & { every: number },
  options: Omit<PerLayerOptions, 'signal' | 'onProgress'> = {},
): Promise<PerLayerHistory> {
  const records: PerLayerCurvature[] = [];
  const steps: number[] = [];
  const measure = async (step: number, params: Float32Array) => {
    records.push(await perLayerCurvature(objective, params, { ...options, signal: descent.signal, seed: (options.seed ?? 0) + step }));
    steps.push(step);
  };
  await measure(0, start);
  const run = await descend(start, plainGradient(objective), {
    optimizer: descent.optimizer,
    steps: descent.steps,
    signal: descent.signal,
    onProgress: descent.onProgress,
    observeEvery: descent.every,
    observe: measure,
  });
  const layerCount = layerRanges(objective.spec).length;
  const table = (pick: (layer: LayerCurvature) => number) =>
    Float64Array.from(records.flatMap((record) => record.layers.map(pick)));
  return {
    steps: Int32Array.from(steps),
    lambdaMax: table((layer) => layer.lambdaMax),
    trace: table((layer) => layer.trace),
    gradientNorm: table((layer) => layer.gradientNorm),
    loss: Float64Array.from(records, (record) => record.loss),
    layerCount,
    params: run.params,
  };
}

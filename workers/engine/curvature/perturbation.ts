/**
 * How much the loss rises when the parameters are jittered: the expected
 * increase Δ(σ) = E[f(θ + δ)] − f(θ) for isotropic Gaussian noise
 * δ ~ N(0, σ² I), by seeded Monte-Carlo with a standard error.
 *
 * Taylor's theorem links it to the curvature: f(θ + δ) = f(θ) + gᵀδ + ½ δᵀHδ
 * + O(‖δ‖³), and E[δ] = 0, E[δᵀHδ] = σ² tr(H), so Δ(σ) = ½ σ² tr(H) + O(σ⁴)
 * (the cubic term has zero mean). A flat minimum (small tr H) is robust to
 * noise in its weights, a sharp one is not (Hochreiter & Schmidhuber 1997;
 * Keskar et al. 2017).
 *
 * Each sample is an antithetic pair (δ, −δ):
 *   X = ½ (f(θ + δ) + f(θ − δ)) − f(θ) = ½ δᵀHδ + O(‖δ‖⁴),
 * whose mean is Δ(σ) and in which every odd term of the expansion cancels,
 * the gradient's among them: away from a minimum gᵀδ would otherwise swamp
 * the ½ δᵀHδ being measured. On a quadratic X = ½ δᵀHδ exactly, for any σ,
 * with variance ½ σ⁴ tr(H²).
 */
import { meanAndStandardError } from '../math/krylov/standardError';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import { Rng } from '../math/rng';

/** The loss at K parameter vectors, the K rows of a K × P array (e.g. `DataObjective.lossBatch`). */
export type BatchLoss = (paramsBatch: Float32Array, count: number) => Promise<Float32Array>;

/** The noise and the sample count. */
export interface PerturbationOptions extends LongRunOptions {
  /** σ > 0, the standard deviation of every coordinate of δ. */
  sigma: number;
  /** Antithetic pairs (δ, −δ) drawn: 2 · pairs loss evaluations besides f(θ). */
  pairs: number;
  /** Seed of the draws (δ's coordinates are normals of `Rng.derive(seed, 'perturbation')`). */
  seed: number;
  /** Pairs evaluated per batched call (default 32). */
  pairsPerBatch?: number;
}

/** The Monte-Carlo estimate of Δ(σ). */
export interface PerturbationEstimate {
  sigma: number;
  pairs: number;
  /** f(θ). */
  base: number;
  /** The mean of X over the pairs: the estimate of E[f(θ + δ)] − f(θ). */
  increase: number;
  /** Its standard error s/√pairs. */
  standardError: number;
  /** Loss evaluations made (1 + 2 · pairs). */
  evaluations: number;
}

const DEFAULT_PAIRS_PER_BATCH = 32;

/**
 * Δ(σ) at `params` by antithetic Monte-Carlo (see the module comment).
 * Progress counts pairs; cancellation is checked between batches.
 */
export async function perturbationIncrease(loss: BatchLoss, params: Float32Array, options: PerturbationOptions): Promise<PerturbationEstimate> {
  const { sigma, pairs, seed } = options;
  if (!(Number.isFinite(sigma) && sigma > 0)) throw new RangeError(`σ must be a finite number > 0, got ${sigma}`);
  if (!(Number.isInteger(pairs) && pairs >= 2)) throw new RangeError(`the pair count must be an integer ≥ 2, got ${pairs}`);
  const perBatch = Math.max(1, Math.min(pairs, options.pairsPerBatch ?? DEFAULT_PAIRS_PER_BATCH));
  const size = params.length;
  const rng = Rng.derive(seed, 'perturbation');
  throwIfAborted(options.signal);
  const base = (await loss(params, 1))[0];
  const samples = new Float64Array(pairs);
  const batch = new Float32Array(2 * perBatch * size);
  for (let first = 0; first < pairs; first += perBatch) {
    throwIfAborted(options.signal);
    const count = Math.min(perBatch, pairs - first);
    // Rows 2k and 2k + 1: θ + δ_k and θ − δ_k.
    for (let k = 0; k < count; k++) {
      const plus = 2 * k * size;
      const minus = plus + size;
      for (let i = 0; i < size; i++) {
        const delta = sigma * rng.normal();
        batch[plus + i] = params[i] + delta;
        batch[minus + i] = params[i] - delta;
      }
    }
    const values = await loss(batch.subarray(0, 2 * count * size), 2 * count);
    for (let k = 0; k < count; k++) samples[first + k] = 0.5 * (values[2 * k] + values[2 * k + 1]) - base;
    options.onProgress?.(first + count, pairs);
  }
  const { mean, standardError } = meanAndStandardError(samples);
  return { sigma, pairs, base, increase: mean, standardError, evaluations: 1 + 2 * pairs };
}

/** ½ σ² tr(H): the increase the quadratic model predicts. */
export function quadraticPrediction(sigma: number, trace: number): number {
  return 0.5 * sigma * sigma * trace;
}

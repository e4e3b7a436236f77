/**
 * Low-rank approximations of a curvature matrix from its dominant
 * eigenpairs, how much of the matrix they keep, and the Newton steps they
 * give.
 *
 * With H = Σ_i λ_i u_i u_iᵀ and the eigenvalues ordered by magnitude,
 * |λ_1| ≥ |λ_2| ≥ …, the rank-k truncation H_k = Σ_{i≤k} λ_i u_i u_iᵀ is the
 * best rank-k approximation in the Frobenius norm (Eckart & Young 1936), and
 *   ‖H − H_k‖_F / ‖H‖_F = √(Σ_{i>k} λ_i² / Σ_i λ_i²)
 * exactly when the spectrum is known. From products only,
 * ‖A‖_F² = E‖A z‖² for Rademacher z (Hutchinson on AᵀA), so with the same
 * probes for A = H − H_k (one product H z each; H_k z from the pairs) and
 * A = H the ratio is estimated for every k at once; the error of the ratio
 * shrinks with the residual itself.
 *
 * The damped Newton step with H_k, −(H_k + δI)⁻¹ g
 *   = −Σ_{i≤k} u_i (u_iᵀ g)/(m(λ_i) + δ) − (g − Σ_{i≤k} u_i u_iᵀ g)/δ,
 * is Newton's step inside the top-k eigenspace and a gradient step of
 * length 1/δ outside it; m(λ) = λ (damped Newton) or |λ| (saddle-free,
 * Dauphin et al. 2014). With k = P it is the full damped Newton step.
 */
import { dot } from '../math/linalg/vectorOps';
import { symmetricEigen } from '../math/linalg/symmetricEigen';
import { meanAndStandardError } from '../math/krylov/trace';
import { CountedOperator, resolveRng, throwIfAborted, type LongRunOptions, type MatVec, type RandomSource } from '../math/krylov/operator';
import type { EigenvalueMap } from '../optimizers/newtonDirection';
import type { NetworkObjective } from '../networks/regularizedObjective';

/** Eigenpairs (λ_i, u_i) of a symmetric matrix; the u_i unit and orthonormal. */
export interface Eigenpairs {
  values: Float64Array;
  vectors: Float64Array[];
}

/** The pairs reordered by |λ| descending (the Eckart–Young order). */
export function byMagnitude(pairs: Eigenpairs): Eigenpairs {
  const order = Array.from(pairs.values, (_, i) => i).sort((a, b) => Math.abs(pairs.values[b]) - Math.abs(pairs.values[a]));
  return { values: Float64Array.from(order, (i) => pairs.values[i]), vectors: order.map((i) => pairs.vectors[i]) };
}

/** All eigenpairs of a dense symmetric n×n matrix (row-major), by |λ| descending. */
export function denseEigenpairs(matrix: Float64Array, n: number): Eigenpairs {
  const { values, vectors } = symmetricEigen(matrix, n);
  return byMagnitude({ values, vectors: Array.from({ length: n }, (_, k) => vectors.slice(k * n, (k + 1) * n)) });
}

/**
 * The first `k` of the pairs merged from both ends of a Lanczos run
 * (largest and smallest Ritz pairs), by |λ| descending, without repeats
 * (a small operator's two ends can share pairs).
 */
export function mergeEnds(largest: Eigenpairs, smallest: Eigenpairs, k: number): Eigenpairs {
  const merged = byMagnitude({
    values: Float64Array.from([...largest.values, ...smallest.values]),
    vectors: [...largest.vectors, ...smallest.vectors],
  });
  const values: number[] = [];
  const vectors: Float64Array[] = [];
  merged.vectors.forEach((u, i) => {
    if (values.length >= k || vectors.some((w) => Math.abs(dot(w, u)) > 0.5)) return;
    values.push(merged.values[i]);
    vectors.push(u);
  });
  return { values: Float64Array.from(values), vectors };
}

/** H_k v = Σ_{i≤k} λ_i u_i (u_iᵀ v), from the first k pairs. */
export function lowRankProduct(pairs: Eigenpairs, k: number, v: Float64Array): Float64Array {
  checkRank(pairs, k);
  const out = new Float64Array(v.length);
  for (let i = 0; i < k; i++) {
    const u = pairs.vectors[i];
    const c = pairs.values[i] * dot(u, v);
    for (let p = 0; p < v.length; p++) out[p] += c * u[p];
  }
  return out;
}

/** The dense n×n H_k = Σ_{i≤k} λ_i u_i u_iᵀ (row-major). */
export function denseLowRank(pairs: Eigenpairs, k: number, n: number): Float64Array {
  checkRank(pairs, k);
  const out = new Float64Array(n * n);
  for (let i = 0; i < k; i++) {
    const u = pairs.vectors[i];
    const lambda = pairs.values[i];
    for (let r = 0; r < n; r++) {
      const c = lambda * u[r];
      for (let s = 0; s < n; s++) out[r * n + s] += c * u[s];
    }
  }
  return out;
}

/** ‖A − B‖_F / ‖A‖_F of two dense matrices of one size. */
export function relativeFrobeniusError(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new RangeError(`relativeFrobeniusError: ${a.length} and ${b.length} entries`);
  let difference = 0;
  let reference = 0;
  for (let i = 0; i < a.length; i++) {
    difference += (a[i] - b[i]) ** 2;
    reference += a[i] * a[i];
  }
  return Math.sqrt(difference / reference);
}

/** √(Σ_{i>k} λ_i² / Σ λ_i²) for each k of `ranks`, from every eigenvalue (any order): the exact relative error of H_k. */
export function lowRankErrorFromSpectrum(eigenvalues: Float64Array, ranks: readonly number[]): Float64Array {
  const squares = Array.from(eigenvalues, (v) => v * v).sort((a, b) => b - a);
  const total = squares.reduce((s, v) => s + v, 0);
  if (!(total > 0)) throw new RangeError('lowRankErrorFromSpectrum: the matrix is zero');
  return Float64Array.from(ranks, (k) => {
    if (!Number.isInteger(k) || k < 0 || k > squares.length) throw new RangeError(`rank ${k} is not in 0…${squares.length}`);
    let tail = 0;
    for (let i = k; i < squares.length; i++) tail += squares[i];
    return Math.sqrt(tail / total);
  });
}

/** The relative error of H_k estimated from products, for each rank. */
export interface EstimatedLowRankError {
  ranks: Int32Array;
  /** √(mean ‖(H − H_k) z‖² / mean ‖H z‖²) for each rank. */
  relativeError: Float64Array;
  /** Its standard error (delta method on the two means). */
  standardError: Float64Array;
  /** ‖H‖_F estimated from the same probes. */
  frobenius: number;
  products: number;
}

/**
 * ‖H − H_k‖_F / ‖H‖_F for each k of `ranks` (each ≤ the number of pairs)
 * from `probes` ≥ 2 Rademacher products H z and the pairs (by |λ|
 * descending, e.g. `mergeEnds` of a Lanczos run). Progress: (probes done, probes).
 */
export async function estimatedLowRankError(
  matVec: MatVec,
  n: number,
  pairs: Eigenpairs,
  ranks: readonly number[],
  options: LongRunOptions & RandomSource & { probes?: number } = {},
): Promise<EstimatedLowRankError> {
  const probes = options.probes ?? 30;
  if (!Number.isInteger(probes) || probes < 2) throw new RangeError(`probes must be an integer ≥ 2, got ${probes}`);
  ranks.forEach((k) => checkRank(pairs, k));
  const op = new CountedOperator(matVec, n, options.signal);
  const rng = resolveRng(options, 'low-rank-error');
  const full = new Float64Array(probes);
  const residual = ranks.map(() => new Float64Array(probes));
  for (let j = 0; j < probes; j++) {
    const z = rng.fillRademacher(new Float64Array(n));
    const hz = await op.apply(z);
    full[j] = dot(hz, hz);
    // (H − H_k) z for increasing k: subtract one pair's λ_i u_i (u_iᵀ z) at a time.
    const remainder = Float64Array.from(hz);
    let done = 0;
    const order = Array.from(ranks, (k, r) => ({ k, r })).sort((a, b) => a.k - b.k);
    for (const { k, r } of order) {
      for (; done < k; done++) {
        const c = pairs.values[done] * dot(pairs.vectors[done], z);
        const u = pairs.vectors[done];
        for (let p = 0; p < n; p++) remainder[p] -= c * u[p];
      }
      residual[r][j] = dot(remainder, remainder);
    }
    options.onProgress?.(j + 1, probes);
  }
  const denominator = meanAndStandardError(full);
  const relativeError = new Float64Array(ranks.length);
  const standardError = new Float64Array(ranks.length);
  residual.forEach((samples, r) => {
    const numerator = meanAndStandardError(samples);
    let covariance = 0;
    for (let j = 0; j < probes; j++) covariance += (samples[j] - numerator.mean) * (full[j] - denominator.mean);
    covariance /= (probes - 1) * probes;
    const ratio = numerator.mean / denominator.mean;
    relativeError[r] = Math.sqrt(ratio);
    // Relative variance of a ratio of means, then d√x = dx / (2√x).
    const relativeVariance =
      (numerator.mean > 0 ? (numerator.standardError / numerator.mean) ** 2 - (2 * covariance) / (numerator.mean * denominator.mean) : 0) +
      (denominator.standardError / denominator.mean) ** 2;
    standardError[r] = (relativeError[r] * Math.sqrt(Math.max(relativeVariance, 0))) / 2;
  });
  return {
    ranks: Int32Array.from(ranks),
    relativeError,
    standardError,
    frobenius: Math.sqrt(denominator.mean),
    products: op.products,
  };
}

/**
 * −(H_k + δI)⁻¹ g with H_k from the first k pairs and the eigenvalue map
 * (see the module comment); δ > 0 (the complement of the eigenspace is
 * scaled by 1/δ).
 */
export function lowRankNewtonStep(pairs: Eigenpairs, k: number, grad: Float64Array, damping: number, map: EigenvalueMap = 'signed'): Float64Array {
  checkRank(pairs, k);
  if (!(Number.isFinite(damping) && damping > 0)) throw new RangeError(`damping must be a finite number > 0, got ${damping}`);
  const rest = Float64Array.from(grad);
  const step = new Float64Array(grad.length);
  for (let i = 0; i < k; i++) {
    const u = pairs.vectors[i];
    const projection = dot(u, grad);
    const curvature = map === 'absolute' ? Math.abs(pairs.values[i]) : pairs.values[i];
    const coefficient = projection / (curvature + damping);
    for (let p = 0; p < grad.length; p++) {
      step[p] -= coefficient * u[p];
      rest[p] -= projection * u[p];
    }
  }
  for (let p = 0; p < grad.length; p++) step[p] -= rest[p] / damping;
  return step;
}

/** The rank-k steps beside the full one at one θ. */
export interface LowRankNewtonComparison {
  ranks: Int32Array;
  /** Exact ‖H − H_k‖_F / ‖H‖_F for each rank. */
  relativeError: Float64Array;
  /** L(θ + Δ_k) for each rank. */
  lossAfter: Float32Array;
  /** cos ∠(Δ_k, Δ) for each rank. */
  cosineToFull: Float64Array;
  /** ‖Δ_k − Δ‖ / ‖Δ‖ for each rank. */
  distanceToFull: Float64Array;
  /** L(θ). */
  loss: number;
  /** L(θ + Δ), Δ the full damped Newton step (k = P). */
  fullLossAfter: number;
  /** Every eigenvalue of H, by |λ| descending. */
  eigenvalues: Float64Array;
}

/**
 * At θ: the dense Hessian and all its eigenpairs, the exact error of H_k and
 * the damped Newton step with H_k for each k of `ranks`, beside the full
 * damped Newton step, with the loss after each (one batched evaluation).
 * For networks whose dense Hessian is affordable; progress covers its assembly.
 */
export async function compareLowRankNewton(
  objective: Pick<NetworkObjective, 'paramCount' | 'lossAndGrad' | 'fullHessian' | 'evaluateBatch'>,
  params: Float32Array,
  options: LongRunOptions & { ranks: readonly number[]; damping: number; map?: EigenvalueMap },
): Promise<LowRankNewtonComparison> {
  const n = objective.paramCount;
  const hessian = await objective.fullHessian(params, { signal: options.signal, onProgress: options.onProgress });
  throwIfAborted(options.signal);
  const pairs = denseEigenpairs(hessian, n);
  const { loss, grad } = await objective.lossAndGrad(params);
  const g = Float64Array.from(grad);
  const ranks = Int32Array.from(options.ranks);
  const full = lowRankNewtonStep(pairs, n, g, options.damping, options.map);
  const fullNorm = Math.sqrt(dot(full, full));
  const steps = Array.from(ranks, (k) => lowRankNewtonStep(pairs, k, g, options.damping, options.map));
  const batch = new Float32Array((ranks.length + 1) * n);
  [...steps, full].forEach((step, r) => {
    for (let p = 0; p < n; p++) batch[r * n + p] = params[p] + step[p];
  });
  const after = (await objective.evaluateBatch(batch, ranks.length + 1)).loss;
  return {
    ranks,
    relativeError: lowRankErrorFromSpectrum(pairs.values, Array.from(ranks)),
    lossAfter: after.slice(0, ranks.length),
    cosineToFull: Float64Array.from(steps, (s) => dot(s, full) / (Math.sqrt(dot(s, s)) * fullNorm)),
    distanceToFull: Float64Array.from(steps, (s) => Math.sqrt(s.reduce((t, v, p) => t + (v - full[p]) ** 2, 0)) / fullNorm),
    loss,
    fullLossAfter: after[ranks.length],
    eigenvalues: pairs.values,
  };
}

function checkRank(pairs: Eigenpairs, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > pairs.values.length) {
    throw new RangeError(`rank ${k} is not in 0…${pairs.values.length} (the pairs available)`);
  }
}

/**
 * Pruning by curvature: remove a growing fraction of the weights and watch
 * the loss, comparing three rules for which weights go first.
 *
 * Around θ the loss after a change δ is, to second order,
 *   L(θ + δ) − L(θ) ≈ gᵀδ + ½ δᵀ H δ.
 * Removing weight q means the constraint θ_q + δ_q = 0.
 * - Magnitude: remove the smallest |θ_q|; δ = −θ_q e_q.
 * - Optimal Brain Damage (LeCun, Denker & Solla 1990): at a minimum (g ≈ 0)
 *   with H taken diagonal, removing q alone costs s_q = ½ h_qq θ_q²; remove
 *   the smallest saliencies, δ = −Σ θ_q e_q.
 * - Optimal Brain Surgeon (Hassibi & Stork 1993): with the full matrix
 *   M = H + δ_M I (positive definite), the cheapest change that removes q is
 *   δ = −(θ_q / [M⁻¹]_qq) M⁻¹ e_q, at cost L_q = θ_q² / (2 [M⁻¹]_qq): the
 *   other weights move to compensate. Weights are removed greedily, one at a
 *   time, and after each removal M⁻¹ is replaced by the inverse of M with q's
 *   row and column struck out,
 *     M⁻¹ ← M⁻¹ − M⁻¹ e_q e_qᵀ M⁻¹ / [M⁻¹]_qq
 *   (a Schur complement; it zeroes row and column q, so a removed weight
 *   stays removed). After r removals θ is the exact minimiser of the
 *   quadratic model with those r weights held at 0.
 * For each rule and fraction: the loss and accuracy (train, and test when
 * given), the Rayleigh quotient of the removed direction d = θ_pruned − θ,
 * dᵀHd / dᵀd, the second-order prediction gᵀd + ½ dᵀHd, and the share of
 * ‖d‖² in H's near-zero eigenspace (|λ| ≤ τ·max|λ|). The quadratic model
 * holds only for small changes: far along a curve the measured loss
 * outgrows the prediction, which is the point of plotting both.
 */
import { dot } from '../math/linalg/vectorOps';
import { symmetricEigen, type EigenDecomposition } from '../math/linalg/symmetricEigen';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import { layerLayout } from '../spec/mlp';
import type { BatchEvaluation, MlpObjective } from '../networks/objective';
import type { NetworkObjective } from '../networks/regularizedObjective';
import { MAX_EXACT_PARAMETERS } from '../spec/limits';

/** The rules for which weight goes first. */
export type PruningMethod = 'magnitude' | 'obd' | 'obs';

/** Every rule, in menu order. */
export const PRUNING_METHODS: readonly PruningMethod[] = ['magnitude', 'obd', 'obs'];

/** The parameters a pruning rule may remove: the kernel entries (weights), or every parameter. */
export type PruningCandidates = 'weights' | 'all';

/** The indices of θ that may be removed. */
export function pruningCandidates(objective: Pick<NetworkObjective, 'spec' | 'paramCount'>, which: PruningCandidates): Int32Array {
  if (which === 'all') return Int32Array.from({ length: objective.paramCount }, (_, i) => i);
  const indices: number[] = [];
  for (const { kernelOffset, fanIn, fanOut } of layerLayout(objective.spec)) {
    for (let i = 0; i < fanIn * fanOut; i++) indices.push(kernelOffset + i);
  }
  return Int32Array.from(indices);
}

/** The candidates ordered by ascending saliency (ties by index): the removal order of magnitude and OBD. */
export function removalOrder(candidates: Int32Array, saliency: (index: number) => number): Int32Array {
  return Int32Array.from(candidates).sort((a, b) => saliency(a) - saliency(b) || a - b);
}

/** OBD saliencies s_i = ½ h_ii θ_i² for every parameter, from the diagonal of H. */
export function obdSaliencies(params: ArrayLike<number>, diagonal: ArrayLike<number>): Float64Array {
  if (params.length !== diagonal.length) throw new RangeError(`obdSaliencies: ${params.length} parameters, ${diagonal.length} diagonal entries`);
  return Float64Array.from(params, (theta, i) => 0.5 * diagonal[i] * theta * theta);
}

/** One greedy OBS removal. */
export interface SurgeonStep {
  /** The parameter removed. */
  index: number;
  /** Its cost θ_q² / (2 [M⁻¹]_qq) under the quadratic model at removal. */
  saliency: number;
}

/** The greedy OBS sequence and the parameters after each recorded count. */
export interface SurgeonResult {
  steps: SurgeonStep[];
  /** θ after `counts[r]` removals, one row per count (counts × P, float64). */
  params: Float64Array[];
  /** The saliencies of every candidate before the first removal (NaN for non-candidates). */
  firstSaliencies: Float64Array;
}

/**
 * M⁻¹ for M = A + δI (A n×n symmetric, row-major), by the eigen-decomposition;
 * throws unless M is positive definite.
 */
export function dampedInverse(matrix: Float64Array, n: number, damping: number): Float64Array {
  const eigen: EigenDecomposition = symmetricEigen(matrix, n);
  const smallest = eigen.values[n - 1] + damping;
  if (!(smallest > 0)) {
    throw new RangeError(`Optimal Brain Surgeon needs a positive-definite matrix; its smallest eigenvalue plus the damping is ${smallest}`);
  }
  const inverse = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const u = eigen.vectors.subarray(k * n, (k + 1) * n);
    const scale = 1 / (eigen.values[k] + damping);
    for (let i = 0; i < n; i++) {
      const c = scale * u[i];
      for (let j = 0; j < n; j++) inverse[i * n + j] += c * u[j];
    }
  }
  return inverse;
}

/**
 * Greedy Optimal Brain Surgeon over `candidates` with M = `matrix` + δI
 * (see the module comment), until max(`counts`) weights are removed;
 * records θ after each count. O(P²) per removal.
 */
export function optimalBrainSurgeon(
  params: ArrayLike<number>,
  matrix: Float64Array,
  candidates: Int32Array,
  counts: readonly number[],
  damping: number,
  options: { signal?: AbortSignal } = {},
): SurgeonResult {
  const n = params.length;
  const wanted = Math.max(0, ...counts);
  if (wanted > candidates.length) throw new RangeError(`Cannot remove ${wanted} of ${candidates.length} candidates`);
  const inverse = dampedInverse(matrix, n, damping);
  const theta = Float64Array.from(params);
  const alive = new Uint8Array(n);
  candidates.forEach((i) => (alive[i] = 1));
  const firstSaliencies = new Float64Array(n).fill(Number.NaN);
  candidates.forEach((q) => (firstSaliencies[q] = (theta[q] * theta[q]) / (2 * inverse[q * n + q])));
  const steps: SurgeonStep[] = [];
  const snapshots = new Map<number, Float64Array>([[0, Float64Array.from(theta)]]);
  for (let removed = 0; removed < wanted; removed++) {
    throwIfAborted(options.signal);
    let best = -1;
    let bestSaliency = Infinity;
    for (const q of candidates) {
      if (!alive[q]) continue;
      const saliency = (theta[q] * theta[q]) / (2 * inverse[q * n + q]);
      if (saliency < bestSaliency) {
        bestSaliency = saliency;
        best = q;
      }
    }
    const pivot = inverse[best * n + best];
    const column = inverse.slice(best * n, (best + 1) * n); // row = column (symmetric)
    const scale = theta[best] / pivot;
    for (let i = 0; i < n; i++) theta[i] -= scale * column[i];
    theta[best] = 0;
    for (let i = 0; i < n; i++) {
      const c = column[i] / pivot;
      if (c === 0) continue;
      for (let j = 0; j < n; j++) inverse[i * n + j] -= c * column[j];
    }
    // Row and column q of the downdated inverse are zero in exact arithmetic; make them so,
    // so that later compensations leave a removed weight at exactly 0.
    for (let j = 0; j < n; j++) inverse[best * n + j] = inverse[j * n + best] = 0;
    alive[best] = 0;
    steps.push({ index: best, saliency: bestSaliency });
    snapshots.set(removed + 1, Float64Array.from(theta));
  }
  return { steps, params: counts.map((count) => snapshots.get(count) as Float64Array), firstSaliencies };
}

/** Loss and the other read-outs along one rule's pruning curve. */
export interface PruningCurve {
  method: PruningMethod;
  /** Weights removed at each fraction: round(f · candidates). */
  removed: Int32Array;
  /** The removal order (parameter indices; for OBS the greedy sequence). */
  order: Int32Array;
  /** θ pruned to each fraction, fractions × P (float32). */
  params: Float32Array;
  trainLoss: Float32Array;
  trainAccuracy: Float32Array | null;
  testLoss: Float32Array | null;
  testAccuracy: Float32Array | null;
  /** dᵀHd / dᵀd of d = θ_pruned − θ (NaN where nothing was removed). */
  rayleighQuotient: Float64Array;
  /** gᵀd + ½ dᵀHd: the quadratic model's loss change. */
  predictedRise: Float64Array;
  /** ‖P₀ d‖² / ‖d‖², P₀ the projector on H's eigenvectors with |λ| ≤ τ·max|λ| (NaN where d = 0). */
  flatShare: Float64Array;
}

/** The settings of a pruning study. */
export interface PruningOptions extends LongRunOptions {
  /** Fractions of the candidates to remove, each in [0, 1]. */
  fractions: readonly number[];
  methods?: readonly PruningMethod[];
  /** Default 'weights' (the kernels; biases stay). */
  candidates?: PruningCandidates;
  /**
   * OBS: δ_M added to H; it is raised where needed so that H + δ_M I is
   * positive definite: δ_M ≥ 10⁻³·max|λ| − λ_min (reported as `surgeonDamping`).
   * Default 10⁻³·max|λ|.
   */
  surgeonDamping?: number;
  /** τ of the near-zero eigenspace (default 10⁻³). */
  flatTolerance?: number;
  /** The test loss, for the test curves. */
  testObjective?: Pick<MlpObjective, 'evaluateBatch'> | null;
}

/** Every rule's curve and what they were measured against. */
export interface PruningStudy {
  fractions: Float64Array;
  curves: PruningCurve[];
  /** L(θ) before pruning. */
  loss: number;
  /** Every eigenvalue of H at θ, descending. */
  eigenvalues: Float64Array;
  /** δ_M the surgeon used. */
  surgeonDamping: number;
  candidateCount: number;
}

/**
 * The pruning curves of `methods` at θ from the dense Hessian (so for
 * networks up to MAX_EXACT_PARAMETERS parameters). Progress: the Hessian's
 * assembly; cancellation also between OBS removals.
 */
export async function pruningStudy(
  objective: Pick<NetworkObjective, 'spec' | 'paramCount' | 'lossAndGrad' | 'fullHessian' | 'evaluateBatch'>,
  params: Float32Array,
  options: PruningOptions,
): Promise<PruningStudy> {
  const n = objective.paramCount;
  if (n > MAX_EXACT_PARAMETERS) {
    throw new RangeError(`Pruning by curvature needs the dense ${n}×${n} Hessian; it is offered up to ${MAX_EXACT_PARAMETERS} parameters`);
  }
  const fractions = Float64Array.from(options.fractions);
  if (fractions.length === 0 || fractions.some((f) => !(f >= 0 && f <= 1))) {
    throw new RangeError('Pruning fractions must be numbers in [0, 1]');
  }
  const methods = options.methods ?? PRUNING_METHODS;
  const candidates = pruningCandidates(objective, options.candidates ?? 'weights');
  const counts = Array.from(fractions, (f) => Math.round(f * candidates.length));
  const hessian = await objective.fullHessian(params, { signal: options.signal, onProgress: options.onProgress });
  throwIfAborted(options.signal);
  const { loss, grad } = await objective.lossAndGrad(params);
  const eigen = symmetricEigen(hessian, n);
  const scale = Math.max(Math.abs(eigen.values[0]), Math.abs(eigen.values[n - 1]));
  const surgeonDamping = Math.max(options.surgeonDamping ?? 1e-3 * scale, 1e-3 * scale - eigen.values[n - 1]);
  const flat = flatBasis(eigen, n, (options.flatTolerance ?? 1e-3) * scale);
  const curves: PruningCurve[] = [];
  for (const method of methods) {
    let order: Int32Array;
    let pruned: Float64Array[];
    if (method === 'obs') {
      const surgeon = optimalBrainSurgeon(params, hessian, candidates, counts, surgeonDamping, options);
      order = Int32Array.from(surgeon.steps, (s) => s.index);
      pruned = surgeon.params;
    } else {
      const saliency =
        method === 'magnitude' ? Float64Array.from(params, Math.abs) : obdSaliencies(params, Float64Array.from({ length: n }, (_, i) => hessian[i * n + i]));
      order = removalOrder(candidates, (i) => saliency[i]);
      pruned = counts.map((count) => {
        const theta = Float64Array.from(params);
        for (let r = 0; r < count; r++) theta[order[r]] = 0;
        return theta;
      });
    }
    curves.push(await measureCurve(method, order, pruned, counts, params, grad, hessian, flat, objective, options.testObjective ?? null));
  }
  return { fractions, curves, loss, eigenvalues: eigen.values, surgeonDamping, candidateCount: candidates.length };
}

/** The eigenvectors of H with |λ| ≤ threshold. */
function flatBasis(eigen: EigenDecomposition, n: number, threshold: number): Float64Array[] {
  const basis: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    if (Math.abs(eigen.values[k]) <= threshold) basis.push(eigen.vectors.slice(k * n, (k + 1) * n));
  }
  return basis;
}

async function measureCurve(
  method: PruningMethod,
  order: Int32Array,
  pruned: Float64Array[],
  counts: number[],
  params: Float32Array,
  grad: Float32Array,
  hessian: Float64Array,
  flat: Float64Array[],
  objective: Pick<NetworkObjective, 'evaluateBatch'>,
  testObjective: Pick<MlpObjective, 'evaluateBatch'> | null,
): Promise<PruningCurve> {
  const n = params.length;
  const rows = pruned.length;
  const batch = new Float32Array(rows * n);
  pruned.forEach((theta, r) => batch.set(theta, r * n));
  const train: BatchEvaluation = await objective.evaluateBatch(batch, rows);
  const test = testObjective === null ? null : await testObjective.evaluateBatch(batch, rows);
  const rayleighQuotient = new Float64Array(rows);
  const predictedRise = new Float64Array(rows);
  const flatShare = new Float64Array(rows);
  pruned.forEach((theta, r) => {
    const d = Float64Array.from(theta, (v, i) => v - params[i]);
    const squared = dot(d, d);
    const hd = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += hessian[i * n + j] * d[j];
      hd[i] = s;
    }
    const curvature = dot(d, hd);
    rayleighQuotient[r] = squared > 0 ? curvature / squared : Number.NaN;
    predictedRise[r] = dot(Float64Array.from(grad), d) + 0.5 * curvature;
    flatShare[r] = squared > 0 ? flat.reduce((s, u) => s + dot(u, d) ** 2, 0) / squared : Number.NaN;
  });
  return {
    method,
    removed: Int32Array.from(counts),
    order,
    params: batch,
    trainLoss: train.loss,
    trainAccuracy: train.accuracy,
    testLoss: test?.loss ?? null,
    testAccuracy: test?.accuracy ?? null,
    rayleighQuotient,
    predictedRise,
    flatShare,
  };
}

/** The loss along one eigenvector, beside the quadratic model. */
export interface EigenDirectionProbe {
  /** λ_i of each probed eigenvector, in the order probed (ascending |λ|). */
  eigenvalues: Float64Array;
  /** ½ [L(θ + r u_i) + L(θ − r u_i)] − L(θ): the even part of the rise (the gradient term cancels). */
  measuredRise: Float64Array;
  /** ½ λ_i r². */
  predictedRise: Float64Array;
  radius: number;
}

/**
 * Redundancy of the near-zero eigen-directions: the loss at θ ± r u_i for
 * the `count` eigenvectors of smallest |λ| and the `count` of largest (2
 * evaluations each, one batched call), against ½ λ_i r². Along a direction
 * with λ ≈ 0 the loss does not change: moving (or removing) weight there is free.
 */
export async function probeEigenDirections(
  objective: Pick<NetworkObjective, 'paramCount' | 'loss' | 'fullHessian' | 'evaluateBatch'>,
  params: Float32Array,
  options: { radius: number; count: number; hessian?: Float64Array },
): Promise<EigenDirectionProbe> {
  const n = objective.paramCount;
  const { radius } = options;
  const count = Math.min(options.count, Math.floor(n / 2));
  if (!(radius > 0) || !Number.isInteger(count) || count < 1) throw new RangeError('probeEigenDirections needs radius > 0 and count ≥ 1');
  const eigen = symmetricEigen(options.hessian ?? (await objective.fullHessian(params)), n);
  const byMagnitude = Array.from({ length: n }, (_, k) => k).sort((a, b) => Math.abs(eigen.values[a]) - Math.abs(eigen.values[b]));
  const chosen = [...byMagnitude.slice(0, count), ...byMagnitude.slice(n - count)];
  const batch = new Float32Array(2 * chosen.length * n);
  chosen.forEach((k, c) => {
    for (let sign = 0; sign < 2; sign++) {
      const s = sign === 0 ? radius : -radius;
      for (let i = 0; i < n; i++) batch[(2 * c + sign) * n + i] = params[i] + s * eigen.vectors[k * n + i];
    }
  });
  const losses = (await objective.evaluateBatch(batch, 2 * chosen.length)).loss;
  const base = await objective.loss(params);
  return {
    eigenvalues: Float64Array.from(chosen, (k) => eigen.values[k]),
    measuredRise: Float64Array.from(chosen, (_, c) => 0.5 * (losses[2 * c] + losses[2 * c + 1]) - base),
    predictedRise: Float64Array.from(chosen, (k) => 0.5 * eigen.values[k] * radius * radius),
    radius,
  };
}

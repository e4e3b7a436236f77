/**
 * Stochastic trace estimation from operator products only, each estimate
 * with its standard error, to a requested accuracy.
 *
 * Hutchinson (1989): for z with i.i.d. Rademacher (±1) entries, E[zᵀ A z] =
 * tr A, with variance 2 Σ_{i≠j} A_ij² ≤ 2‖A‖_F², so m probes give an error
 * of order ‖A‖_F / √m.
 *
 * Hutch++ (Meyer, Musco, Musco & Woodruff 2021): sketch A S with s random
 * columns, take an orthonormal basis Q of its range, compute tr(Qᵀ A Q)
 * exactly, and apply Hutchinson only to the deflated remainder
 * (I − QQᵀ) A (I − QQᵀ). When the spectrum is dominated by a few large
 * eigenvalues, the remainder's Frobenius norm is far smaller and the error
 * drops from O(1/√m) to O(1/m). Given Q the remainder's terms are
 * independent, so their spread gives the standard error of the whole
 * estimate (the subspace part is exact given Q).
 *
 * Accuracy on request: probes are drawn in batches until the standard error
 * is at most `relativeTolerance` · |estimate| (after at least `minProbes`)
 * or the budget is spent; Hutch++ first doubles its sketch while the
 * remainder, judged from a batch of probes, would need more probes than
 * the larger sketch costs (in the manner of adaptive Hutch++, Persson,
 * Cortinovis & Kressner 2022). With relativeTolerance 0 the budget is
 * spent in Meyer et al.'s thirds.
 */
import type { Rng } from '../rng';
import { dot, norm2, orthogonalizeAgainst, projectOut, scaleInPlace } from '../linalg/vectorOps';
import { CountedOperator, resolveRng, type BatchProduct, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { checkRelativeTolerance, DEFAULT_RELATIVE_TOLERANCE, PROBE_BATCH, RademacherForms, samplesNeeded, toleranceReached, type AccuracyRequest, type Estimate, type EstimateCost, type StopReason } from './standardError';

/** Options of the trace estimators: cancellation, progress, randomness, accuracy and batching. */
export interface TraceOptions extends LongRunOptions, RandomSource, AccuracyRequest {
  /** The operator's batched product: probes (and Hutch++'s sketch) are then computed `batchSize` at a time. */
  batch?: BatchProduct;
  /** Vectors per batched call (default 16). */
  batchSize?: number;
  /** Probes before the tolerance may stop the estimate (default 16), so that their spread is a fair standard error. */
  minProbes?: number;
}

/**
 * A trace estimate with its uncertainty, its cost and why it stopped. The
 * standard error is √(Var / m) for the m Hutchinson terms, Var =
 * 2(‖B‖_F² − Σ B_ii²) estimated from the same products (see
 * `RademacherForms`); 0 when the estimate is exact.
 */
export interface TraceEstimate extends Estimate, EstimateCost {}

/** Hutchinson's estimate with its individual terms. */
export interface HutchinsonEstimate extends TraceEstimate {
  /** The individual terms zᵢᵀ A zᵢ. */
  samples: Float64Array;
}

/** The Hutch++ estimate split into its exact and its sampled part. */
export interface HutchPlusPlusEstimate extends TraceEstimate {
  /** tr(Qᵀ A Q), exact on the sketched subspace. */
  subspaceTrace: number;
  /** Hutchinson estimate of tr((I − QQᵀ) A (I − QQᵀ)). */
  remainderTrace: number;
  /** Dimension of the sketched subspace (columns of Q). */
  rank: number;
  /** Probes of the remainder behind the standard error. */
  probes: number;
}

/** The first Hutch++ sketch of the adaptive mode: one batch of columns. */
const INITIAL_SKETCH = PROBE_BATCH;

/** The resolved options every estimator here needs. */
interface Plan {
  op: CountedOperator;
  rng: Rng;
  budget: number;
  relativeTolerance: number;
  /** Vectors per call: batchSize with a batched product, else 1 (one product at a time, one progress call each). */
  perCall: number;
  minProbes: number;
  report: () => void;
}

function plan(matVec: MatVec, n: number, budget: number, least: number, options: TraceOptions, label: string): Plan {
  if (!Number.isInteger(budget) || budget < least) throw new RangeError(`budget must be an integer ≥ ${least}, got ${budget}`);
  const relativeTolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  checkRelativeTolerance(relativeTolerance);
  const op = new CountedOperator(matVec, n, options.signal, options.batch);
  const batchSize = options.batchSize ?? PROBE_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  return {
    op,
    rng: resolveRng(options, label),
    budget,
    relativeTolerance,
    perCall: options.batch === undefined ? 1 : batchSize,
    minProbes: options.minProbes ?? PROBE_BATCH,
    report: () => options.onProgress?.(op.products, budget),
  };
}

/**
 * Hutchinson's estimator, tr A ≈ (1/m) Σ zᵢᵀ A zᵢ with Rademacher zᵢ, with
 * at most `budget` probes, stopping at the requested accuracy.
 * Progress: (products, budget).
 */
export async function hutchinsonTrace(
  matVec: MatVec,
  n: number,
  budget: number,
  options: TraceOptions = {},
): Promise<HutchinsonEstimate> {
  const p = plan(matVec, n, budget, 1, options, 'hutchinson');
  const samples = new RademacherForms(n);
  const stop = await sampleRemainder(p, null, samples, () => 0);
  return { estimate: samples.mean(), standardError: samples.standardError(), products: p.op.products, budget, stop, samples: Float64Array.from(samples.terms) };
}

/**
 * Hutch++ with at most `budget` products (at least 3): the exact trace on
 * the range Q of a sketch A S plus Hutchinson on the deflated remainder.
 * Adaptive by default (see the module comment); with relativeTolerance 0 a
 * sketch of s = ⌊budget/3⌋ columns and budget − 2s remainder probes. The
 * standard error is that of the remainder's terms. Progress: (products, budget).
 */
export async function hutchPlusPlusTrace(
  matVec: MatVec,
  n: number,
  budget: number,
  options: TraceOptions = {},
): Promise<HutchPlusPlusEstimate> {
  const p = plan(matVec, n, budget, 3, options, 'hutch++');
  const basis: Float64Array[] = [];
  let subspaceTrace = 0;
  let samples = new RademacherForms(n);
  const grow = async (columns: number) => {
    subspaceTrace += await extendSketch(p, basis, columns);
  };

  if (p.relativeTolerance === 0) {
    await grow(Math.min(Math.floor(budget / 3), n));
  } else {
    let sketch = Math.min(INITIAL_SKETCH, Math.floor(budget / 3), n);
    await grow(sketch);
    // Judge the remainder from one batch of probes; double the sketch while that is the cheaper way to the tolerance.
    for (;;) {
      samples = new RademacherForms(n);
      if (basis.length === n) break;
      await drawProbes(p, basis, samples, Math.min(p.minProbes, p.budget - p.op.products));
      const needed = samplesNeeded(Math.sqrt(samples.variance()), subspaceTrace + samples.mean(), p.relativeTolerance);
      // Columns of A S can be dependent (a random ±1 matrix may be singular), so more than n may be drawn.
      const larger = Math.min(2 * sketch, 2 * n);
      const growthCost = 2 * (larger - sketch);
      if (!(needed > growthCost) || larger === sketch || p.op.products + growthCost + p.minProbes > budget) break;
      await grow(larger - sketch);
      sketch = larger;
    }
  }
  const stop: StopReason = basis.length === n ? 'exact' : await sampleRemainder(p, basis, samples, () => subspaceTrace);
  const remainderTrace = samples.mean();
  return {
    estimate: subspaceTrace + remainderTrace,
    standardError: samples.standardError(),
    products: p.op.products,
    budget,
    stop,
    subspaceTrace,
    remainderTrace,
    rank: basis.length,
    probes: samples.count,
  };
}

/** Adds up to `columns` sketch directions: Q ← orth[Q, A S] for Rademacher S, then Σ qᵀ A q over the new q (2 · columns products at most). */
async function extendSketch(p: Plan, basis: Float64Array[], columns: number): Promise<number> {
  const n = p.op.n;
  const added: Float64Array[] = [];
  for (let first = 0; first < columns && basis.length < n; first += p.perCall) {
    const count = Math.min(p.perCall, columns - first);
    const images = await p.op.applyAll(Array.from({ length: count }, () => p.rng.fillRademacher(new Float64Array(n))));
    p.report();
    for (const column of images) {
      const before = norm2(column);
      orthogonalizeAgainst(column, basis);
      const after = norm2(column);
      // A column (numerically) inside the span so far adds nothing: A has low rank there.
      if (after > 1e-10 * before) {
        const q = scaleInPlace(1 / after, column);
        basis.push(q);
        added.push(q);
      }
    }
  }
  let trace = 0;
  for (let first = 0; first < added.length; first += p.perCall) {
    const chunk = added.slice(first, first + p.perCall);
    const images = await p.op.applyAll(chunk);
    chunk.forEach((q, k) => (trace += dot(q, images[k])));
    p.report();
  }
  return trace;
}

/**
 * Draws remainder probes into `samples` until the estimate exact + mean has
 * the requested accuracy (after minProbes) or the budget is spent.
 */
async function sampleRemainder(p: Plan, deflate: readonly Float64Array[] | null, samples: RademacherForms, exact: () => number): Promise<StopReason> {
  for (;;) {
    if (samples.count >= p.minProbes && toleranceReached(exact() + samples.mean(), samples.standardError(), p.relativeTolerance)) return 'tolerance';
    const left = p.budget - p.op.products;
    if (left <= 0) return 'budget';
    await drawProbes(p, deflate, samples, Math.min(left, p.perCall));
  }
}

/**
 * zᵀ B z for `count` Rademacher z, B = A or, with `deflate` = Q, the
 * remainder (I − QQᵀ) A (I − QQᵀ) (the probe is projected before the
 * product and its image after), `perCall` per product call.
 */
async function drawProbes(p: Plan, deflate: readonly Float64Array[] | null, samples: RademacherForms, count: number): Promise<void> {
  for (let first = 0; first < count; first += p.perCall) {
    const probes = Array.from({ length: Math.min(p.perCall, count - first) }, () => p.rng.fillRademacher(new Float64Array(p.op.n)));
    const projected = probes.map((z) => (deflate === null ? z : projectOut(Float64Array.from(z), deflate)));
    const images = await p.op.applyAll(projected);
    probes.forEach((z, k) => samples.add(z, deflate === null ? images[k] : projectOut(images[k], deflate)));
    p.report();
  }
}


/** Budgets of both estimators and the shared options. */
export interface TraceEstimatesOptions extends Omit<TraceOptions, 'rng'> {
  /** Most products of the plain Hutchinson estimator (default 60). */
  hutchinsonBudget?: number;
  /** Most products of Hutch++ (default 60, at least 3). */
  hutchPlusPlusBudget?: number;
}

/** Both estimates of tr A. */
export interface TraceEstimates {
  hutchinson: TraceEstimate;
  hutchPlusPlus: TraceEstimate & { sketchRank: number };
}

/**
 * Hutchinson and Hutch++ side by side, to the same requested accuracy,
 * each within its own budget. Progress: (products, both budgets together).
 */
export async function traceEstimates(matVec: MatVec, n: number, options: TraceEstimatesOptions = {}): Promise<TraceEstimates> {
  const hutchinsonBudget = options.hutchinsonBudget ?? 60;
  const hutchPlusPlusBudget = options.hutchPlusPlusBudget ?? 60;
  const total = hutchinsonBudget + hutchPlusPlusBudget;
  const onProgress = options.onProgress;
  const shared = { ...options, seed: options.seed ?? 0 };
  const hutchinson = await hutchinsonTrace(matVec, n, hutchinsonBudget, {
    ...shared,
    onProgress: onProgress && ((done) => onProgress(done, total)),
  });
  const plusPlus = await hutchPlusPlusTrace(matVec, n, hutchPlusPlusBudget, {
    ...shared,
    onProgress: onProgress && ((done) => onProgress(hutchinsonBudget + done, total)),
  });
  const summary = ({ estimate, standardError, products, budget, stop }: TraceEstimate): TraceEstimate => ({ estimate, standardError, products, budget, stop });
  return { hutchinson: summary(hutchinson), hutchPlusPlus: { ...summary(plusPlus), sketchRank: plusPlus.rank } };
}

/**
 * Stochastic trace estimation from operator products only.
 *
 * Hutchinson (1989): for z with i.i.d. Rademacher (±1) entries, E[zᵀ A z] =
 * tr A, with variance 2 Σ_{i≠j} A_ij² ≤ 2‖A‖_F², so m probes give an error
 * of order ‖A‖_F / √m.
 *
 * Hutch++ (Meyer, Musco, Musco & Woodruff 2021): spend a third of the budget
 * on a sketch A S, take an orthonormal basis Q of its range, compute
 * tr(Qᵀ A Q) exactly (another third), and apply Hutchinson only to the
 * deflated remainder (I − QQᵀ) A (I − QQᵀ) (last third). When the spectrum is
 * dominated by a few large eigenvalues, the remainder's Frobenius norm is far
 * smaller and the error drops from O(1/√m) to O(1/m).
 */
import type { Rng } from '../rng';
import { axpy, dot, norm2, orthogonalizeAgainst, scaleInPlace } from '../linalg/vectorOps';
import { CountedOperator, resolveRng, type LongRunOptions, type MatVec, type RandomSource } from './operator';

/** Options of the trace estimators (cancellation, progress, randomness). */
export interface TraceOptions extends LongRunOptions, RandomSource {}

/** A trace estimate with its uncertainty. */
export interface TraceEstimate {
  estimate: number;
  /**
   * Estimated standard error of `estimate`: the sample standard deviation of
   * the Hutchinson terms over √(their count) (0 when fewer than 2 terms).
   */
  standardError: number;
  /** Operator products used. */
  products: number;
}

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
}

/**
 * Hutchinson's estimator with `probes` Rademacher vectors:
 * tr A ≈ (1/m) Σ zᵢᵀ A zᵢ. Progress: (products, probes).
 */
export async function hutchinsonTrace(
  matVec: MatVec,
  n: number,
  probes: number,
  options: TraceOptions = {},
): Promise<HutchinsonEstimate> {
  checkBudget(probes, 1, 'probes');
  const op = new CountedOperator(matVec, n, options.signal);
  const rng = resolveRng(options, 'hutchinson');
  const samples = await rademacherQuadraticForms(op, rng, probes, null, (done) => options.onProgress?.(done, probes));
  const { mean, standardError } = meanAndStandardError(samples);
  return { estimate: mean, standardError, products: op.products, samples };
}

/**
 * Hutch++ with a budget of `products` operator products (at least 3): a
 * sketch of s = ⌊budget/3⌋ Rademacher columns, the exact trace on the range
 * of A S, and budget − 2s Hutchinson probes on the deflated remainder.
 * The standard error is that of the remainder's Hutchinson terms (the
 * subspace part is exact given Q). Progress: (products, budget).
 */
export async function hutchPlusPlusTrace(
  matVec: MatVec,
  n: number,
  budget: number,
  options: TraceOptions = {},
): Promise<HutchPlusPlusEstimate> {
  checkBudget(budget, 3, 'budget');
  const op = new CountedOperator(matVec, n, options.signal);
  const rng = resolveRng(options, 'hutch++');
  const report = () => options.onProgress?.(op.products, budget);
  const sketchSize = Math.min(Math.floor(budget / 3), n);

  // Q: orthonormal basis of range(A S), S with Rademacher columns.
  const basis: Float64Array[] = [];
  for (let j = 0; j < sketchSize; j++) {
    const column = await op.apply(rng.fillRademacher(new Float64Array(n)));
    report();
    const before = norm2(column);
    orthogonalizeAgainst(column, basis);
    const after = norm2(column);
    // A column (numerically) inside the span so far adds nothing: A has low rank.
    if (after > 1e-10 * before) basis.push(scaleInPlace(1 / after, column));
  }

  // tr(Qᵀ A Q) = Σ qⱼᵀ A qⱼ.
  let subspaceTrace = 0;
  for (const q of basis) {
    subspaceTrace += dot(q, await op.apply(q));
    report();
  }

  // Hutchinson on (I − QQᵀ) A (I − QQᵀ): probes z are projected before the product.
  const probes = budget - op.products;
  const samples = await rademacherQuadraticForms(op, rng, probes, basis, report);
  const remainder = meanAndStandardError(samples);
  return {
    estimate: subspaceTrace + remainder.mean,
    standardError: remainder.standardError,
    products: op.products,
    subspaceTrace,
    remainderTrace: remainder.mean,
    rank: basis.length,
  };
}

/** zᵢᵀ A zᵢ for `count` Rademacher z, each first projected off `deflate` when given. */
async function rademacherQuadraticForms(
  op: CountedOperator,
  rng: Rng,
  count: number,
  deflate: readonly Float64Array[] | null,
  onEach: (productsDone: number) => void,
): Promise<Float64Array> {
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const z = rng.fillRademacher(new Float64Array(op.n));
    if (deflate !== null) projectOut(z, deflate);
    samples[i] = dot(z, await op.apply(z));
    onEach(op.products);
  }
  return samples;
}

/** z ← (I − QQᵀ) z for orthonormal Q, one Gram–Schmidt pass (Q is exactly orthonormal here). */
function projectOut(z: Float64Array, basis: readonly Float64Array[]): void {
  for (const q of basis) axpy(-dot(q, z), q, z);
}

/** Sample mean and its standard error s/√m (s the unbiased sample standard deviation). */
export function meanAndStandardError(samples: Float64Array): { mean: number; standardError: number } {
  const m = samples.length;
  if (m === 0) return { mean: 0, standardError: 0 };
  let mean = 0;
  for (let i = 0; i < m; i++) mean += samples[i];
  mean /= m;
  if (m < 2) return { mean, standardError: 0 };
  let squares = 0;
  for (let i = 0; i < m; i++) squares += (samples[i] - mean) ** 2;
  return { mean, standardError: Math.sqrt(squares / (m - 1) / m) };
}

function checkBudget(value: number, least: number, name: string): void {
  if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be an integer ≥ ${least}, got ${value}`);
}

/**
 * The sample statistics and the stopping rule shared by the stochastic
 * estimators (Hutchinson, Hutch++, stochastic Lanczos quadrature): a mean
 * of independent terms, its standard error, and "accuracy on request" —
 * stop once the standard error is a requested fraction of the estimate, or
 * when the product budget is spent, and say which.
 */

/** Sample mean and its standard error s/√m (s the unbiased sample standard deviation). */
export function meanAndStandardError(samples: ArrayLike<number>): { mean: number; standardError: number } {
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

/**
 * Why an estimator stopped:
 * - 'tolerance': its standard error reached the requested fraction of the estimate;
 * - 'budget': the products allowed were spent first (the standard error says how far it got);
 * - 'exact': the random part vanished (the deflated subspace or the sketch is all of ℝⁿ);
 * - 'fixed': the caller fixed the number of probes.
 */
export type StopReason = 'tolerance' | 'budget' | 'exact' | 'fixed';

/** A value estimated from random probes, with its standard error. */
export interface Estimate {
  estimate: number;
  standardError: number;
}

/** What a stochastic estimate cost and why it stopped. */
export interface EstimateCost {
  /** Operator products used. */
  products: number;
  /** The most products it was allowed. */
  budget: number;
  /** What ended it (see {@link StopReason}). */
  stop: StopReason;
}

/** The requested accuracy of an estimate, and what it may cost. */
export interface AccuracyRequest {
  /**
   * Stop once standardError ≤ relativeTolerance · |estimate| (default 0.02);
   * 0 spends the whole budget.
   */
  relativeTolerance?: number;
}

/**
 * Probes per batch, and the fewest whose spread is taken at face value: 16
 * (a batched call of 16 products costs little more than one, and below that
 * the estimated variance itself is too uncertain for a fair error bar).
 */
export const PROBE_BATCH = 16;

/** The default requested relative standard error: 2 %. */
export const DEFAULT_RELATIVE_TOLERANCE = 0.02;

/** Whether `standardError` meets the request for `estimate` (never for a tolerance of 0). */
export function toleranceReached(estimate: number, standardError: number, relativeTolerance: number): boolean {
  return relativeTolerance > 0 && standardError <= relativeTolerance * Math.abs(estimate);
}

/**
 * Samples needed for a standard error of relativeTolerance · |estimate| when
 * one sample has standard deviation `deviation`: ⌈(σ / (tol · |estimate|))²⌉
 * (Infinity for a zero estimate or tolerance).
 */
export function samplesNeeded(deviation: number, estimate: number, relativeTolerance: number): number {
  const target = relativeTolerance * Math.abs(estimate);
  if (!(target > 0)) return Infinity;
  return Math.ceil((deviation / target) ** 2);
}

/** The unbiased sample standard deviation s (0 for fewer than two samples). */
export function sampleDeviation(samples: ArrayLike<number>): number {
  return meanAndStandardError(samples).standardError * Math.sqrt(samples.length);
}

/** Checks that a relative tolerance is a number in [0, 1). */
export function checkRelativeTolerance(value: number): void {
  if (!(value >= 0 && value < 1)) throw new RangeError(`relativeTolerance must be in [0, 1), got ${value}`);
}

/**
 * Rademacher quadratic forms zᵀ B z (Hutchinson's terms) and the moments
 * that give their variance. For z with i.i.d. ±1 entries,
 *   E[zᵀ B z] = tr B,   Var(zᵀ B z) = 2 (‖B‖_F² − Σᵢ B_ii²),
 * and both parts of the variance are means of quantities every product
 * already gives: E‖B z‖² = ‖B‖_F², and for two independent probes
 * E[(z ∘ B z)·(z' ∘ B z')] = Σᵢ B_ii² (since E[zᵢ (B z)ᵢ] = B_ii). This
 * second-moment estimate of the variance is much steadier than the spread
 * of the terms themselves (a fourth moment), which, when a few eigenvalues
 * dominate B, is usually too small in a small sample exactly when the mean
 * is off — the standard error would then be too optimistic.
 */
export class RademacherForms {
  /** The terms zᵀ B z. */
  readonly terms: number[] = [];
  private squaredImages = 0;
  private readonly diagonalSum: Float64Array;
  private diagonalSquares = 0;

  constructor(n: number) {
    this.diagonalSum = new Float64Array(n);
  }

  /** Adds the probe z (±1 entries) with its image B z. */
  add(z: Float64Array, image: Float64Array): void {
    let term = 0;
    let squares = 0;
    let diagonalSquares = 0;
    for (let i = 0; i < z.length; i++) {
      const u = z[i] * image[i];
      term += u;
      squares += image[i] * image[i];
      diagonalSquares += u * u;
      this.diagonalSum[i] += u;
    }
    this.terms.push(term);
    this.squaredImages += squares;
    this.diagonalSquares += diagonalSquares;
  }

  get count(): number {
    return this.terms.length;
  }

  /** The mean of the terms (0 for none). */
  mean(): number {
    return meanAndStandardError(this.terms).mean;
  }

  /** Var(zᵀ B z) estimated as above (the bound 2‖B‖_F² while fewer than two probes give no Σ B_ii²), at least 0. */
  variance(): number {
    const m = this.terms.length;
    if (m === 0) return 0;
    const frobenius = this.squaredImages / m;
    if (m < 2) return 2 * frobenius;
    let total = 0;
    for (const value of this.diagonalSum) total += value * value;
    const diagonal = (total - this.diagonalSquares) / (m * (m - 1));
    return Math.max(0, 2 * (frobenius - diagonal));
  }

  /** √(variance / count): the standard error of the mean. */
  standardError(): number {
    return this.terms.length === 0 ? 0 : Math.sqrt(this.variance() / this.terms.length);
  }
}

/**
 * The variance of vᵀ B v for v uniform on the unit sphere of a
 * d-dimensional space (a normalised Gaussian probe),
 *   Var = 2 (μ₂ − μ₁²) / (d + 2),   μ₁ = tr B / d,  μ₂ = tr B² / d,
 * from the probes' first Lanczos coefficients: vᵀ B v = α₁ and
 * ‖B v‖² = α₁² + β₁², whose means estimate μ₁ and μ₂ (a second-moment
 * estimate, steadier than the spread of the α₁, as for RademacherForms).
 */
export function sphereFormVariance(alphas: readonly number[], imageSquares: readonly number[], dimension: number): number {
  const m = alphas.length;
  if (m === 0 || dimension < 1) return 0;
  const mean = alphas.reduce((sum, a) => sum + a, 0) / m;
  const second = imageSquares.reduce((sum, s) => sum + s, 0) / m;
  return Math.max(0, (2 * (second - mean * mean)) / (dimension + 2));
}

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

/** The requested accuracy of an estimate, and what it may cost. */
export interface AccuracyRequest {
  /**
   * Stop once standardError ≤ relativeTolerance · |estimate| (default 0.02);
   * 0 spends the whole budget.
   */
  relativeTolerance?: number;
}

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

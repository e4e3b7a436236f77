/**
 * The numbers a curvature panel shows: λ_max, λ_min, condition numbers, the
 * fraction of negative eigenvalues (the saddle index) and the trace, from
 * an exact spectrum or from estimates.
 */
import type { CurvatureReadouts } from '../spec/messages/landscape';

/** Eigenvalues within this fraction of max|λ| of zero count as zero (float32 products leave ~1e-7 noise). */
export const DEFAULT_ZERO_TOLERANCE = 1e-5;

/** Read-outs from every eigenvalue (any order); |λ| ≤ tol · max|λ| counts as zero. */
export function readoutsFromSpectrum(eigenvalues: Float64Array, relativeZeroTolerance = DEFAULT_ZERO_TOLERANCE): CurvatureReadouts {
  if (eigenvalues.length === 0) throw new RangeError('readoutsFromSpectrum: no eigenvalues');
  let lambdaMax = -Infinity;
  let lambdaMin = Infinity;
  let trace = 0;
  for (const lambda of eigenvalues) {
    lambdaMax = Math.max(lambdaMax, lambda);
    lambdaMin = Math.min(lambdaMin, lambda);
    trace += lambda;
  }
  const zero = relativeZeroTolerance * Math.max(Math.abs(lambdaMax), Math.abs(lambdaMin));
  let negatives = 0;
  let smallestPositive = Infinity;
  for (const lambda of eigenvalues) {
    if (lambda < -zero) negatives++;
    if (lambda > zero) smallestPositive = Math.min(smallestPositive, lambda);
  }
  return {
    lambdaMax,
    lambdaMin,
    conditionNumber: Math.abs(lambdaMax / lambdaMin),
    positiveConditionNumber: Number.isFinite(smallestPositive) ? lambdaMax / smallestPositive : null,
    negativeFraction: negatives / eigenvalues.length,
    trace,
    source: 'exact',
  };
}

/** What the estimators provide. */
export interface CurvatureEstimates {
  /** Largest and smallest Ritz values (Lanczos). */
  lambdaMax: number;
  lambdaMin: number;
  /** A trace estimate (Hutch++). */
  trace: number;
  /** Σ of the density's weights below zero (SLQ), when computed. */
  negativeWeight?: number;
}

/**
 * Read-outs from estimates. The positive part's conditioning needs the
 * smallest positive eigenvalue, which the extreme-eigenvalue methods do not
 * see unless the whole spectrum is positive (then it is λ_min).
 */
export function readoutsFromEstimates(estimates: CurvatureEstimates): CurvatureReadouts {
  const { lambdaMax, lambdaMin, trace } = estimates;
  return {
    lambdaMax,
    lambdaMin,
    conditionNumber: Math.abs(lambdaMax / lambdaMin),
    positiveConditionNumber: lambdaMin > 0 ? lambdaMax / lambdaMin : null,
    negativeFraction: estimates.negativeWeight ?? null,
    trace,
    source: 'estimated',
  };
}

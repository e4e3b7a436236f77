/**
 * Counting a spectrum's signs with a tolerance: which eigenvalues of a
 * Hessian (or Gauss-Newton matrix) computed in float32 are negative, which
 * are zero within rounding, and the numerical rank. The tolerance is
 * relative, τ · max|λ|, because float32 products carry errors of order
 * 1e-7 · ‖H‖ into every eigenvalue.
 */

/** The index of a spectrum. */
export interface SpectrumIndex {
  /** Eigenvalues below −τ·max|λ|. */
  negative: number;
  /** Eigenvalues within ±τ·max|λ|. */
  nearZero: number;
  /** negative / P. */
  index: number;
  /** τ·max|λ|, the threshold used. */
  threshold: number;
}

/** {@link SpectrumIndex} of the eigenvalues, with τ relative to the largest |λ|. */
export function spectrumIndex(eigenvalues: ArrayLike<number>, relativeThreshold = 1e-4): SpectrumIndex {
  let largest = 0;
  for (let i = 0; i < eigenvalues.length; i++) largest = Math.max(largest, Math.abs(eigenvalues[i]));
  const threshold = relativeThreshold * largest;
  let negative = 0;
  let nearZero = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    if (eigenvalues[i] < -threshold) negative++;
    else if (eigenvalues[i] <= threshold) nearZero++;
  }
  return { negative, nearZero, index: negative / eigenvalues.length, threshold };
}

/** The numerical rank: the eigenvalues with |λ| > τ·max|λ| (the rest count as zero). */
export function numericalRank(eigenvalues: ArrayLike<number>, relativeThreshold = 1e-4): number {
  const { nearZero } = spectrumIndex(eigenvalues, relativeThreshold);
  return eigenvalues.length - nearZero;
}

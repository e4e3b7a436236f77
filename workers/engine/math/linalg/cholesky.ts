/**
 * Solving A x = b for a dense symmetric positive-definite A by the Cholesky
 * factorisation A = L Lᵀ (Golub & Van Loan, "Matrix Computations", §4.2):
 * about n³/3 multiply-adds, a third of an eigen-decomposition's work.
 */

/**
 * x with A x = b, A n×n row-major (only its lower triangle is read), or null
 * when a pivot is not positive (A is not numerically positive definite).
 * Float64 throughout; A and b are not modified.
 */
export function choleskySolve(matrix: Float64Array, b: Float64Array): Float64Array | null {
  const n = b.length;
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j];
    for (let k = 0; k < j; k++) pivot -= lower[j * n + k] * lower[j * n + k];
    if (!(pivot > 0)) return null;
    const diagonal = Math.sqrt(pivot);
    lower[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i * n + j];
      const rowI = i * n;
      const rowJ = j * n;
      for (let k = 0; k < j; k++) sum -= lower[rowI + k] * lower[rowJ + k];
      lower[rowI + j] = sum / diagonal;
    }
  }
  // L y = b, then Lᵀ x = y.
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

/** Test helper: how far a solver's eigenvector rows are from orthonormal. */

/** max |V Vᵀ − I| over the n rows of `rows` (n × n, row-major). */
export function orthonormalityError(rows: Float64Array, n: number): number {
  let err = 0;
  for (let p = 0; p < n; p++) {
    for (let q = 0; q <= p; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += rows[p * n + i] * rows[q * n + i];
      err = Math.max(err, Math.abs(s - (p === q ? 1 : 0)));
    }
  }
  return err;
}

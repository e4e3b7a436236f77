/**
 * Small pieces the dense symmetric eigensolvers share: the identity they
 * start their rotations from, and eigenpairs put in order with their
 * vectors (one vector per row, n values each).
 */

/** The n × n identity, row-major. */
export function identityMatrix(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/**
 * The n eigenvalues `values` in `order`, and the rows of `rows` (row i the
 * eigenvector of `values[i]`) moved along with them; ties keep their order.
 */
export function sortedEigenRows(
  values: Float64Array,
  rows: Float64Array,
  n: number,
  order: 'ascending' | 'descending',
): { values: Float64Array; rows: Float64Array } {
  const sign = order === 'ascending' ? 1 : -1;
  const indices = Array.from({ length: n }, (_, i) => i).sort((p, q) => sign * (values[p] - values[q]));
  const sortedRows = new Float64Array(n * n);
  indices.forEach((from, to) => sortedRows.set(rows.subarray(from * n, from * n + n), to * n));
  return { values: Float64Array.from(indices, (i) => values[i]), rows: sortedRows };
}

import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { projectRowsOut, transpose } from './rowProjection';
import { dot, orthogonalizeAgainst } from './vectorOps';

/** `rank` orthonormal random rows of length n, row-major. */
function orthonormalRows(rank: number, n: number, rng: Rng): Float64Array {
  const rows: Float64Array[] = [];
  for (let j = 0; j < rank; j++) {
    const v = orthogonalizeAgainst(rng.fillNormal(new Float64Array(n)), rows);
    const length = Math.sqrt(dot(v, v));
    rows.push(v.map((x) => x / length));
  }
  const out = new Float64Array(rank * n);
  rows.forEach((row, j) => out.set(row, j * n));
  return out;
}

describe('projectRowsOut', () => {
  it.each([2, 9])('leaves %d rows orthogonal to the basis and equal to the one-by-one projection', (count) => {
    const rng = new Rng(3);
    const n = 30;
    const rank = 7;
    const basis = orthonormalRows(rank, n, rng);
    const rows = rng.fillNormal(new Float64Array(count * n));
    const expected = Float64Array.from(rows);
    const vectors = Array.from({ length: rank }, (_, j) => basis.subarray(j * n, (j + 1) * n));
    for (let r = 0; r < count; r++) orthogonalizeAgainst(expected.subarray(r * n, (r + 1) * n), vectors);
    const twice = Float64Array.from(rows);
    projectRowsOut(rows, count, basis, rank, n, 2);
    // The same with the transposed basis given.
    projectRowsOut(twice, count, basis, rank, n, 2, transpose(basis, rank, n));
    twice.forEach((x, i) => expect(x).toBeCloseTo(rows[i], 13));
    for (let r = 0; r < count; r++) {
      const row = rows.subarray(r * n, (r + 1) * n);
      for (const q of vectors) expect(Math.abs(dot(q, row))).toBeLessThan(1e-13);
      row.forEach((x, i) => expect(x).toBeCloseTo(expected[r * n + i], 12));
    }
  });

  it('does nothing without a basis', () => {
    const rows = Float64Array.of(1, 2, 3);
    expect(Array.from(projectRowsOut(rows, 1, new Float64Array(0), 0, 3))).toEqual([1, 2, 3]);
  });
});

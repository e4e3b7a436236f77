import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { symmetricEigen, symmetricEigenvalues, symmetricEigenvaluesBetween, tridiagonalEigen } from './symmetricEigen';
import { orthonormalityError } from './testing/orthonormality';

/** A symmetric n×n matrix with i.i.d. N(0, 1) entries on and below the diagonal. */
function randomSymmetric(n: number, rng: Rng): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = rng.normal();
      a[i * n + j] = x;
      a[j * n + i] = x;
    }
  }
  return a;
}

/** A random orthogonal n×n matrix (row-major): Gram–Schmidt on Gaussian columns. */
function randomOrthogonal(n: number, rng: Rng): Float64Array {
  const cols = Array.from({ length: n }, () => rng.fillNormal(new Float64Array(n)));
  for (let k = 0; k < n; k++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < k; j++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += cols[k][i] * cols[j][i];
        for (let i = 0; i < n; i++) cols[k][i] -= dot * cols[j][i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += cols[k][i] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) cols[k][i] /= norm;
  }
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) q[i * n + k] = cols[k][i];
  return q;
}

/** Q diag(λ) Qᵀ for Q row-major. */
function withSpectrum(q: Float64Array, lambda: number[]): Float64Array {
  const n = lambda.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k] * lambda[k] * q[j * n + k];
      a[i * n + j] = s;
    }
  }
  return a;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** max |A − V Λ Vᵀ| with V column-major as returned by the solver. */
function reconstructionError(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array): number {
  let err = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[k * n + i] * values[k] * vectors[k * n + j];
      err = Math.max(err, Math.abs(a[i * n + j] - s));
    }
  }
  return err;
}


describe('symmetricEigen', () => {
  it.each([3, 17, 80])('reconstructs a random symmetric matrix of size %i with orthonormal vectors', (n) => {
    const a = randomSymmetric(n, new Rng(1000 + n));
    const { values, vectors } = symmetricEigen(a, n);
    expect(reconstructionError(a, n, values, vectors)).toBeLessThan(1e-10 * maxAbs(a) * Math.sqrt(n));
    expect(orthonormalityError(vectors, n)).toBeLessThan(1e-12);
    for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
  });

  it('satisfies A v = λ v column by column', () => {
    const n = 40;
    const a = randomSymmetric(n, new Rng(5));
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[k * n + j];
        expect(Math.abs(av - values[k] * vectors[k * n + i])).toBeLessThan(1e-11);
      }
    }
  });

  it('recovers a prescribed spectrum, including repeated eigenvalues', () => {
    const lambda = [7, 3, 3, 3, 0.5, -2, -2, -9];
    const n = lambda.length;
    const a = withSpectrum(randomOrthogonal(n, new Rng(11)), lambda);
    const { values, vectors } = symmetricEigen(a, n);
    const expected = [...lambda].sort((p, q) => q - p);
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(expected[k], 12);
    expect(orthonormalityError(vectors, n)).toBeLessThan(1e-12);
    expect(reconstructionError(a, n, values, vectors)).toBeLessThan(1e-12);
  });

  it('handles a Hessian-like spectrum: a few outliers over a large, nearly null, partly repeated bulk', () => {
    const n = 150;
    const lambda = Array.from({ length: n }, (_, i) => {
      if (i < 4) return 50 / (i + 1);
      if (i < 60) return 0; // exact null space, multiplicity 56
      return 1e-6 * Math.sin(i); // tiny eigenvalues of both signs
    });
    const a = withSpectrum(randomOrthogonal(n, new Rng(31)), lambda);
    const { values, vectors } = symmetricEigen(a, n);
    const expected = [...lambda].sort((p, q) => q - p);
    for (let k = 0; k < n; k++) expect(Math.abs(values[k] - expected[k])).toBeLessThan(1e-12 * 50);
    expect(orthonormalityError(vectors, n)).toBeLessThan(1e-12);
    expect(reconstructionError(a, n, values, vectors)).toBeLessThan(1e-12 * 50);
  });

  it('returns a diagonal matrix\'s entries and the unit vectors, sorted', () => {
    const diag = [2, -1, 5, 0, 3];
    const n = diag.length;
    const a = new Float64Array(n * n);
    diag.forEach((x, i) => (a[i * n + i] = x));
    const { values, vectors } = symmetricEigen(a, n);
    expect(Array.from(values)).toEqual([5, 3, 2, 0, -1]);
    const sourceIndex = [2, 4, 0, 3, 1];
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        expect(Math.abs(vectors[k * n + i])).toBeCloseTo(i === sourceIndex[k] ? 1 : 0, 14);
      }
    }
  });

  it('matches the closed form of a 2×2 matrix', () => {
    const [p, q, r] = [1.5, 0.7, -0.4]; // [[p, q], [q, r]]
    const { values, vectors } = symmetricEigen(new Float64Array([p, q, q, r]), 2);
    const mean = (p + r) / 2;
    const radius = Math.hypot((p - r) / 2, q);
    expect(values[0]).toBeCloseTo(mean + radius, 14);
    expect(values[1]).toBeCloseTo(mean - radius, 14);
    // The top eigenvector is proportional to (q, λ₀ − p).
    const norm = Math.hypot(q, values[0] - p);
    const cosine = (vectors[0] * q + vectors[1] * (values[0] - p)) / norm;
    expect(Math.abs(cosine)).toBeCloseTo(1, 14);
  });

  it('handles n = 1 and n = 0', () => {
    const one = symmetricEigen(new Float64Array([-4.25]), 1);
    expect(Array.from(one.values)).toEqual([-4.25]);
    expect(Array.from(one.vectors)).toEqual([1]);
    const none = symmetricEigen(new Float64Array(0), 0);
    expect(none.values.length).toBe(0);
  });

  it('rejects a non-finite entry and a buffer too small for n×n', () => {
    const a = new Float64Array([1, 0, Number.NaN, 2]);
    expect(() => symmetricEigen(a, 2)).toThrow(RangeError);
    expect(() => symmetricEigenvalues(new Float64Array([1, Infinity, Infinity, 1]), 2)).toThrow(RangeError);
    expect(() => symmetricEigen(new Float64Array(3), 2)).toThrow(RangeError);
  });

  it('reads only the lower triangle and leaves the input unchanged', () => {
    const n = 6;
    const a = randomSymmetric(n, new Rng(3));
    const lowerOnly = Float64Array.from(a);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lowerOnly[i * n + j] = 123;
    const copy = Float64Array.from(lowerOnly);
    const full = symmetricEigen(a, n);
    const lower = symmetricEigen(lowerOnly, n);
    expect(Array.from(lowerOnly)).toEqual(Array.from(copy));
    for (let k = 0; k < n; k++) expect(lower.values[k]).toBeCloseTo(full.values[k], 13);
  });
});

describe('symmetricEigenvalues', () => {
  it('agrees with the full decomposition', () => {
    const n = 60;
    const a = randomSymmetric(n, new Rng(8));
    const values = symmetricEigenvalues(a, n);
    const full = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(full.values[k], 11);
  });

  it('gives the prescribed spectrum of Q diag(λ) Qᵀ', () => {
    const n = 30;
    const lambda = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0.001 * i - 0.02));
    const values = symmetricEigenvalues(withSpectrum(randomOrthogonal(n, new Rng(21)), lambda), n);
    const expected = [...lambda].sort((p, q) => q - p);
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(expected[k], 12);
  });
});

describe('symmetricEigenvaluesBetween', () => {
  const n = 100;
  const a = randomSymmetric(n, new Rng(7));

  it('gives symmetricEigenvalues bit for bit, pausing after each panel of 32 rows', async () => {
    let pauses = 0;
    const values = await symmetricEigenvaluesBetween(a, n, async () => {
      pauses++;
    });
    expect(Array.from(values)).toEqual(Array.from(symmetricEigenvalues(a, n)));
    // Rows 99 … 2 are reduced in panels of 32: 98 rows, 4 panels.
    expect(pauses).toBe(Math.ceil((n - 2) / 32));
  });

  it('stops at the pause that throws, before the rest of the reduction', async () => {
    let pauses = 0;
    const stop = new Error('cancelled');
    await expect(
      symmetricEigenvaluesBetween(a, n, async () => {
        pauses++;
        if (pauses === 2) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(pauses).toBe(2);
  });
});

describe('tridiagonalEigen', () => {
  it('finds the known spectrum of the second-difference matrix', () => {
    // tridiag(−1, 2, −1) of size m has eigenvalues 2 − 2 cos(kπ/(m+1)) with
    // eigenvectors sin(i k π/(m+1)).
    const m = 25;
    const alpha = new Float64Array(m).fill(2);
    const beta = new Float64Array(m - 1).fill(-1);
    const { values, vectors } = tridiagonalEigen(alpha, beta);
    for (let j = 0; j < m; j++) {
      const k = m - j; // descending order
      expect(values[j]).toBeCloseTo(2 - 2 * Math.cos((k * Math.PI) / (m + 1)), 13);
      let dot = 0, norm = 0;
      for (let i = 0; i < m; i++) {
        const s = Math.sin(((i + 1) * k * Math.PI) / (m + 1));
        dot += s * vectors[j * m + i];
        norm += s * s;
      }
      expect(Math.abs(dot) / Math.sqrt(norm)).toBeCloseTo(1, 12);
    }
    expect(orthonormalityError(vectors, m)).toBeLessThan(1e-13);
  });

  it('does not modify its inputs and handles a split (zero off-diagonal) matrix', () => {
    const alpha = new Float64Array([1, 4, 2, -3]);
    const beta = new Float64Array([0.5, 0, 1]);
    const copy = [Float64Array.from(alpha), Float64Array.from(beta)];
    const { values } = tridiagonalEigen(alpha, beta);
    expect(alpha).toEqual(copy[0]);
    expect(beta).toEqual(copy[1]);
    const upper = [2.5 + Math.hypot(1.5, 0.5), 2.5 - Math.hypot(1.5, 0.5)];
    const lower = [-0.5 + Math.hypot(2.5, 1), -0.5 - Math.hypot(2.5, 1)];
    const expected = [...upper, ...lower].sort((p, q) => q - p);
    for (let k = 0; k < 4; k++) expect(values[k]).toBeCloseTo(expected[k], 14);
  });

  it('handles m = 1', () => {
    const { values, vectors } = tridiagonalEigen(new Float64Array([3]), new Float64Array(0));
    expect(Array.from(values)).toEqual([3]);
    expect(Array.from(vectors)).toEqual([1]);
  });
});

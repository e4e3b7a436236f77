import { describe, expect, it } from 'vitest';
import { linspace } from './grid';
import { bilinearLookup } from './fieldLookup';

describe('bilinearLookup', () => {
  const alphas = linspace(-1, 1, 5);
  const betas = linspace(0, 3, 4);
  /** f = 1 + 2a − 3b + 0.5ab is bilinear, so interpolation reproduces it exactly. */
  const f = (a: number, b: number) => 1 + 2 * a - 3 * b + 0.5 * a * b;
  const values = new Float64Array(alphas.length * betas.length);
  betas.forEach((b, j) => alphas.forEach((a, i) => (values[j * alphas.length + i] = f(a, b))));

  it('reproduces a bilinear function anywhere inside the grid', () => {
    for (const [a, b] of [[0.3, 1.7], [-1, 0], [1, 3], [-0.77, 2.99], [0.5, 1]]) {
      expect(bilinearLookup({ alphas, betas, values }, a, b)).toBeCloseTo(f(a, b), 12);
    }
  });

  it('is NaN outside the grid, and takes a point past an edge by rounding only as on it', () => {
    expect(bilinearLookup({ alphas, betas, values }, 1.01, 1)).toBeNaN();
    expect(bilinearLookup({ alphas, betas, values }, 0, -0.1)).toBeNaN();
    expect(bilinearLookup({ alphas, betas, values }, -1 - 1e-8, 3 + 1e-8)).toBeCloseTo(f(-1, 3), 6);
  });

  it('interpolates linearly along a line', () => {
    const line = { alphas, betas: [0], values: Float64Array.from(alphas, (a) => a * a) };
    // Between α = 0 (0) and α = 0.5 (0.25).
    expect(bilinearLookup(line, 0.2, 0)).toBeCloseTo(0.1, 12);
  });

  it('checks the field size', () => {
    expect(() => bilinearLookup({ alphas, betas, values: new Float64Array(3) }, 0, 0)).toThrow(RangeError);
  });
});

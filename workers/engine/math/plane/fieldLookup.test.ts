import { describe, expect, it } from 'vitest';
import { linspace } from './grid';
import { bilinearLookup, fieldCell, fieldOnAxes } from './fieldLookup';
import { gridIndex } from './gridIndex';

describe('bilinearLookup', () => {
  const alphas = linspace(-1, 1, 5);
  const betas = linspace(0, 3, 4);
  /** f = 1 + 2a − 3b + 0.5ab is bilinear, so interpolation reproduces it exactly. */
  const f = (a: number, b: number) => 1 + 2 * a - 3 * b + 0.5 * a * b;
  const values = new Float64Array(alphas.length * betas.length);
  betas.forEach((b, j) => alphas.forEach((a, i) => (values[j * alphas.length + i] = f(a, b))));
  const field = fieldOnAxes(alphas, betas, values);

  it('reproduces a bilinear function anywhere inside the grid', () => {
    for (const [a, b] of [[0.3, 1.7], [-1, 0], [1, 3], [-0.77, 2.99], [0.5, 1]]) {
      expect(bilinearLookup(field, a, b)).toBeCloseTo(f(a, b), 12);
    }
  });

  it('is NaN outside the grid, and takes a point past an edge by rounding only as on it', () => {
    expect(bilinearLookup(field, 1.01, 1)).toBeNaN();
    expect(bilinearLookup(field, 0, -0.1)).toBeNaN();
    expect(bilinearLookup(field, -1 - 1e-8, 3 + 1e-8)).toBeCloseTo(f(-1, 3), 6);
  });

  it('interpolates linearly along a line', () => {
    const line = fieldOnAxes(alphas, [0], Float64Array.from(alphas, (a) => a * a));
    // Between α = 0 (0) and α = 0.5 (0.25).
    expect(bilinearLookup(line, 0.2, 0)).toBeCloseTo(0.1, 12);
  });

  it('reads a node exactly even when a neighbour is NaN, on the far edges too', () => {
    const holed = Float64Array.from(values);
    holed[gridIndex(5, 3, 3)] = Number.NaN; // node (α = 0.5, β = 3), beside the far corner
    const withHole = fieldOnAxes(alphas, betas, holed);
    expect(bilinearLookup(withHole, 1, 3)).toBe(f(1, 3)); // the far corner: cell (3, 2) at s = t = 1
    expect(bilinearLookup(withHole, 0.5, 2)).toBe(f(0.5, 2));
    expect(bilinearLookup(withHole, 0.75, 3)).toBeNaN();
  });

  it('reads a field given by its window as one given by its axes', () => {
    const byWindow = { nx: 5, ny: 4, window: { xMin: -1, xMax: 1, yMin: 0, yMax: 3 }, values };
    expect(bilinearLookup(byWindow, 0.3, 1.7)).toBe(bilinearLookup(field, 0.3, 1.7));
    expect(fieldCell(byWindow, 1, 3)).toEqual({ i: 3, j: 2, s: 1, t: 1 });
    expect(fieldCell(byWindow, 0.3, -0.5)).toBeNull();
  });

  it('checks the field size', () => {
    expect(() => bilinearLookup(fieldOnAxes(alphas, betas, new Float64Array(3)), 0, 0)).toThrow(RangeError);
  });
});

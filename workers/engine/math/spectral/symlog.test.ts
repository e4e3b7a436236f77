import { describe, expect, it } from 'vitest';
import { integrateOnGrid, linearGrid } from '../krylov/density';
import { inverseSymlog, symlog, symlogDensityOnGrid } from './symlog';

describe('symlog axis', () => {
  it('is odd, inverted by inverseSymlog, linear near 0 and logarithmic far out', () => {
    const c = 0.01;
    for (const x of [-300, -1, -0.004, 0, 0.002, 0.5, 42]) {
      expect(inverseSymlog(symlog(x, c), c)).toBeCloseTo(x, 10);
      expect(symlog(-x, c)).toBeCloseTo(-symlog(x, c), 14);
    }
    // Near 0 the slope is 1 / (c ln 10).
    expect(symlog(1e-6, c) / 1e-6).toBeCloseTo(1 / (c * Math.LN10), 2);
    // Far out one decade of λ is one unit of y.
    expect(symlog(1e4, c) - symlog(1e3, c)).toBeCloseTo(1, 4);
  });

  it('gives a density in y that integrates to 1 and keeps negative eigenvalues apart from positive ones', () => {
    const nodes = new Float64Array([-2e-3, 1e-4, 0.05, 30]);
    const weights = new Float64Array([0.25, 0.25, 0.25, 0.25]);
    const c = 1e-3;
    const grid = linearGrid(-3, 6, 2000);
    const p = symlogDensityOnGrid(nodes, weights, grid, 0.05, c);
    expect(integrateOnGrid(grid, p)).toBeCloseTo(1, 6);
    // The mass of the negative eigenvalue sits at y < 0.
    const negativePart = integrateOnGrid(grid.filter((y) => y <= 0), p.filter((_, i) => grid[i] <= 0));
    expect(negativePart).toBeGreaterThan(0.24);
    expect(negativePart).toBeLessThan(0.4);
  });

  it('rejects a non-positive linear scale', () => {
    expect(() => symlogDensityOnGrid(new Float64Array([1]), new Float64Array([1]), linearGrid(0, 1, 3), 0.1, 0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { integrateOnGrid } from '../krylov/density';
import { densityCurves } from './densityCurves';

const nodes = Float64Array.of(-1, 0.5, 2, 3);
const weights = Float64Array.of(0.1, 0.4, 0.3, 0.2);

describe('densityCurves', () => {
  it('smooths a discrete density that integrates to 1 with the right moments', () => {
    const curves = densityCurves(nodes, weights, { sigma: 0.05 });
    expect(curves.integral).toBeCloseTo(1, 6);
    expect(curves.totalWeight).toBeCloseTo(1, 12);
    const mean = -0.1 + 0.2 + 0.6 + 0.6;
    expect(curves.mean).toBeCloseTo(mean, 12);
    const variance = [-1, 0.5, 2, 3].reduce((s, x, k) => s + weights[k] * (x - mean) ** 2, 0);
    expect(curves.variance).toBeCloseTo(variance, 12);
    expect(curves.negativeWeight).toBeCloseTo(0.1, 12);
    // The smoothed density peaks near the heaviest node.
    const peak = curves.grid[curves.density.indexOf(Math.max(...curves.density))];
    expect(peak).toBeCloseTo(0.5, 1);
  });

  it('gives a symlog density that integrates to 1 over its axis', () => {
    const curves = densityCurves(nodes, weights, { linearScale: 0.1, sigmaY: 0.02 });
    expect(integrateOnGrid(curves.symlog.gridY, curves.symlog.density)).toBeCloseTo(1, 5);
    expect(curves.symlog.exact).toBeNull();
  });

  it('matches the references to the moments and adds the exact histogram', () => {
    const exact = Float64Array.from({ length: 500 }, (_, i) => 0.5 + (2 * i) / 499);
    const curves = densityCurves(exact, new Float64Array(500).fill(1 / 500), { exactEigenvalues: exact, sigma: 0.02 });
    const areaOf = (values: Float64Array) => integrateOnGrid(curves.grid, values);
    const meanOf = (values: Float64Array) => integrateOnGrid(curves.grid, Float64Array.from(values, (p, i) => p * curves.grid[i]));
    expect(areaOf(curves.semicircle)).toBeCloseTo(1, 3);
    expect(meanOf(curves.semicircle)).toBeCloseTo(curves.mean, 3);
    expect(curves.marchenkoPastur).not.toBeNull();
    const mp = curves.marchenkoPastur!;
    expect(areaOf(mp.density) + mp.atomAtZero).toBeCloseTo(1, 2);
    const { edges, density } = curves.histogram!;
    let area = 0;
    for (let b = 0; b < density.length; b++) area += density[b] * (edges[b + 1] - edges[b]);
    expect(area).toBeCloseTo(1, 10);
    expect(areaOf(curves.exactDensity!)).toBeCloseTo(1, 5);
  });

  it('has no Marchenko–Pastur reference for a density with a negative mean', () => {
    const curves = densityCurves(Float64Array.of(-2, -1, 0.5), Float64Array.of(0.4, 0.4, 0.2));
    expect(curves.marchenkoPastur).toBeNull();
  });

  it('integrates to 1 even when a reference stretches the drawn grid far beyond the nodes', () => {
    // Mean barely positive, variance large: the matched Marchenko–Pastur law's support reaches far right,
    // so 400 drawn points are spaced wider than σ; the integral is taken on its own fine grid.
    const nodes = Float64Array.from({ length: 1000 }, (_, i) => -3.35 + (6.71 * i) / 999);
    const weights = new Float64Array(1000).fill(1 / 1000);
    const curves = densityCurves(nodes, weights);
    expect(curves.marchenkoPastur).not.toBeNull();
    expect(curves.grid[1] - curves.grid[0]).toBeGreaterThan(curves.sigma);
    expect(Math.abs(curves.integral - 1)).toBeLessThan(1e-6);
  });

  it('rejects mismatched inputs', () => {
    expect(() => densityCurves(Float64Array.of(1, 2), Float64Array.of(1))).toThrow(RangeError);
  });
});

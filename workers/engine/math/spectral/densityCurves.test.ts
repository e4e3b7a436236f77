import { describe, expect, it } from 'vitest';
import { integrateOnGrid } from '../krylov/density';
import { densityCurves, negativeWeight, RELATIVE_ZERO_TOLERANCE } from './densityCurves';

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

/**
 * A positive semi-definite spectrum as a float32 Lanczos quadrature sees it:
 * 60 % of the mass in a null space whose nodes come out at ±1e-9 (rounding),
 * the rest on eigenvalues between 0.05 and 3.6 — the Gauss-Newton matrix of
 * a small network, whose λmin is 1e-6 while the chart showed a third of its
 * density below 0.
 */
function psdQuadrature(): { nodes: Float64Array; weights: Float64Array } {
  const noise = [-7.6e-9, 3.1e-9, -1.2e-9, 5e-10, -4.4e-9, 2.2e-9];
  const positive = [0.05, 0.2, 0.7, 1.5, 3.6];
  const nodes = Float64Array.from([...noise, ...positive]);
  const weights = Float64Array.from([...noise.map(() => 0.6 / noise.length), ...positive.map(() => 0.4 / positive.length)]);
  return { nodes, weights };
}

/** ∫ p dλ over the part of the grid below 0 (trapezoid, the cell across 0 cut at 0). */
function massBelowZero(grid: Float64Array, density: Float64Array): number {
  let mass = 0;
  for (let i = 1; i < grid.length; i++) {
    if (grid[i - 1] >= 0) break;
    const right = Math.min(grid[i], 0);
    mass += 0.5 * (density[i - 1] + density[i]) * (right - grid[i - 1]);
  }
  return mass;
}

describe('a positive semi-definite spectrum', () => {
  it('counts no negative weight: the null space’s ±1e-9 nodes are zero, not negative curvature', () => {
    const { nodes, weights } = psdQuadrature();
    expect(negativeWeight(nodes, weights)).toBe(0);
    expect(densityCurves(nodes, weights).negativeWeight).toBe(0);
    // A node clearly below zero (here −1e-3 of max|θ| = 3.6) still counts, with its weight.
    const saddle = Float64Array.from(nodes);
    saddle[0] = -3.6e-3;
    expect(negativeWeight(saddle, weights)).toBeCloseTo(0.1, 12);
    // At the tolerance's edge: −tol·max|θ| is zero, a little more is negative.
    saddle[0] = -RELATIVE_ZERO_TOLERANCE * 3.6;
    expect(negativeWeight(saddle, weights)).toBe(0);
    saddle[0] = -1.01 * RELATIVE_ZERO_TOLERANCE * 3.6;
    expect(negativeWeight(saddle, weights)).toBeCloseTo(0.1, 12);
  });

  it('smoothed as a symmetric matrix’s, leaks about half of the null space below 0', () => {
    const { nodes, weights } = psdQuadrature();
    const curves = densityCurves(nodes, weights);
    expect(curves.nonNegative).toBe(false);
    expect(massBelowZero(curves.grid, curves.density)).toBeGreaterThan(0.25);
  });

  it('smoothed as a PSD matrix’s, puts all its mass on [0, ∞) on both axes, the exact curves too', () => {
    const { nodes, weights } = psdQuadrature();
    const exact = Float64Array.from({ length: 100 }, (_, i) => (i < 60 ? (i % 2 ? 1e-9 : -1e-9) : 0.05 + (3.55 * (i - 60)) / 39));
    const curves = densityCurves(nodes, weights, { nonNegative: true, exactEigenvalues: exact });
    expect(curves.nonNegative).toBe(true);
    expect(curves.grid[0]).toBe(0);
    expect(curves.symlog.gridY[0]).toBe(0);
    // The same mass as before, all of it at or above 0.
    expect(curves.integral).toBeCloseTo(1, 3);
    expect(integrateOnGrid(curves.symlog.gridY, curves.symlog.density)).toBeCloseTo(1, 3);
    expect(integrateOnGrid(curves.grid, curves.exactDensity!)).toBeCloseTo(1, 3);
    expect(integrateOnGrid(curves.symlog.gridY, curves.symlog.exact!)).toBeCloseTo(1, 3);
    // Reflected, not cut: p(λ) = Σ w [N(λ; θ⁺, σ²) + N(λ; −θ⁺, σ²)], here summed directly at a few points.
    const gaussian = (x: number, centre: number) => Math.exp(-((x - centre) ** 2) / (2 * curves.sigma ** 2)) / (curves.sigma * Math.sqrt(2 * Math.PI));
    for (const g of [0, 7, 40, 200]) {
      const x = curves.grid[g];
      const reflected = nodes.reduce((sum, theta, k) => sum + weights[k] * (gaussian(x, Math.max(0, theta)) + gaussian(x, -Math.max(0, theta))), 0);
      expect(curves.density[g]).toBeCloseTo(reflected, 9);
    }
    // The exact histogram keeps the null space's ±1e-9 eigenvalues in its first bar.
    const { edges, density } = curves.histogram!;
    expect(edges[0]).toBe(0);
    // (60 of them, and the eigenvalue at 0.05 that shares the bar: 61 of 100.)
    expect(edges[1]).toBeGreaterThan(0.05);
    expect(density[0] * (edges[1] - edges[0])).toBeCloseTo(0.61, 12);
    let area = 0;
    for (let b = 0; b < density.length; b++) area += density[b] * (edges[b + 1] - edges[b]);
    expect(area).toBeCloseTo(1, 12);
    // The saddle index comes from the nodes, whatever the smoothing.
    expect(curves.negativeWeight).toBe(0);
    expect(curves.mean).toBeCloseTo(0.4 * (0.05 + 0.2 + 0.7 + 1.5 + 3.6) / 5, 6);
  });
});

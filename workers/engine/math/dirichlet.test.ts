import { describe, expect, it } from 'vitest';
import { dirichletDraw, gammaDraw } from './dirichlet';
import { Rng } from './rng';

const DRAWS = 20_000;
const DIRICHLET_DRAWS = 5_000;

describe('gammaDraw', () => {
  it.each([0.3, 1, 4.5])('Gamma(%s, 1) has mean and variance equal to the shape, for every seed', (shape) => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const x = Float64Array.from({ length: DRAWS }, () => gammaDraw(rng, shape));
      expect(x.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      const mean = x.reduce((s, v) => s + v, 0) / DRAWS;
      const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (DRAWS - 1);
      // Standard errors: √(a/N) for the mean; σ²·√((2 + 6/a)/N) for the variance (excess kurtosis 6/a).
      expect(Math.abs(mean - shape)).toBeLessThan(6 * Math.sqrt(shape / DRAWS));
      expect(Math.abs(variance - shape)).toBeLessThan(6 * shape * Math.sqrt((2 + 6 / shape) / DRAWS));
    }
  });

  it('rejects a shape that is not positive', () => {
    expect(() => gammaDraw(new Rng(0), 0)).toThrow(/shape/);
  });
});

describe('dirichletDraw', () => {
  it('lies on the simplex with mean α / Σα, for every seed', () => {
    const alpha = [0.5, 1, 2.5];
    const total = 4;
    for (const seed of [4, 5]) {
      const rng = new Rng(seed);
      const mean = new Float64Array(3);
      let worstSum = 0;
      for (let k = 0; k < DIRICHLET_DRAWS; k++) {
        const p = dirichletDraw(rng, alpha);
        worstSum = Math.max(worstSum, Math.abs(p.reduce((s, v) => s + v, 0) - 1));
        p.forEach((v, i) => (mean[i] += v / DIRICHLET_DRAWS));
      }
      expect(worstSum).toBeLessThan(1e-12);
      alpha.forEach((a, i) => {
        const m = a / total;
        // Var p_i = m (1 − m) / (Σα + 1).
        expect(Math.abs(mean[i] - m)).toBeLessThan(6 * Math.sqrt((m * (1 - m)) / (total + 1) / DIRICHLET_DRAWS));
      });
    }
  });

  it('stays a proper point of the simplex for tiny concentrations (almost all mass on one coordinate)', () => {
    for (const seed of [9, 10]) {
      const rng = new Rng(seed);
      let concentrated = 0;
      for (let k = 0; k < 100; k++) {
        const p = dirichletDraw(rng, [1e-3, 1e-3, 1e-3, 1e-3]);
        expect(p.every(Number.isFinite)).toBe(true);
        expect(Math.abs(p.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
        if (Math.max(...p) > 0.99) concentrated++;
      }
      // P(max p_i ≤ 0.99) is about 1 % at α = 10⁻³; a naive U^{1/α} would give 0/0 here instead.
      expect(concentrated).toBeGreaterThanOrEqual(90);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { meanAndStandardError, RademacherForms, samplesNeeded, sphereFormVariance, toleranceReached } from './standardError';
import { operatorWithSpectrum } from './testOperators';

describe('meanAndStandardError', () => {
  it('gives the mean and s/√m', () => {
    const { mean, standardError } = meanAndStandardError(new Float64Array([1, 2, 3, 4]));
    expect(mean).toBe(2.5);
    // s² = ((1.5)² + (0.5)² + (0.5)² + (1.5)²) / 3 = 5/3.
    expect(standardError).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
  });
});

describe('RademacherForms', () => {
  it('estimates Var(zᵀBz) = 2(‖B‖_F² − Σ B_ii²) from the probes, close to the exact value', () => {
    const op = operatorWithSpectrum([5, -3, 2, 1, 0.5, -0.25, 0.1, 4], 2);
    const n = op.n;
    const b = Array.from({ length: n }, (_, j) => op.applyNow(Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
    let frobenius = 0;
    let diagonal = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) frobenius += b[j][i] ** 2;
      diagonal += b[j][j] ** 2;
    }
    const exact = 2 * (frobenius - diagonal);
    const forms = new RademacherForms(n);
    const rng = new Rng(4);
    for (let k = 0; k < 4000; k++) {
      const z = rng.fillRademacher(new Float64Array(n));
      forms.add(z, op.applyNow(z));
    }
    expect(forms.variance() / exact).toBeGreaterThan(0.95);
    expect(forms.variance() / exact).toBeLessThan(1.05);
    expect(forms.mean()).toBeCloseTo(op.trace, 0);
    expect(forms.standardError()).toBeCloseTo(Math.sqrt(forms.variance() / 4000), 12);
  });

  it('gives zero spread for a diagonal matrix, whose Rademacher forms are all tr D', () => {
    const forms = new RademacherForms(3);
    const rng = new Rng(1);
    for (let k = 0; k < 5; k++) {
      const z = rng.fillRademacher(new Float64Array(3));
      forms.add(z, Float64Array.from(z, (x, i) => [2, -1, 4][i] * x));
    }
    expect(forms.terms).toEqual([5, 5, 5, 5, 5]);
    expect(forms.variance()).toBe(0);
  });
});

describe('sphereFormVariance', () => {
  it('matches the spread of vᵀBv over many unit Gaussian probes', () => {
    const spectrum = [6, 1, 0.5, -2, 0, 0, 3, -1, 2, 0.25];
    const d = spectrum.length;
    const rng = new Rng(7);
    const alphas: number[] = [];
    const squares: number[] = [];
    for (let k = 0; k < 20000; k++) {
      const v = rng.fillNormal(new Float64Array(d));
      const length = Math.hypot(...v);
      let alpha = 0;
      let square = 0;
      v.forEach((x, i) => {
        alpha += (spectrum[i] * x * x) / (length * length);
        square += (spectrum[i] * x / length) ** 2;
      });
      alphas.push(alpha);
      squares.push(square);
    }
    const sampled = meanAndStandardError(alphas).standardError ** 2 * alphas.length;
    // The exact value: 2(tr B²/d − (tr B/d)²)/(d + 2).
    const trace = spectrum.reduce((s, x) => s + x, 0);
    const traceSquares = spectrum.reduce((s, x) => s + x * x, 0);
    const exact = (2 * (traceSquares / d - (trace / d) ** 2)) / (d + 2);
    expect(sampled / exact).toBeCloseTo(1, 1);
    expect(sphereFormVariance(alphas, squares, d) / exact).toBeCloseTo(1, 1);
  });
});

describe('the stopping rule', () => {
  it('reaches the tolerance when the standard error is that fraction of the estimate, never for a tolerance of 0', () => {
    expect(toleranceReached(10, 0.2, 0.02)).toBe(true);
    expect(toleranceReached(-10, 0.21, 0.02)).toBe(false);
    expect(toleranceReached(10, 0, 0)).toBe(false);
  });

  it('needs (σ / (tol·|estimate|))² samples', () => {
    expect(samplesNeeded(2, 10, 0.02)).toBe(100);
    expect(samplesNeeded(2, 0, 0.02)).toBe(Infinity);
  });
});

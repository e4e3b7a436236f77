import { describe, expect, it } from 'vitest';
import { chebyshevT, makeBump, makeChebyshev, makePlane, makeSine } from './regression';
import type { Dataset } from './types';

function residualStd(d: Dataset, f: (row: number) => number): number {
  let s2 = 0;
  for (let i = 0; i < d.n; i++) s2 += (d.y[i] - f(i)) ** 2;
  return Math.sqrt(s2 / d.n);
}

describe('regression generators', () => {
  const makers = {
    sine: (seed: number) => makeSine({}, seed),
    chebyshev: (seed: number) => makeChebyshev({}, seed),
    plane: (seed: number) => makePlane({}, seed),
    bump: (seed: number) => makeBump({}, seed),
  };
  for (const [name, make] of Object.entries(makers)) {
    it(`${name}: deterministic per seed, shaped n × inputDim with one output, inputs in [−1, 1]`, () => {
      const a = make(21), b = make(21), c = make(22);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.y)).not.toEqual(Array.from(c.y));
      expect(a.task).toBe('regression');
      expect(a.outputDim).toBe(1);
      expect(a.y).toBeInstanceOf(Float32Array);
      expect(a.y.length).toBe(a.n);
      expect(a.x.length).toBe(a.n * a.inputDim);
      expect(a.featureNames).toHaveLength(a.inputDim);
      expect(a.x.every((v) => v >= -1 && v <= 1)).toBe(true);
    });
  }

  it('chebyshevT agrees with cos(k·arccos x) on [−1, 1]', () => {
    for (let k = 0; k <= 12; k++) {
      for (let x = -1; x <= 1; x += 0.05) {
        expect(chebyshevT(k, x)).toBeCloseTo(Math.cos(k * Math.acos(x)), 10);
      }
    }
  });

  it('noiseless targets equal the clean functions', () => {
    const sine = makeSine({ n: 100, frequency: 1.5, noise: 0 }, 1);
    expect(residualStd(sine, (i) => Math.sin(3 * Math.PI * sine.x[i]))).toBeLessThan(1e-6);
    const cheb = makeChebyshev({ n: 100, degree: 4, noise: 0 }, 1);
    // T₄(x) = 8x⁴ − 8x² + 1, written out independently of the recurrence.
    expect(residualStd(cheb, (i) => 8 * cheb.x[i] ** 4 - 8 * cheb.x[i] ** 2 + 1)).toBeLessThan(1e-6);
    const plane = makePlane({ n: 100, slopeX: 2, slopeY: -1.5, noise: 0 }, 1);
    expect(residualStd(plane, (i) => 2 * plane.x[2 * i] - 1.5 * plane.x[2 * i + 1])).toBeLessThan(1e-6);
    const bump = makeBump({ n: 100, width: 0.5, noise: 0 }, 1);
    expect(residualStd(bump, (i) => Math.exp(-2 * (bump.x[2 * i] ** 2 + bump.x[2 * i + 1] ** 2)))).toBeLessThan(1e-6);
  });

  it('adds Gaussian noise of the requested standard deviation', () => {
    const d = makeSine({ n: 5000, frequency: 1, noise: 0.2 }, 3);
    // The sample std of 5000 normals has a standard error of about 0.2/sqrt(10000) = 0.002.
    expect(residualStd(d, (i) => Math.sin(2 * Math.PI * d.x[i]))).toBeCloseTo(0.2, 2);
  });

  it('spreads inputs uniformly over [−1, 1]', () => {
    const d = makePlane({ n: 4000 }, 4);
    for (let k = 0; k < 2; k++) {
      let s = 0, s2 = 0;
      for (let i = 0; i < d.n; i++) { s += d.x[2 * i + k]; s2 += d.x[2 * i + k] ** 2; }
      expect(Math.abs(s / d.n)).toBeLessThan(0.04);
      expect(s2 / d.n).toBeCloseTo(1 / 3, 1);
    }
  });

  it('rejects bad options clearly', () => {
    expect(() => makeChebyshev({ degree: 13 }, 1)).toThrow('chebyshev: degree must be an integer in [0, 12], got 13');
    expect(() => makeSine({ frequency: 0 }, 1)).toThrow('sine: frequency must be a number in [0.25, 5], got 0');
    expect(() => makeBump({ noise: -1 }, 1)).toThrow(/bump: noise must be a number in \[0, 1\]/);
    const misspelt: Record<string, number> = { slope: 1 };
    expect(() => makePlane(misspelt, 1)).toThrow("plane: unknown option 'slope' (expected: n, slopeX, slopeY, noise)");
  });
});

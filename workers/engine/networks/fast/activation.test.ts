import { describe, expect, it } from 'vitest';
import { activateInPlace, activateValuesInPlace, fastTanh, sigmoidOf } from './activation';

describe('activations', () => {
  it('fastTanh is tanh within 3e-7 everywhere, odd, saturating, and keeps NaN', () => {
    let worst = 0;
    for (let z = -20; z <= 20; z += 1e-3) worst = Math.max(worst, Math.abs(fastTanh(z) - Math.tanh(z)));
    expect(worst).toBeLessThan(3e-7);
    // Relative accuracy near 0 (the fit is odd: z·p(z²)/q(z²)).
    expect(Math.abs(fastTanh(1e-6) / Math.tanh(1e-6) - 1)).toBeLessThan(1e-6);
    expect(fastTanh(-0.7)).toBe(-fastTanh(0.7));
    expect(fastTanh(Infinity)).toBe(1);
    expect(Number.isNaN(fastTanh(Number.NaN))).toBe(true);
    expect(sigmoidOf(-800)).toBe(0);
    expect(sigmoidOf(800)).toBe(1);
  });

  it.each(['tanh', 'sigmoid', 'relu', 'linear'] as const)('%s: values, slopes and curvatures against central differences', (activation) => {
    const z = Float32Array.from([-2.5, -0.4, 0.3, 1.7]);
    const values = Float32Array.from(z);
    const slope = new Float32Array(4);
    const curvature = new Float32Array(4);
    activateInPlace(activation, values, 4, slope, curvature);
    const f = (x: number) => {
      const one = Float32Array.of(x);
      activateValuesInPlace(activation, one, 1);
      return one[0];
    };
    const exact = { tanh: Math.tanh, sigmoid: (x: number) => 1 / (1 + Math.exp(-x)), relu: (x: number) => Math.max(x, 0), linear: (x: number) => x };
    const h = 1e-3;
    z.forEach((x, i) => {
      expect(values[i]).toBeCloseTo(exact[activation](x), 6);
      expect(f(x)).toBe(values[i]);
      expect(slope[i]).toBeCloseTo((exact[activation](x + h) - exact[activation](x - h)) / (2 * h), 5);
      const second = (exact[activation](x + h) - 2 * exact[activation](x) + exact[activation](x - h)) / (h * h);
      expect(curvature[i]).toBeCloseTo(second, 3);
    });
  });

  it('relu keeps a NaN (so a diverged run says so) and has slope 0 at 0, as TensorFlow.js', () => {
    const values = Float32Array.from([Number.NaN, 0, -1]);
    const slope = new Float32Array(3);
    activateInPlace('relu', values, 3, slope, null);
    expect(Number.isNaN(values[0])).toBe(true);
    expect(Array.from(slope)).toEqual([0, 0, 0]);
  });
});

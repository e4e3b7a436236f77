import { describe, expect, it } from 'vitest';
import { quadraticCoefficients } from '../spec/functions';
import { contractionRate, stabilityAt, stableStepLimit } from './stability';

/** The error after many steps of a rule on f = ½λx², from x₀ = 1: the empirical contraction per step. */
function measuredRate(rule: 'gradient_descent' | 'momentum' | 'nesterov', eta: number, lambda: number, beta: number): number {
  let x = 1;
  let m = 0;
  let previous = 0;
  const steps = 400;
  for (let t = 0; t < steps; t++) {
    const g = lambda * x;
    if (rule === 'gradient_descent') x -= eta * g;
    else if (rule === 'momentum') {
      m = beta * m + g;
      x -= eta * m;
    } else {
      m = beta * m + g;
      x -= eta * (g + beta * m);
    }
    if (t === steps - 101) previous = Math.hypot(x, m);
  }
  return (Math.hypot(x, m) / previous) ** (1 / 100);
}

describe('stability of first-order rules on a quadratic', () => {
  it('contractionRate is the rate the iteration actually shows, for every rule, stable or not', () => {
    for (const rule of ['gradient_descent', 'momentum', 'nesterov'] as const) {
      for (const etaLambda of [0.05, 0.5, 1.2, 1.9, 2.1, 3.5]) {
        const beta = rule === 'gradient_descent' ? 0 : 0.6;
        const predicted = contractionRate(rule, etaLambda, 1, beta);
        expect(measuredRate(rule, etaLambda, 1, beta), `${rule} ηλ = ${etaLambda}`).toBeCloseTo(predicted, 2);
      }
    }
  });

  it('puts the stability edge at 2/λ, 2(1+β)/λ and 2(1+β)/((1+2β)λ)', () => {
    const lambda = 20;
    const beta = 0.9;
    for (const rule of ['gradient_descent', 'momentum', 'nesterov'] as const) {
      const limit = stableStepLimit(rule, lambda, beta)!;
      expect(contractionRate(rule, limit * 0.99, lambda, beta), rule).toBeLessThan(1);
      expect(contractionRate(rule, limit * 1.01, lambda, beta), rule).toBeGreaterThan(1);
    }
    expect(stableStepLimit('gradient_descent', 20)).toBe(0.1);
    expect(stableStepLimit('momentum', 20, 0.9)).toBeCloseTo(0.19, 12);
    expect(stableStepLimit('gradient_descent', -1)).toBeNull();
  });

  it('on the rotated quadratic finds κ and 1 along the rotated axes and flags the steep one when η crosses 2/λmax', () => {
    const problem = { name: 'quadratic' as const, condition: 20, angleDeg: 30 };
    const q = quadraticCoefficients(problem);
    const below = stabilityAt(problem, 0.3, -0.2, 'gradient_descent', 0.099);
    const above = stabilityAt(problem, 0.3, -0.2, 'gradient_descent', 0.101);
    expect(below.directions.map((d) => d.eigenvalue)).toEqual([expect.closeTo(Math.max(q.lambda1, q.lambda2), 10), expect.closeTo(Math.min(q.lambda1, q.lambda2), 10)]);
    expect(below.stepLimit).toBeCloseTo(2 / 20, 10);
    expect(below.directions.map((d) => d.stable)).toEqual([true, true]);
    expect(above.directions.map((d) => d.stable)).toEqual([false, true]);
    // The steep direction is an eigenvector: H q = λ q.
    const [steep] = above.directions;
    const { direction: [dx, dy], eigenvalue } = steep;
    const h = [
      [q.lambda1 * q.cos * q.cos + q.lambda2 * q.sin * q.sin, (q.lambda1 - q.lambda2) * q.sin * q.cos],
      [(q.lambda1 - q.lambda2) * q.sin * q.cos, q.lambda1 * q.sin * q.sin + q.lambda2 * q.cos * q.cos],
    ];
    expect(h[0][0] * dx + h[0][1] * dy).toBeCloseTo(eigenvalue * dx, 10);
    expect(h[1][0] * dx + h[1][1] * dy).toBeCloseTo(eigenvalue * dy, 10);
    expect(Math.hypot(dx, dy)).toBeCloseTo(1, 12);
  });

  it('never calls a direction of negative curvature stable (the saddle x² − y²)', () => {
    const report = stabilityAt({ name: 'saddle' }, 0, 0, 'gradient_descent', 0.1);
    expect(report.directions.map((d) => [d.eigenvalue, d.stable])).toEqual([
      [2, true],
      [-2, false],
    ]);
  });
});

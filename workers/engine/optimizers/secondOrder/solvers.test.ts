import { describe, expect, it } from 'vitest';
import { symmetricWithSpectrum } from '../../math/krylov/testOperators';
import { choleskySolve } from '../../math/linalg/cholesky';
import { conjugateGradient } from '../../math/krylov/conjugateGradient';
import { steihaugCg } from '../../math/krylov/steihaug';

const multiply = (a: Float64Array, v: Float64Array) => {
  const n = v.length;
  return Float64Array.from({ length: n }, (_, i) => v.reduce((s, x, j) => s + a[i * n + j] * x, 0));
};
const operatorOf = (a: Float64Array) => async (v: Float64Array) => multiply(a, v);
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

describe('choleskySolve', () => {
  it('solves a positive-definite system and refuses an indefinite one', () => {
    const a = symmetricWithSpectrum([5, 2, 1, 0.5], 1);
    const b = Float64Array.from([1, -2, 3, 0.5]);
    const x = choleskySolve(a, b)!;
    const residual = multiply(a, x).map((v, i) => v - b[i]);
    expect(norm(residual)).toBeLessThan(1e-12);
    expect(choleskySolve(symmetricWithSpectrum([3, 1, -1], 2), Float64Array.from([1, 1, 1]))).toBeNull();
  });
});

describe('conjugateGradient', () => {
  const a = symmetricWithSpectrum([10, 4, 3, 1, 0.2, 0.1], 3);
  const b = Float64Array.from([1, 0, -1, 2, 0.5, -0.3]);

  it('solves an n×n SPD system in at most n iterations and tracks A x', async () => {
    const result = await conjugateGradient(operatorOf(a), b, { maxIterations: 50, tolerance: 1e-10 });
    expect(result.iterations).toBeLessThanOrEqual(6);
    expect(norm(multiply(a, result.x).map((v, i) => v - b[i]))).toBeLessThan(1e-8);
    expect(norm(result.ax.map((v, i) => v - multiply(a, result.x)[i]))).toBeLessThan(1e-8);
    expect(result.negativeCurvature).toBe(false);
  });

  it('stops at the iteration limit, and a warm start costs one product and helps', async () => {
    const cold = await conjugateGradient(operatorOf(a), b, { maxIterations: 2 });
    expect(cold.iterations).toBe(2);
    expect(cold.products).toBe(2);
    const exact = (await conjugateGradient(operatorOf(a), b, { maxIterations: 50, tolerance: 1e-12 })).x;
    const warm = await conjugateGradient(operatorOf(a), b, { maxIterations: 2, initial: exact.map((v) => 0.95 * v) });
    expect(warm.products).toBe(3);
    expect(warm.residualNorm).toBeLessThan(cold.residualNorm);
  });

  it('reports negative curvature instead of stepping along it', async () => {
    // Negative definite: the very first direction has dᵀA d < 0.
    const negative = symmetricWithSpectrum([-1, -2], 4);
    const result = await conjugateGradient(operatorOf(negative), Float64Array.from([1, 1]), { maxIterations: 10 });
    expect(result.negativeCurvature).toBe(true);
    expect(result.iterations).toBe(0);
    expect(Array.from(result.x)).toEqual([0, 0]);
  });
});

describe('steihaugCg', () => {
  const g = Float64Array.from([1, -2, 0.5]);
  const model = (a: Float64Array, p: Float64Array) => g.reduce((s, x, i) => s + x * p[i], 0) + 0.5 * p.reduce((s, x, i) => s + x * multiply(a, p)[i], 0);

  it('returns the Newton step when it lies inside the region', async () => {
    const a = symmetricWithSpectrum([4, 2, 1], 5);
    const result = await steihaugCg(operatorOf(a), g, 100, 20);
    expect(result.stop).toBe('converged');
    expect(result.onBoundary).toBe(false);
    const newton = choleskySolve(a, g.map((v) => -v))!;
    expect(norm(result.step.map((v, i) => v - newton[i]))).toBeLessThan(1e-6);
    expect(result.modelChange).toBeCloseTo(model(a, result.step), 10);
  });

  it('stops on the boundary when the Newton step is too long', async () => {
    const a = symmetricWithSpectrum([4, 2, 1], 5);
    const result = await steihaugCg(operatorOf(a), g, 0.3, 20);
    expect(result.stop).toBe('boundary');
    expect(result.stepNorm).toBeCloseTo(0.3, 10);
    expect(result.modelChange).toBeLessThan(0);
    expect(result.modelChange).toBeCloseTo(model(a, result.step), 10);
  });

  it('follows negative curvature to the boundary', async () => {
    const a = symmetricWithSpectrum([-3, -2, -1], 6);
    const result = await steihaugCg(operatorOf(a), g, 0.7, 20);
    expect(result.stop).toBe('negative_curvature');
    expect(result.stepNorm).toBeCloseTo(0.7, 10);
    expect(result.modelChange).toBeCloseTo(model(a, result.step), 10);
    // At least as good as the Cauchy point: −Δ g/‖g‖ on the boundary.
    const cauchy = g.map((v) => (-0.7 * v) / norm(g));
    expect(result.modelChange).toBeLessThanOrEqual(model(a, cauchy) + 1e-12);
  });

  it('takes no step at a stationary point', async () => {
    const result = await steihaugCg(operatorOf(symmetricWithSpectrum([1, 1], 7)), new Float64Array(2), 1, 10);
    expect(result.products).toBe(0);
    expect(result.stepNorm).toBe(0);
  });
});

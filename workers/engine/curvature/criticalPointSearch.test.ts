import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { MlpObjective } from '../networks/objective';
import { useTestBackend } from '../testing/backend';
import type { MlpSpec } from '../spec/mlp';
import { searchCriticalPoint, searchCriticalPoints, type CriticalPointModel } from './criticalPointSearch';

beforeAll(async () => {
  await useTestBackend();
});

/** A seeded random orthogonal n × n matrix (rows), by Gram–Schmidt. */
function orthogonal(n: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  const rows: Float64Array[] = [];
  while (rows.length < n) {
    const v = rng.fillNormal(new Float64Array(n));
    for (const u of rows) {
      const d = u.reduce((s, x, i) => s + x * v[i], 0);
      for (let i = 0; i < n; i++) v[i] -= d * u[i];
    }
    const norm = Math.hypot(...v);
    rows.push(v.map((x) => x / norm));
  }
  return rows;
}

/**
 * f(θ) = ¼ Σ_i (u_i² − 1)², u = Q θ, Q orthogonal: a product of double wells
 * seen in rotated coordinates. Its critical points are u_i ∈ {−1, 0, 1};
 * the Hessian Qᵀ diag(3u_i² − 1) Q has −1 for every u_i = 0 and 2 for every
 * u_i = ±1, so a critical point with k zeros has loss k/4 and index k/n.
 */
function doubleWells(n: number, seed: number): { model: CriticalPointModel; toTheta: (u: number[]) => Float32Array } {
  const q = orthogonal(n, seed);
  const rotate = (theta: ArrayLike<number>) => q.map((row) => row.reduce((s, x, i) => s + x * theta[i], 0));
  const model: CriticalPointModel = {
    paramCount: n,
    async lossAndGrad(params) {
      const u = rotate(params);
      const grad = new Float32Array(n);
      u.forEach((ui, k) => q[k].forEach((qki, i) => (grad[i] += qki * (ui ** 3 - ui))));
      return { loss: u.reduce((s, ui) => s + (ui * ui - 1) ** 2 / 4, 0), grad };
    },
    async fullHessian(params) {
      const u = rotate(params);
      const h = new Float64Array(n * n);
      u.forEach((ui, k) => {
        const curvature = 3 * ui * ui - 1;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i * n + j] += curvature * q[k][i] * q[k][j];
      });
      return h;
    },
  };
  const toTheta = (u: number[]) => Float32Array.from({ length: n }, (_, i) => q.reduce((s, row, k) => s + row[i] * u[k], 0));
  return { model, toTheta };
}

describe('searchCriticalPoint on a function whose critical points are known', () => {
  const n = 6;
  const { model, toTheta } = doubleWells(n, 3);

  it('converges from near each critical point to it, with loss k/4 and index k/n for k zero coordinates', async () => {
    const rng = new Rng(17);
    for (let zeros = 0; zeros <= n; zeros++) {
      const target = Array.from({ length: n }, (_, i) => (i < zeros ? 0 : i % 2 === 0 ? 1 : -1));
      const start = toTheta(target.map((u) => u + 0.15 * rng.normal()));
      const point = await searchCriticalPoint(model, start);
      expect(point.converged).toBe(true);
      expect(point.gradientNorm).toBeLessThan(1e-5);
      expect(point.loss).toBeCloseTo(zeros / 4, 6);
      expect(point.negative).toBe(zeros);
      expect(point.index).toBeCloseTo(zeros / n, 15);
      expect(point.nearZero).toBe(0);
      const reached = toTheta(target);
      point.params.forEach((value, i) => expect(value).toBeCloseTo(reached[i], 5));
    }
  });

  it('from nearer a saddle than a minimum it converges to the saddle (Newton-like, where descent would leave it)', async () => {
    // Start exactly between a minimum (u₀ = 1) and the saddle (u₀ = 0), a bit nearer the saddle.
    const start = toTheta([0.4, 1, -1, 1, -1, 1]);
    const point = await searchCriticalPoint(model, start);
    expect(point.converged).toBe(true);
    expect(point.negative).toBe(1);
  });

  it('reports progress per iteration, many starts at once, and stops when aborted', async () => {
    const progress: number[] = [];
    const point = await searchCriticalPoint(model, toTheta([0.1, 0.9, -1.1, 1, -1, 1]), { onProgress: (done) => progress.push(done) });
    expect(progress.length).toBe(point.iterations);
    expect(progress.at(-1)).toBe(point.iterations);
    const starts = [toTheta([0.1, 1, 1, 1, 1, 1.1]), toTheta([0.05, -0.1, 1, 1, 1, 0.9])];
    const done: number[] = [];
    const points = await searchCriticalPoints(model, starts, { onProgress: (k) => done.push(k) });
    expect(points.map((p) => p.negative)).toEqual([1, 2]);
    expect(done).toEqual([1, 2]);
    const controller = new AbortController();
    controller.abort();
    await expect(searchCriticalPoint(model, starts[0], { signal: controller.signal })).rejects.toThrow(/aborted/);
  });
});

describe('searchCriticalPoint where there is no critical point', () => {
  it('f = x²/2 + y/10: the search stalls with all of ‖∇L‖² along the flat direction', async () => {
    // ∇f = (x, 0.1) never vanishes; H = diag(1, 0) cannot remove the y component.
    const model: CriticalPointModel = {
      paramCount: 2,
      lossAndGrad: async ([x, y]) => ({ loss: 0.5 * x * x + 0.1 * y, grad: Float32Array.of(x, 0.1) }),
      fullHessian: async () => Float64Array.of(1, 0, 0, 0),
    };
    const point = await searchCriticalPoint(model, Float32Array.of(2, 1));
    expect(point.converged).toBe(false);
    expect(point.gradientNorm).toBeCloseTo(0.1, 6);
    expect(point.flatGradientShare).toBeCloseTo(1, 10);
    expect(point.nearZero).toBe(1);
  });

  it('a converged critical point has no gradient share to report along flat directions', async () => {
    const { model, toTheta } = doubleWells(4, 8);
    const point = await searchCriticalPoint(model, toTheta([0.05, 1.1, -0.9, 1]));
    expect(point.converged).toBe(true);
    expect(point.flatGradientShare).toBe(0); // no eigenvalue within τ·max|λ|
  });
});

describe('searchCriticalPoint on a tiny network', () => {
  // z = w₂ tanh(w₁ x + b₁) + b₂, θ = (w₁, b₁, w₂, b₂), mean squared error.
  const spec: MlpSpec = { layers: [1, 1, 1], activation: 'tanh', loss: 'mse' };
  const x = Float32Array.of(-1.5, -0.5, 0.2, 0.9, 1.6);

  it('finds the zero-loss minimum of a realisable target, index 0', async () => {
    const y = x.map((xi) => 0.5 * Math.tanh(0.8 * xi + 0.1) + 0.2);
    const objective = new MlpObjective(spec, { x, n: 5, inputDim: 1, y, outputDim: 1 });
    const before = tf.memory().numTensors;
    const point = await searchCriticalPoint(objective, Float32Array.of(0.9, 0.0, 0.6, 0.15), { gradientTolerance: 1e-6 });
    expect(tf.memory().numTensors).toBe(before);
    objective.dispose();
    expect(point.converged).toBe(true);
    expect(point.loss).toBeLessThan(1e-9);
    expect(point.negative).toBe(0);
    [0.8, 0.1, 0.5, 0.2].forEach((value, i) => expect(point.params[i]).toBeCloseTo(value, 3));
  });

  it('finds the dead-unit saddle w₁ = w₂ = 0, b₂ = ȳ: one negative eigenvalue of four, index 1/4', async () => {
    // At w₁ = w₂ = 0, b₂ = ȳ the Hessian on (w₁, w₂, b₂) is [0 a 0; a 2t² 2t; 0 2t 2] with
    // a = −2(1 − t²) cov(x, y), t = tanh b₁: determinant −2a² < 0, trace > 0, so exactly one
    // negative eigenvalue; b₁ is a flat direction (the unit's output is constant for every b₁).
    const y = Float32Array.of(-1, -0.2, 0.1, 0.6, 1.3);
    const mean = y.reduce((s, v) => s + v, 0) / 5;
    const objective = new MlpObjective(spec, { x, n: 5, inputDim: 1, y, outputDim: 1 });
    const point = await searchCriticalPoint(objective, Float32Array.of(0.03, 0.2, -0.02, mean + 0.05));
    objective.dispose();
    expect(point.converged).toBe(true);
    expect(Math.abs(point.params[0])).toBeLessThan(1e-4);
    expect(Math.abs(point.params[2])).toBeLessThan(1e-4);
    expect(point.params[3]).toBeCloseTo(mean, 5);
    expect(point.negative).toBe(1);
    expect(point.nearZero).toBe(1);
    expect(point.index).toBe(0.25);
  });
});

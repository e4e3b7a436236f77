import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { trajectoryPca } from './pca';

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Two orthonormal random vectors of length dim (Gram–Schmidt). */
function orthonormalPair(rng: Rng, dim: number): [Float64Array, Float64Array] {
  const u = rng.fillNormal(new Float64Array(dim));
  const v = rng.fillNormal(new Float64Array(dim));
  const nu = Math.sqrt(dot(u, u));
  u.forEach((x, i) => (u[i] = x / nu));
  const along = dot(v, u);
  v.forEach((x, i) => (v[i] = x - along * u[i]));
  const nv = Math.sqrt(dot(v, v));
  v.forEach((x, i) => (v[i] = x / nv));
  return [u, v];
}

/**
 * A trajectory θ_t = θ_end + a_t·u + b_t·v (+ noise), with a and b orthogonal
 * as sequences over t < T − 1, so u and v are exactly the principal directions.
 */
function plantedTrajectory(rng: Rng, count: number, dim: number, noise: number) {
  const [u, v] = orthonormalPair(rng, dim);
  const end = rng.fillNormal(new Float64Array(dim));
  const a = new Float64Array(count), b = new Float64Array(count);
  for (let t = 0; t < count - 1; t++) {
    const s = 1 - t / (count - 1);
    a[t] = 4 * s * s;
    b[t] = Math.sin(3 * Math.PI * s);
  }
  const ab = dot(a, b) / dot(a, a);
  for (let t = 0; t < count - 1; t++) b[t] -= ab * a[t];
  const points = new Float64Array(count * dim);
  for (let t = 0; t < count; t++) {
    for (let p = 0; p < dim; p++) {
      points[t * dim + p] = end[p] + a[t] * u[p] + b[t] * v[p] + (t < count - 1 ? noise * rng.normal() : 0);
    }
  }
  return { points, u, v, a, b, end };
}

describe('trajectoryPca', () => {
  it('recovers planted directions, their variance shares and the coordinates of every point', () => {
    const count = 40, dim = 1500;
    const { points, u, v, a, b, end } = plantedTrajectory(new Rng(3), count, dim, 0);
    const pca = trajectoryPca(points, dim);
    expect(Math.abs(dot(pca.d1, u))).toBeGreaterThan(1 - 1e-9);
    expect(Math.abs(dot(pca.d2, v))).toBeGreaterThan(1 - 1e-9);
    expect(dot(pca.d1, pca.d1)).toBeCloseTo(1, 12);
    expect(dot(pca.d1, pca.d2)).toBeCloseTo(0, 12);
    const energyA = dot(a, a), energyB = dot(b, b);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(energyA / (energyA + energyB), 10);
    expect(pca.explainedVarianceRatio[1]).toBeCloseTo(energyB / (energyA + energyB), 10);
    expect(pca.singularValues[0]).toBeCloseTo(Math.sqrt(energyA), 9);
    expect(Array.from(pca.centre)).toEqual(Array.from(end));
    const signA = Math.sign(dot(pca.d1, u)), signB = Math.sign(dot(pca.d2, v));
    for (let t = 0; t < count; t++) {
      expect(pca.coordinates[2 * t]).toBeCloseTo(signA * a[t], 9);
      expect(pca.coordinates[2 * t + 1]).toBeCloseTo(signB * b[t], 9);
    }
  });

  it('still finds the planted plane under small noise, from a float32 trajectory', () => {
    const count = 60, dim = 3000;
    const { points, u, v } = plantedTrajectory(new Rng(4), count, dim, 1e-3);
    const pca = trajectoryPca(Float32Array.from(points), dim);
    expect(Math.abs(dot(pca.d1, u))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(pca.d2, v))).toBeGreaterThan(0.999);
    expect(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toBeGreaterThan(0.99);
    expect(pca.explainedVarianceRatio[0]).toBeGreaterThan(pca.explainedVarianceRatio[1]);
  });

  it('fixes the sign: the largest-magnitude entry of each direction is positive', () => {
    const { points } = plantedTrajectory(new Rng(5), 10, 50, 0.01);
    const negated = points.map((x) => -x);
    for (const pca of [trajectoryPca(points, 50), trajectoryPca(negated, 50)]) {
      for (const d of [pca.d1, pca.d2]) {
        const largest = d.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);
        expect(largest).toBeGreaterThan(0);
      }
    }
  });

  it('refuses trajectories without two directions', () => {
    expect(() => trajectoryPca(new Float64Array(8), 4)).toThrow(/at least 3 points, got 2/);
    expect(() => trajectoryPca(new Float64Array(12), 4)).toThrow(/every point equals the final point/);
    const line = new Float64Array(5 * 3);
    for (let t = 0; t < 5; t++) for (let p = 0; p < 3; p++) line[t * 3 + p] = (t * t) * (p + 1);
    expect(() => trajectoryPca(line, 3)).toThrow(/straight line/);
    expect(() => trajectoryPca(new Float64Array(10), 3)).toThrow(/whole number/);
  });
});

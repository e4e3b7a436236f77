import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { pointsOnPlane } from './plane';
import { projectOntoPlane } from './projection';

function randomVector(rng: Rng, dim: number): Float64Array {
  return rng.fillNormal(new Float64Array(dim));
}

describe('projectOntoPlane', () => {
  const dim = 500;
  const rng = new Rng(17);
  const centre = randomVector(rng, dim);
  const d1 = randomVector(rng, dim);
  // d2 is deliberately far from orthogonal to d1 (cos ≈ 0.9).
  const d2 = d1.map((v) => 2 * v + rng.normal());
  const plane = { centre, d1, d2 };

  it('returns the coefficients of points built on the plane, with zero residual', () => {
    const coords = [0, 0, 1, 0, 0, 1, -2.5, 0.75, 0.3, -4];
    const points = new Float64Array(5 * dim);
    for (let t = 0; t < 5; t++) {
      for (let p = 0; p < dim; p++) {
        points[t * dim + p] = centre[p] + coords[2 * t] * d1[p] + coords[2 * t + 1] * d2[p];
      }
    }
    const { alpha, beta, residual } = projectOntoPlane(points, plane);
    for (let t = 0; t < 5; t++) {
      expect(alpha[t]).toBeCloseTo(coords[2 * t], 10);
      expect(beta[t]).toBeCloseTo(coords[2 * t + 1], 10);
      expect(residual[t]).toBeLessThan(1e-9);
    }
  });

  it('handles float32 trajectories to float32 accuracy', () => {
    const points = pointsOnPlane(plane, [0.5, -0.25, 3, 2]);
    const { alpha, beta } = projectOntoPlane(points, plane);
    expect(alpha[0]).toBeCloseTo(0.5, 4);
    expect(beta[1]).toBeCloseTo(2, 4);
  });

  it('reports the distance of an off-plane point as its residual', () => {
    // Build a unit normal n ⟂ d1, d2 by Gram–Schmidt of a random vector.
    const n = randomVector(rng, dim);
    const g11 = dot(d1, d1), g12 = dot(d1, d2), g22 = dot(d2, d2), det = g11 * g22 - g12 * g12;
    const r1 = dot(n, d1), r2 = dot(n, d2);
    const a = (g22 * r1 - g12 * r2) / det, b = (g11 * r2 - g12 * r1) / det;
    for (let p = 0; p < dim; p++) n[p] -= a * d1[p] + b * d2[p];
    const nNorm = Math.sqrt(dot(n, n));
    const point = new Float64Array(dim);
    for (let p = 0; p < dim; p++) point[p] = centre[p] + 1.5 * d1[p] - 0.5 * d2[p] + (3 / nNorm) * n[p];
    const result = projectOntoPlane(point, plane);
    expect(result.alpha[0]).toBeCloseTo(1.5, 9);
    expect(result.beta[0]).toBeCloseTo(-0.5, 9);
    expect(result.residual[0]).toBeCloseTo(3, 9);
  });

  it('refuses parallel or zero directions with a clear message', () => {
    const parallel = { centre, d1, d2: d1.map((v) => -3 * v) };
    expect(() => projectOntoPlane(centre, parallel)).toThrow(/d1 and d2 are parallel/);
    expect(() => projectOntoPlane(centre, { centre, d1: new Float64Array(dim), d2 })).toThrow(/direction d1 is zero/);
    expect(() => projectOntoPlane(new Float64Array(dim + 1), plane)).toThrow(/whole number of vectors of length 500/);
  });
});

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

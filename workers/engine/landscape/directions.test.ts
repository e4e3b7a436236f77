import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';
import { symmetricEigen } from '../math/linalg/symmetricEigen';
import type { MlpObjective } from '../networks/objective';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { sliceDirections } from './directions';

const fixture = loadModelFixture('tanh-2-8-1-mse');
let objective: MlpObjective;

withFixtureObjective(fixture, (built) => (objective = built));

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe("sliceDirections 'random'", () => {
  it('draws seeded directions, filter-normalised unit by unit against the centre', async () => {
    const centre = fixture.params;
    const a = await sliceDirections(objective, { kind: 'random', centre, seed: 11 });
    const again = await sliceDirections(objective, { kind: 'random', centre, seed: 11 });
    const other = await sliceDirections(objective, { kind: 'random', centre, seed: 12 });
    expect(Array.from(again.d1)).toEqual(Array.from(a.d1));
    expect(Array.from(other.d1)).not.toEqual(Array.from(a.d1));
    expect(Array.from(a.d2!)).not.toEqual(Array.from(a.d1));
    // Layers [2, 8, 1]: W1 (2×8) at 0, b1 at 16, W2 (8×1) at 24, b2 at 32.
    const kernels = [
      { offset: 0, fanIn: 2, fanOut: 8 },
      { offset: 24, fanIn: 8, fanOut: 1 },
    ];
    for (const d of [a.d1, a.d2!]) {
      for (const { offset, fanIn, fanOut } of kernels) {
        for (let j = 0; j < fanOut; j++) {
          let directionSquares = 0;
          let weightSquares = 0;
          for (let i = 0; i < fanIn; i++) {
            directionSquares += d[offset + i * fanOut + j] ** 2;
            weightSquares += centre[offset + i * fanOut + j] ** 2;
          }
          expect(Math.sqrt(directionSquares)).toBeCloseTo(Math.sqrt(weightSquares), 5);
        }
      }
      for (const bias of [...d.subarray(16, 24), d[32]]) expect(bias).toBe(0);
    }
    expect(a.norms[0]).toBeCloseTo(Math.sqrt(dot(a.d1, a.d1)), 10);
    const cosine = dot(a.d1, a.d2!) / (a.norms[0] * a.norms[1]!);
    expect(a.angleDegrees).toBeCloseTo((Math.acos(cosine) * 180) / Math.PI, 8);
    expect(a.kind).toBe('random');
  });

  it('gives a line with one direction, and raw draws when asked', async () => {
    const line = await sliceDirections(objective, { kind: 'random', centre: fixture.params, seed: 1, dimensions: 1, filterNormalize: false });
    expect(line.d2).toBeNull();
    expect(line.angleDegrees).toBeNull();
    // Raw N(0, 1) draws keep their bias entries.
    expect(line.d1[16]).not.toBe(0);
  });
});

describe("sliceDirections 'hessian'", () => {
  it('takes the eigenvectors of the two largest Hessian eigenvalues', async () => {
    const n = objective.paramCount;
    const before = tf.memory().numTensors;
    const plane = await sliceDirections(objective, { kind: 'hessian', centre: fixture.params, maxProducts: n });
    // Lanczos's Hessian-vector products dispose their tensors.
    expect(tf.memory().numTensors).toBe(before);
    const eigen = symmetricEigen(await objective.fullHessian(fixture.params), n);
    expect(plane.eigenvalues![0]).toBeCloseTo(fixture.expected.hessianEigenvalues[0], 3);
    expect(plane.eigenvalues![1]).toBeCloseTo(fixture.expected.hessianEigenvalues[1], 3);
    expect(Math.abs(dot(plane.d1, eigen.vectors.subarray(0, n)))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(plane.d2!, eigen.vectors.subarray(n, 2 * n)))).toBeGreaterThan(0.999);
    expect(plane.norms[0]).toBeCloseTo(1, 10);
    expect(plane.angleDegrees).toBeCloseTo(90, 6);
    expect(plane.products).toBeLessThanOrEqual(n);
  });
});

describe("sliceDirections 'pca'", () => {
  it('recovers the plane of a trajectory that lies in one', async () => {
    const n = objective.paramCount;
    const u = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const w = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * i));
    const steps = 12;
    const trajectory = new Float64Array(steps * n);
    for (let t = 0; t < steps; t++) {
      for (let p = 0; p < n; p++) trajectory[t * n + p] = fixture.params[p] + (steps - t) * u[p] + 0.3 * Math.sin(t) * w[p];
    }
    const plane = await sliceDirections(objective, { kind: 'pca', trajectory });
    expect(Array.from(plane.centre)).toEqual(Array.from(trajectory.subarray((steps - 1) * n)));
    expect(plane.explainedVariance![0] + plane.explainedVariance![1]).toBeCloseTo(1, 10);
    // u lies in span(d1, d2): its projection keeps its whole length.
    const a = dot(u, plane.d1);
    const b = dot(u, plane.d2!);
    expect(a * a + b * b).toBeCloseTo(dot(u, u), 8);
    expect(plane.anchors!.length).toBe(2 * steps);
  });
});

describe("sliceDirections 'interpolation'", () => {
  it('makes the line from θ_A to θ_B and the plane through three points', async () => {
    const n = objective.paramCount;
    const thetaA = fixture.params;
    const thetaB = Float32Array.from(thetaA, (x, i) => x + (i % 3) - 1);
    const thetaC = Float32Array.from(thetaA, (x, i) => x + (i % 2));
    const line = await sliceDirections(objective, { kind: 'interpolation', points: [thetaA, thetaB] });
    expect(line.d2).toBeNull();
    for (let p = 0; p < n; p++) expect(line.centre[p] + line.d1[p]).toBeCloseTo(thetaB[p], 6);
    expect(Array.from(line.anchors!)).toEqual([0, 0, 1, 0]);
    const plane = await sliceDirections(objective, { kind: 'interpolation', points: [thetaA, thetaB, thetaC] });
    for (let p = 0; p < n; p++) expect(plane.centre[p] + plane.d2![p]).toBeCloseTo(thetaC[p], 6);
    await expect(sliceDirections(objective, { kind: 'interpolation', points: [thetaA] })).rejects.toThrow(/2 points/);
    await expect(sliceDirections(objective, { kind: 'interpolation', points: [thetaA, thetaA] })).rejects.toThrow(/zero/);
  });

  it('rejects directions of the wrong length', async () => {
    await expect(sliceDirections(objective, { kind: 'random', centre: new Float32Array(5), seed: 0 })).rejects.toThrow();
  });
});

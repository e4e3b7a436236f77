import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MlpObjective } from '../networks/objective';
import { fixtureObjective, loadModelFixture } from '../fixtures/testing/referenceVectors';
import { useTestBackend } from '../testing/backend';
import { planePoint, type Plane } from '../math/plane/plane';
import { fieldOnAxes } from '../math/plane/fieldLookup';
import { projectTrajectory } from './projection';
import { runSliceJob } from './sliceJob';

const fixture = loadModelFixture('relu-2-10-10-3-softmax');
let objective: MlpObjective;
let plane: Plane;

beforeAll(async () => {
  await useTestBackend();
  objective = fixtureObjective(fixture);
  plane = { centre: fixture.params, d1: Float32Array.from(fixture.expected.slice.d1), d2: Float32Array.from(fixture.expected.slice.d2) };
});
afterAll(() => objective.dispose());

/** Snapshots at the given plane coordinates, a T×P stack. */
function snapshotsAt(coordinates: [number, number][]): Float32Array {
  const n = objective.paramCount;
  const stack = new Float32Array(coordinates.length * n);
  coordinates.forEach(([a, b], t) => stack.set(planePoint(plane, a, b), t * n));
  return stack;
}

describe('projectTrajectory', () => {
  it('shows a trajectory inside the plane with zero residual and the exact losses', async () => {
    const slice = await runSliceJob(objective, { plane, alphaRange: [-1, 1], nx: 9 });
    // Snapshots on grid nodes (spacing 0.25): the surface there is the evaluated loss itself.
    const path: [number, number][] = [[-1, 1], [-0.5, 0.75], [-0.25, 0.25], [0, 0], [0.25, -0.25], [0.5, -0.5]];
    const snapshots = snapshotsAt(path);
    const before = tf.memory().numTensors;
    const projection = await projectTrajectory(objective, snapshots, plane, {
      slice: fieldOnAxes(slice.alphas, slice.betas, slice.loss),
    });
    // The batched evaluation of the snapshots disposes its tensors.
    expect(tf.memory().numTensors).toBe(before);
    const pathScale = Math.sqrt(fixture.params.reduce((s, x) => s + x * x, 0));
    path.forEach(([a, b], t) => {
      expect(projection.alpha[t]).toBeCloseTo(a, 5);
      expect(projection.beta[t]).toBeCloseTo(b, 5);
      expect(projection.residual[t]).toBeLessThan(1e-6 * pathScale);
    });
    for (let t = 0; t < path.length; t++) {
      expect(projection.trueLoss[t]).toBeCloseTo(await objective.loss(snapshots.subarray(t * objective.paramCount, (t + 1) * objective.paramCount)), 6);
    }
    const { faithfulness } = projection;
    expect(faithfulness.maxLossGap).toBeLessThan(1e-4 * Math.max(...projection.trueLoss));
    expect(faithfulness.pointsOutside).toBe(0);
    expect(faithfulness.relativeResidual).toBeLessThan(1e-6);
    expect(faithfulness.pathLength).toBeGreaterThan(0);
    expect(projection.trueAccuracy).not.toBeNull();
  });

  it('measures how far snapshots lie off the plane and where they leave the slice', async () => {
    const n = objective.paramCount;
    const snapshots = snapshotsAt([[0, 0], [0.5, 0.5], [3, 0]]);
    // Move the second snapshot off the plane along the last bias, which both directions leave at 0.
    snapshots[n + n - 1] += 0.2;
    const slice = await runSliceJob(objective, { plane, alphaRange: [-1, 1], nx: 5 });
    const projection = await projectTrajectory(objective, snapshots, plane, {
      slice: fieldOnAxes(slice.alphas, slice.betas, slice.loss),
    });
    expect(plane.d1[n - 1]).toBe(0);
    expect(plane.d2![n - 1]).toBe(0);
    expect(projection.residual[1]).toBeCloseTo(0.2, 5);
    expect(projection.alpha[1]).toBeCloseTo(0.5, 5);
    expect(projection.surfaceLoss![2]).toBeNaN(); // α = 3 is beyond the slice
    expect(projection.faithfulness.pointsOutside).toBe(1);
    expect(projection.faithfulness.maxResidual).toBeCloseTo(0.2, 5);
    // Off the plane the true loss differs from what the surface shows.
    expect(projection.faithfulness.maxLossGap).toBeGreaterThan(0);
  });

  it('projects onto a line and works without a slice', async () => {
    const line: Plane = { centre: plane.centre, d1: plane.d1, d2: null };
    const snapshots = snapshotsAt([[0.25, 0], [-0.5, 0]]);
    const projection = await projectTrajectory(objective, snapshots, line);
    expect(Array.from(projection.alpha)).toEqual([expect.closeTo(0.25, 5), expect.closeTo(-0.5, 5)]);
    expect(Array.from(projection.beta)).toEqual([0, 0]);
    expect(projection.surfaceLoss).toBeNull();
    expect(projection.faithfulness.maxLossGap).toBeNaN();
  });

  it('stops between batches when aborted and checks its inputs', async () => {
    const snapshots = snapshotsAt([[0, 0], [0.1, 0.1], [0.2, 0.2]]);
    await expect(projectTrajectory(objective, snapshots, plane, { signal: AbortSignal.abort(), chunkPoints: 1 })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(projectTrajectory(objective, new Float32Array(7), plane)).rejects.toThrow(RangeError);
  });
});

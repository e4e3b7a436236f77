import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { MlpObjective } from '../networks/objective';
import { curvatureOperator } from './operators';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';

const fixture = loadModelFixture('tanh-2-8-1-mse');
let objective: MlpObjective;
withFixtureObjective(fixture, (built) => (objective = built));

/** e_i, the i-th unit vector of length n. */
function unit(n: number, i: number): Float64Array {
  const e = new Float64Array(n);
  e[i] = 1;
  return e;
}

describe('curvatureOperator', () => {
  it('adds a shift s·v in float64 for the damped solvers', async () => {
    const n = objective.paramCount;
    const plain = curvatureOperator(objective, fixture.params, 'gaussNewton');
    const damped = curvatureOperator(objective, fixture.params, 'gaussNewton', { shift: 0.25 });
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const a = await plain.matVec(v);
    const b = await damped.matVec(v);
    b.forEach((value, i) => expect(value).toBeCloseTo(a[i] + 0.25 * v[i], 12));
    const rows = await damped.batch(Float64Array.from([...v, ...v]), 2);
    rows.subarray(n).forEach((value, i) => expect(value).toBeCloseTo(b[i], 12));
  });

  it('applies H, G and S = H − G and counts the products', async () => {
    const n = objective.paramCount;
    const hessian = curvatureOperator(objective, fixture.params, 'hessian');
    const gaussNewton = curvatureOperator(objective, fixture.params, 'gaussNewton');
    const residual = curvatureOperator(objective, fixture.params, 'residual');
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const hv = await hessian.matVec(v);
    const gv = await gaussNewton.matVec(v);
    const sv = await residual.matVec(v);
    const reference = await objective.hvp(fixture.params, Float32Array.from(v));
    hv.forEach((x, i) => expect(x).toBeCloseTo(reference[i], 6));
    sv.forEach((x, i) => expect(x).toBeCloseTo(hv[i] - gv[i], 5));
    expect(hessian.products()).toBe(1);
    expect(residual.products()).toBe(1);
  });

  it('splits a batch into calls of at most maxVectorsPerCall and keeps the rows in order', async () => {
    const n = objective.paramCount;
    const op = curvatureOperator(objective, fixture.params, 'hessian', { maxVectorsPerCall: 2 });
    const rows = 5;
    const vectors = new Float64Array(rows * n);
    for (let k = 0; k < rows; k++) vectors[k * n + k] = 1;
    const before = tf.memory().numTensors;
    const products = await op.batch(vectors, rows);
    // Every intermediate tensor of the products is disposed: only the objective's data tensors remain.
    expect(tf.memory().numTensors).toBe(before);
    expect(op.products()).toBe(rows);
    // Row k is H e_k, the k-th column of H; H is symmetric, so H_{k,j} = H_{j,k}.
    const column = async (k: number) => Array.from(await op.matVec(unit(n, k)));
    const c0 = await column(0);
    const c3 = await column(3);
    expect(Array.from(products.subarray(0, n))).toEqual(c0.map((x) => expect.closeTo(x, 6)));
    expect(products[3 * n + 0]).toBeCloseTo(c0[3], 5);
    expect(Array.from(products.subarray(3 * n, 4 * n))).toEqual(c3.map((x) => expect.closeTo(x, 6)));
  });

  it('rejects parameters of the wrong length', () => {
    expect(() => curvatureOperator(objective, new Float32Array(3), 'hessian')).toThrow(/3 entries/);
  });
});

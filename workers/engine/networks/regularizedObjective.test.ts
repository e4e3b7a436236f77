import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlpObjective } from './objective';
import type { MlpSpec } from '../spec/mlp';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import { l2Penalty, RegularizedObjective } from './regularizedObjective';

/**
 * A linear model with mse, ℓ(w, b) = (1/N) Σ (x_n·w + b − y_n)², whose
 * derivatives have closed forms: with r = Xw + b − y,
 * ∇_w ℓ = (2/N) Xᵀr, ∇_b ℓ = (2/N) Σ r, ∇²ℓ = (2/N) [X 1]ᵀ[X 1];
 * the Gauss-Newton matrix equals the Hessian (the model is linear).
 */
const SPEC: MlpSpec = { layers: [3, 1], activation: 'linear', loss: 'mse' };
const N = 20;
const LAMBDA = 0.3;
const rng = new Rng(5);
const X = rng.fillNormal(new Float32Array(N * 3));
const Y = rng.fillNormal(new Float32Array(N));
const THETA = Float32Array.from([0.5, -1.2, 0.7, 0.1]);

/** Rows [x_n, 1] in float64. */
const augmented = (n: number) => [X[3 * n], X[3 * n + 1], X[3 * n + 2], 1];

function closedForms(theta: Float32Array) {
  const loss = { value: 0 };
  const grad = new Float64Array(4);
  const hessian = new Float64Array(16);
  for (let n = 0; n < N; n++) {
    const a = augmented(n);
    const r = a.reduce((s, v, i) => s + v * theta[i], 0) - Y[n];
    loss.value += (r * r) / N;
    for (let i = 0; i < 4; i++) {
      grad[i] += (2 / N) * a[i] * r;
      for (let j = 0; j < 4; j++) hessian[i * 4 + j] += (2 / N) * a[i] * a[j];
    }
  }
  let squares = 0;
  for (let i = 0; i < 4; i++) {
    squares += theta[i] * theta[i];
    grad[i] += LAMBDA * theta[i];
    hessian[i * 4 + i] += LAMBDA;
  }
  return { loss: loss.value + 0.5 * LAMBDA * squares, grad, hessian };
}

const matVec = (matrix: Float64Array, v: ArrayLike<number>) =>
  Float64Array.from({ length: 4 }, (_, i) => [0, 1, 2, 3].reduce((s, j) => s + matrix[i * 4 + j] * v[j], 0));

const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(tolerance);
};

let objective: RegularizedObjective;

beforeAll(async () => {
  await useTestBackend();
  objective = new RegularizedObjective(new MlpObjective(SPEC, { x: X, n: N, inputDim: 3, y: Y, outputDim: 1 }), LAMBDA);
});

afterAll(() => objective.dispose());

describe('RegularizedObjective (linear mse model, closed forms)', () => {
  const reference = closedForms(THETA);
  const v = Float32Array.from([1, -2, 0.5, 3]);

  it('loss and gradient include (λ/2)‖θ‖² and λθ', async () => {
    expect(Math.abs((await objective.loss(THETA)) - reference.loss)).toBeLessThan(1e-5);
    const { loss, grad } = await objective.lossAndGrad(THETA);
    expect(Math.abs(loss - reference.loss)).toBeLessThan(1e-5);
    expectClose(grad, reference.grad);
  });

  it('Hessian and Gauss-Newton products, dense and batched, include λI', async () => {
    const expected = matVec(reference.hessian, v);
    expectClose(await objective.hvp(THETA, v), expected);
    expectClose(await objective.gnvp(THETA, v), expected);
    const twoRows = Float32Array.from([...v, 0, 1, 0, 0]);
    const secondColumn = Array.from({ length: 4 }, (_, i) => reference.hessian[i * 4 + 1]);
    expectClose(await objective.hvpBatch(THETA, twoRows, 2), [...expected, ...secondColumn]);
    expectClose(await objective.gnvpBatch(THETA, twoRows, 2), [...expected, ...secondColumn]);
    expectClose(await objective.fullHessian(THETA), reference.hessian);
    expectClose(await objective.fullGaussNewton(THETA), reference.hessian);
  });

  it('batched evaluation adds each row its own penalty', async () => {
    const other = Float32Array.from([0, 0, 0, 2]);
    const batch = Float32Array.from([...THETA, ...other]);
    const losses = await objective.lossBatch(batch, 2);
    expect(Math.abs(losses[0] - reference.loss)).toBeLessThan(1e-5);
    expect(Math.abs(losses[1] - closedForms(other).loss)).toBeLessThan(1e-5);
    expect(l2Penalty(LAMBDA, batch, 1, 4)).toBeCloseTo(0.5 * LAMBDA * 4, 12);
    expect((await objective.evaluateBatch(batch, 2)).accuracy).toBeNull();
  });

  it('plane and line evaluation add the penalty of each point c + αd₁ + βd₂ (closed forms)', async () => {
    const d1 = Float32Array.from([1, 0, -0.5, 0.2]);
    const d2 = Float32Array.from([0, 0.3, 0.4, -1]);
    const coords = [0, 0, 0.5, -1, -2, 0.25];
    const plane = await objective.evaluatePlane(THETA, d1, d2, coords, 3);
    const line = await objective.evaluatePlane(THETA, d1, null, [0.5, -2], 2);
    for (let k = 0; k < 3; k++) {
      const point = THETA.map((c, i) => c + coords[2 * k] * d1[i] + coords[2 * k + 1] * d2[i]);
      expect(Math.abs(plane.loss[k] - closedForms(point).loss)).toBeLessThan(1e-4);
    }
    [0.5, -2].forEach((a, k) => {
      const point = THETA.map((c, i) => c + a * d1[i]);
      expect(Math.abs(line.loss[k] - closedForms(point).loss)).toBeLessThan(1e-4);
    });
  });

  it('λ = 0 gives the data objective unchanged; a negative λ is refused', async () => {
    const data = new MlpObjective(SPEC, { x: X, n: N, inputDim: 3, y: Y, outputDim: 1 });
    const plain = new RegularizedObjective(data, 0);
    expect(await plain.loss(THETA)).toBe(await data.loss(THETA));
    expect(await plain.hvp(THETA, v)).toEqual(await data.hvp(THETA, v));
    plain.dispose();
    expect(() => new RegularizedObjective(objective.data, -1)).toThrow(/weight decay must be a finite number ≥ 0/);
  });

  it('leaves the tensor count unchanged (each method disposes what it makes)', async () => {
    const before = tf.memory().numTensors;
    await objective.loss(THETA);
    await objective.lossAndGrad(THETA);
    await objective.hvp(THETA, v);
    await objective.gnvp(THETA, v);
    await objective.fullHessian(THETA);
    await objective.fullGaussNewton(THETA);
    await objective.evaluateBatch(Float32Array.from([...THETA, ...THETA]), 2);
    await objective.predict(THETA, X, N);
    expect(tf.memory().numTensors).toBe(before);
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { logSoftmax, logSumExp, safeExp, safeSigmoid, safeSoftplus, safeTanh, sigmoidCrossEntropyWithLogits } from './safeOps';

beforeAll(async () => {
  await useTestBackend();
});

type Op = (x: tf.Tensor) => tf.Tensor;

const POINTS = [-3.1, -1.2, -0.4, 0, 0.25, 0.9, 2.3];

/** f'(x) element-wise, by one back-propagation through `op`. */
function firstDerivative(op: Op): Op {
  return (x) => tf.grad((u: tf.Tensor) => tf.sum(op(u)))(x);
}

async function values(run: () => tf.Tensor): Promise<number[]> {
  const t = tf.tidy(run);
  const v = Array.from(await t.data());
  t.dispose();
  return v;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

type Scalar = (x: number) => number;
const tanhSlope: Scalar = (x) => 1 - Math.tanh(x) ** 2;
const sigmoidSlope: Scalar = (x) => sigmoid(x) * (1 - sigmoid(x));

// Name, op, then f, f', f'', f''' in closed form.
describe.each<[string, Op, Scalar, Scalar, Scalar, Scalar]>([
  [
    'safeTanh',
    safeTanh,
    Math.tanh,
    tanhSlope,
    (x) => -2 * Math.tanh(x) * tanhSlope(x),
    (x) => -2 * tanhSlope(x) * (1 - 3 * Math.tanh(x) ** 2),
  ],
  [
    'safeSigmoid',
    safeSigmoid,
    sigmoid,
    sigmoidSlope,
    (x) => sigmoidSlope(x) * (1 - 2 * sigmoid(x)),
    (x) => sigmoidSlope(x) * (1 - 6 * sigmoid(x) + 6 * sigmoid(x) ** 2),
  ],
  ['safeExp', safeExp, Math.exp, Math.exp, Math.exp, Math.exp],
  [
    'safeSoftplus',
    safeSoftplus,
    (x) => Math.log1p(Math.exp(x)),
    sigmoid,
    sigmoidSlope,
    (x) => sigmoidSlope(x) * (1 - 2 * sigmoid(x)),
  ],
])('%s', (_, op, value, first, second, third) => {
  const x = () => tf.tensor1d(POINTS);

  it('computes the function and its first derivative', async () => {
    const v = await values(() => op(x()));
    const d = await values(() => firstDerivative(op)(x()));
    POINTS.forEach((p, i) => {
      expect(v[i]).toBeCloseTo(value(p), 5);
      expect(d[i]).toBeCloseTo(first(p), 5);
    });
  });

  it('differentiates twice: matches finite differences of the first derivative and the closed form', async () => {
    const h = 1e-2;
    const twice = await values(() => firstDerivative(firstDerivative(op))(x()));
    const plus = await values(() => firstDerivative(op)(tf.add(x(), h)));
    const minus = await values(() => firstDerivative(op)(tf.sub(x(), h)));
    POINTS.forEach((p, i) => {
      const finiteDifference = (plus[i] - minus[i]) / (2 * h);
      expect(Math.abs(twice[i] - finiteDifference)).toBeLessThan(2e-3 * Math.max(1, Math.abs(finiteDifference)));
      expect(twice[i]).toBeCloseTo(second(p), 4);
    });
  });

  it('differentiates three times (the derivative is itself built from safe ops)', async () => {
    const thrice = await values(() => firstDerivative(firstDerivative(firstDerivative(op)))(x()));
    POINTS.forEach((p, i) => expect(thrice[i]).toBeCloseTo(third(p), 4));
  });

  it('leaves no tensors behind, also after double back-propagation', () => {
    // Saved inputs live on the gradient tape and must be freed with it.
    const before = tf.memory().numTensors;
    tf.tidy(() => firstDerivative(firstDerivative(op))(x())).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('why the safe ops exist', () => {
  it("TensorFlow.js's own tanh cannot be differentiated twice", () => {
    expect(() => tf.tidy(() => firstDerivative(firstDerivative((u) => tf.tanh(u)))(tf.tensor1d(POINTS)))).toThrow();
  });
});

describe('logSumExp and logSoftmax', () => {
  const logits = [0.3, -1.1, 2.0, 0.7];
  const direction = [0.5, -0.2, 0.1, 0.9];
  const p = logits.map((z) => Math.exp(z)).map((e, _, all) => e / all.reduce((s, v) => s + v, 0));

  it('computes log Σ exp over the last axis, keeping it', async () => {
    const expected = Math.log(logits.reduce((s, z) => s + Math.exp(z), 0));
    const lse = tf.tidy(() => logSumExp(tf.tensor2d([logits, logits.map((z) => z + 1000)])));
    expect(lse.shape).toEqual([2, 1]);
    const [a, b] = Array.from(await lse.data());
    lse.dispose();
    expect(a).toBeCloseTo(expected, 5);
    // Shifted by 1000: no overflow.
    expect(b).toBeCloseTo(expected + 1000, 2);
    const logProbabilities = await values(() => logSoftmax(tf.tensor1d(logits)));
    logProbabilities.forEach((v, i) => expect(v).toBeCloseTo(Math.log(p[i]), 5));
  });

  it('has the Hessian diag(p) − p pᵀ under double back-propagation, matching finite differences', async () => {
    const v = () => tf.tensor1d(direction);
    const gradient = (x: tf.Tensor) => tf.grad((u: tf.Tensor) => tf.sum(logSumExp(u)))(x);
    const hessianTimesV = await values(() =>
      tf.grad((u: tf.Tensor) => tf.sum(tf.mul(gradient(u), v())))(tf.tensor1d(logits)),
    );
    const pv = p.reduce((s, pi, i) => s + pi * direction[i], 0);
    const h = 1e-2;
    const plus = await values(() => gradient(tf.add(tf.tensor1d(logits), tf.mul(v(), h))));
    const minus = await values(() => gradient(tf.sub(tf.tensor1d(logits), tf.mul(v(), h))));
    hessianTimesV.forEach((value, i) => {
      expect(value).toBeCloseTo(p[i] * direction[i] - p[i] * pv, 5);
      expect(value).toBeCloseTo((plus[i] - minus[i]) / (2 * h), 3);
    });
  });
});

describe('sigmoidCrossEntropyWithLogits', () => {
  const z = [-40, -2, -0.3, 0.5, 3, 40];
  const y = [0, 1, 0, 1, 1, 0];
  const reference = (zi: number, yi: number) => Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - yi * zi;

  it('equals softplus(z) − y·z without overflow, with derivatives σ(z) − y and σ(z)(1 − σ(z))', async () => {
    const loss = (logits: tf.Tensor) => sigmoidCrossEntropyWithLogits(logits, tf.tensor1d(y));
    const value = await values(() => loss(tf.tensor1d(z)));
    const first = await values(() => firstDerivative(loss)(tf.tensor1d(z)));
    const second = await values(() => firstDerivative(firstDerivative(loss))(tf.tensor1d(z)));
    z.forEach((zi, i) => {
      expect(value[i]).toBeCloseTo(reference(zi, y[i]), 4);
      expect(first[i]).toBeCloseTo(sigmoid(zi) - y[i], 5);
      expect(second[i]).toBeCloseTo(sigmoid(zi) * (1 - sigmoid(zi)), 5);
    });
  });
});

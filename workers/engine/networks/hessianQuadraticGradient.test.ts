import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { useTestBackend } from '../testing/backend';
import type { MlpSpec } from '../spec/mlp';
import { HessianQuadraticGradient } from './hessianQuadraticGradient';
import { MlpObjective } from './objective';
import { randomProblem } from './testing/randomProblem';

beforeAll(async () => {
  await useTestBackend();
});

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** vᵀ H(θ) v from the objective's Hessian-vector product (double back-propagation, an independent path). */
async function quadraticForm(objective: MlpObjective, params: Float32Array, v: Float32Array): Promise<number> {
  return dot(v, await objective.hvp(params, v));
}

describe.each<[string, MlpSpec]>([
  ['tanh, mse', { layers: [2, 4, 1], activation: 'tanh', loss: 'mse' }],
  ['sigmoid, sigmoid_ce', { layers: [3, 3, 2], activation: 'sigmoid', loss: 'sigmoid_ce' }],
  ['tanh, softmax_ce', { layers: [2, 3, 3], activation: 'tanh', loss: 'softmax_ce' }],
])('HessianQuadraticGradient (%s)', (_, spec) => {
  it('gives vᵀHv and a gradient that matches central differences of vᵀHv', async () => {
    const { data, params } = randomProblem(spec, 12, 7);
    const objective = new MlpObjective(spec, data);
    const model = new HessianQuadraticGradient(spec, data);
    const n = objective.paramCount;
    const rng = new Rng(11);
    const probes = rng.fillRademacher(new Float32Array(2 * n));
    const before = tf.memory().numTensors;
    const { values, gradients } = await model.quadraticFormGradients(params, probes, 2);
    expect(tf.memory().numTensors).toBe(before);
    for (let k = 0; k < 2; k++) {
      const v = probes.subarray(k * n, (k + 1) * n);
      const reference = await quadraticForm(objective, params, v);
      expect(Math.abs(values[k] - reference)).toBeLessThan(1e-4 * Math.max(1, Math.abs(reference)));
      // Directional derivative of q along a random unit direction u, by central differences (step h).
      const u = rng.fillNormal(new Float32Array(n));
      const scale = 1 / Math.sqrt(dot(u, u));
      u.forEach((value, i) => (u[i] = value * scale));
      const h = 1e-2;
      const plus = Float32Array.from(params, (p, i) => p + h * u[i]);
      const minus = Float32Array.from(params, (p, i) => p - h * u[i]);
      const difference = ((await quadraticForm(objective, plus, v)) - (await quadraticForm(objective, minus, v))) / (2 * h);
      const analytic = dot(gradients.subarray(k * n, (k + 1) * n), u);
      const gradientNorm = Math.sqrt(dot(gradients.subarray(k * n, (k + 1) * n), gradients.subarray(k * n, (k + 1) * n)));
      expect(gradientNorm).toBeGreaterThan(1e-3);
      expect(Math.abs(analytic - difference)).toBeLessThan(2e-3 * Math.max(gradientNorm, 1e-2));
    }
    objective.dispose();
    model.dispose();
  });
});

describe('HessianQuadraticGradient in chunks', () => {
  it('gives the same rows whether the probes go in one pass or one at a time', async () => {
    const spec: MlpSpec = { layers: [2, 3, 1], activation: 'tanh', loss: 'mse' };
    const { data, params } = randomProblem(spec, 8, 3);
    const together = new HessianQuadraticGradient(spec, data);
    // A bound of one network per pass splits three probes into three passes.
    const apart = new HessianQuadraticGradient(spec, data, 1);
    const probes = new Rng(2).fillRademacher(new Float32Array(3 * together.paramCount));
    const a = await together.quadraticFormGradients(params, probes, 3);
    const b = await apart.quadraticFormGradients(params, probes, 3);
    a.values.forEach((value, k) => expect(Math.abs(value - b.values[k])).toBeLessThan(1e-5 * Math.max(1, Math.abs(value))));
    a.gradients.forEach((value, i) => expect(Math.abs(value - b.gradients[i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(value))));
    await expect(together.quadraticFormGradients(params, probes, 2)).rejects.toThrow(/Expected 2/);
    together.dispose();
    apart.dispose();
  });
});

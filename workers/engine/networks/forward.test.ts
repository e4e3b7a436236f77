import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { batchedForward, batchedForwardWithTangent, type ForwardInputs } from './forward';
import { outputJacobian } from './gaussNewtonMatrix';
import { parameterPieces, splitRows } from './pieces';
import { layerLayout, paramCount, type MlpSpec } from '../spec/mlp';
import { randomDirection } from './testing/randomProblem';
import { referenceOutputs } from './testing/referenceMlp';

beforeAll(async () => {
  await useTestBackend();
});

const spec: MlpSpec = { layers: [3, 5, 4, 2], activation: 'sigmoid', loss: 'mse' };
const size = paramCount(spec);
const pieces = parameterPieces(layerLayout(spec));
const samples = 6;
const x = randomDirection(samples * 3, 1);

function inputs(): ForwardInputs {
  return { x: tf.tensor3d(x, [1, samples, 3]), ones: tf.ones([1, samples, 1]) };
}

function pieceTensors(values: Float32Array, rows: number): tf.Tensor3D[] {
  return splitRows(pieces, values, rows).map((v, p) => tf.tensor3d(v, [rows, ...pieces[p].shape]));
}

async function read(run: () => tf.Tensor): Promise<Float32Array> {
  const before = tf.memory().numTensors;
  const t = tf.tidy(run);
  const values = (await t.data()) as Float32Array;
  t.dispose();
  // Everything made inside is freed by tf.tidy; nothing else is kept.
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

describe('batchedForward', () => {
  it('evaluates B different networks in one pass', async () => {
    const thetas = randomDirection(3 * size, 2);
    const outputs = await read(() => batchedForward(spec, pieceTensors(thetas, 3), inputs()));
    expect(outputs.length).toBe(3 * samples * 2);
    for (let b = 0; b < 3; b++) {
      const reference = referenceOutputs(spec, thetas.subarray(b * size, (b + 1) * size), x, samples);
      reference.forEach((value, i) => expect(outputs[b * samples * 2 + i]).toBeCloseTo(value, 5));
    }
  });
});

describe('batchedForwardWithTangent', () => {
  it('gives the outputs and their directional derivatives J v (finite differences in float64)', async () => {
    const theta = randomDirection(size, 3);
    const tangents = randomDirection(2 * size, 4);
    const twice = Float32Array.from([...theta, ...theta]);
    const result = tf.tidy(() => {
      const { outputs, tangents: jv } = batchedForwardWithTangent(spec, pieceTensors(twice, 2), pieceTensors(tangents, 2), inputs());
      return tf.concat([outputs, jv], 0);
    });
    const values = await result.data();
    result.dispose();
    const h = 1e-5;
    for (let b = 0; b < 2; b++) {
      const v = tangents.subarray(b * size, (b + 1) * size);
      const plus = referenceOutputs(spec, Float64Array.from(theta, (t, i) => t + h * v[i]), x, samples);
      const minus = referenceOutputs(spec, Float64Array.from(theta, (t, i) => t - h * v[i]), x, samples);
      plus.forEach((p, i) => expect(values[(2 + b) * samples * 2 + i]).toBeCloseTo((p - minus[i]) / (2 * h), 4));
    }
    const reference = referenceOutputs(spec, theta, x, samples);
    reference.forEach((value, i) => expect(values[i]).toBeCloseTo(value, 5));
  });
});

describe('outputJacobian', () => {
  it('holds ∂z_nc/∂θ for every sample and output (finite differences in float64)', async () => {
    const theta = randomDirection(size, 5);
    const jacobian = await read(() => {
      const matrices = pieces.map(({ offset, size: length, shape }) => tf.tensor2d(theta.subarray(offset, offset + length), shape));
      return outputJacobian(spec, matrices, tf.tensor2d(x, [samples, 3])).jacobian;
    });
    expect(jacobian.length).toBe(samples * 2 * size);
    const h = 1e-5;
    for (const p of [0, 7, 15, 20, size - 1]) {
      const shifted = (s: number) => referenceOutputs(spec, Float64Array.from(theta, (t, i) => (i === p ? t + s : t)), x, samples);
      const plus = shifted(h);
      const minus = shifted(-h);
      for (let nc = 0; nc < samples * 2; nc++) {
        expect(jacobian[nc * size + p]).toBeCloseTo((plus[nc] - minus[nc]) / (2 * h), 4);
      }
    }
  });
});

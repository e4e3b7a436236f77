import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MlpObjective } from '../networks/objective';
import { useTestBackend } from '../testing/backend';
import { fixtureObjective, loadModelFixture } from '../fixtures/testing/referenceVectors';
import { perturbationIncrease, quadraticPrediction, type BatchLoss } from './perturbation';

/** f(θ) = ½ Σ λ_i θ_i² + bᵀθ, evaluated in float64 at each row (returned as float32, as objectives return losses). */
function quadratic(eigenvalues: readonly number[], linear: readonly number[]): BatchLoss {
  const n = eigenvalues.length;
  return async (batch, count) => {
    const out = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      let value = 0;
      for (let i = 0; i < n; i++) {
        const x = batch[k * n + i];
        value += 0.5 * eigenvalues[i] * x * x + linear[i] * x;
      }
      out[k] = value;
    }
    return out;
  };
}

const EIGENVALUES = Array.from({ length: 20 }, (_, i) => i + 1);
const TRACE = EIGENVALUES.reduce((sum, value) => sum + value, 0);
const TRACE_OF_SQUARE = EIGENVALUES.reduce((sum, value) => sum + value * value, 0);
const ORIGIN = new Float32Array(20);

describe('perturbationIncrease on a quadratic', () => {
  it('is unbiased for every σ: within 5 standard errors of ½σ² tr(H) for ten seeds, with the standard error theory predicts', async () => {
    const loss = quadratic(EIGENVALUES, new Array(20).fill(0));
    const pairs = 400;
    for (let seed = 1; seed <= 10; seed++) {
      // σ = 0.5 is far from small: a quadratic has no higher-order terms to bias the estimate.
      const estimate = await perturbationIncrease(loss, ORIGIN, { sigma: 0.5, pairs, seed });
      const predicted = quadraticPrediction(0.5, TRACE);
      expect(Math.abs(estimate.increase - predicted), `seed ${seed}`).toBeLessThan(5 * estimate.standardError);
      // X = ½ δᵀHδ has variance ½ σ⁴ tr(H²).
      const theory = (0.25 * Math.sqrt(TRACE_OF_SQUARE / 2)) / Math.sqrt(pairs);
      expect(estimate.standardError / theory, `seed ${seed}`).toBeGreaterThan(0.8);
      expect(estimate.standardError / theory, `seed ${seed}`).toBeLessThan(1.2);
      expect(estimate.evaluations).toBe(1 + 2 * pairs);
      expect(estimate.base).toBe(0);
    }
  });

  it('scales exactly as σ²: the same draws at σ = 0.01 and σ = 10 give the same Δ/σ²', async () => {
    const loss = quadratic(EIGENVALUES, new Array(20).fill(0));
    const small = await perturbationIncrease(loss, ORIGIN, { sigma: 0.01, pairs: 64, seed: 3 });
    const large = await perturbationIncrease(loss, ORIGIN, { sigma: 10, pairs: 64, seed: 3 });
    expect(large.increase / 100 / (small.increase / 1e-4)).toBeCloseTo(1, 5);
    expect(large.standardError / 100 / (small.standardError / 1e-4)).toBeCloseTo(1, 5);
  });

  it('cancels the gradient: a steep linear term changes neither the estimate nor its spread (antithetic pairs)', async () => {
    const flat = await perturbationIncrease(quadratic(EIGENVALUES, new Array(20).fill(0)), ORIGIN, { sigma: 0.5, pairs: 200, seed: 8 });
    const tilted = await perturbationIncrease(quadratic(EIGENVALUES, EIGENVALUES.map((_, i) => 30 * (i % 2 === 0 ? 1 : -1))), ORIGIN, {
      sigma: 0.5,
      pairs: 200,
      seed: 8,
    });
    // |gᵀδ| ≈ 67 per draw against ½δᵀHδ ≈ 26: without the pairs the spread would grow fivefold.
    expect(tilted.increase).toBeCloseTo(flat.increase, 3);
    expect(tilted.standardError).toBeCloseTo(flat.standardError, 3);
  });

  it('reports progress per pair, stops when aborted, and refuses a bad σ or pair count', async () => {
    const loss = quadratic(EIGENVALUES, new Array(20).fill(0));
    const progress: number[] = [];
    await perturbationIncrease(loss, ORIGIN, { sigma: 0.1, pairs: 70, seed: 1, pairsPerBatch: 32, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([32, 64, 70]);
    const controller = new AbortController();
    controller.abort();
    await expect(perturbationIncrease(loss, ORIGIN, { sigma: 0.1, pairs: 8, seed: 1, signal: controller.signal })).rejects.toThrow(/abort/i);
    await expect(perturbationIncrease(loss, ORIGIN, { sigma: 0, pairs: 8, seed: 1 })).rejects.toThrow(/σ must be/);
    await expect(perturbationIncrease(loss, ORIGIN, { sigma: 0.1, pairs: 1.5, seed: 1 })).rejects.toThrow(/pair count/);
  });
});

describe('perturbationIncrease on a network', () => {
  const fixture = loadModelFixture('tanh-2-8-1-mse');
  // The float64 reference spectrum: tr(H) = Σ λ_i, independent of the float32 engine.
  const trace = fixture.expected.hessianEigenvalues.reduce((sum, value) => sum + value, 0);
  let objective: MlpObjective;

  beforeAll(async () => {
    await useTestBackend();
    objective = fixtureObjective(fixture);
  });
  afterAll(() => objective.dispose());

  it('matches ½σ² tr(H) of the reference Hessian for small σ, for every seed tried', async () => {
    const sigma = 0.01;
    const predicted = quadraticPrediction(sigma, trace);
    for (const seed of [1, 2, 3, 4]) {
      const estimate = await perturbationIncrease((batch, count) => objective.lossBatch(batch, count), fixture.params, { sigma, pairs: 256, seed });
      // Sampling error (4 standard errors) plus the O(σ⁴) remainder and float32 rounding (3 % of the prediction).
      expect(Math.abs(estimate.increase - predicted), `seed ${seed}`).toBeLessThan(4 * estimate.standardError + 0.03 * Math.abs(predicted));
      expect(estimate.standardError).toBeLessThan(0.2 * Math.abs(predicted));
    }
  });

  it('leaves no tensors behind', async () => {
    // Every tensor of the objective's batched evaluations is made and freed inside lossBatch.
    const before = tf.memory().numTensors;
    await perturbationIncrease((batch, count) => objective.lossBatch(batch, count), fixture.params, { sigma: 0.01, pairs: 40, seed: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

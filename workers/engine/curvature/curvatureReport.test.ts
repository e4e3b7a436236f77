import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { MlpObjective } from '../networks/objective';
import { CurvatureReport } from './curvatureReport';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';

const fixture = loadModelFixture('tanh-2-8-1-mse');
const expected = fixture.expected.hessianEigenvalues;
const scale = Math.max(...expected.map(Math.abs));
let objective: MlpObjective;
withFixtureObjective(fixture, (built) => (objective = built));

describe('CurvatureReport', () => {
  it('estimates the extremes, the trace and the density of the Hessian', async () => {
    const report = new CurvatureReport(objective, fixture.params, 5);
    const n = report.size;
    expect(report.readouts()).toBeNull();
    const before = tf.memory().numTensors;

    const extremes = await report.extremes('hessian', { k: 3, tol: 1e-7 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(extremes.largest.values[i] - expected[i])).toBeLessThan(1e-4 * scale);
      expect(Math.abs(extremes.smallest.values[i] - expected[n - 1 - i])).toBeLessThan(1e-4 * scale);
    }
    // A Hutch++ sketch of n columns spans ℝⁿ: the estimate is the exact trace.
    const trace = await report.trace('hessian', { hutchinsonBudget: 20, hutchPlusPlusBudget: 3 * n, relativeTolerance: 0 });
    expect(Math.abs(trace.hutchPlusPlus.estimate - fixture.expected.hessianTrace)).toBeLessThan(1e-4 * scale);
    // Plain Hutchinson is within a few of its standard errors.
    expect(Math.abs(trace.hutchinson.estimate - fixture.expected.hessianTrace)).toBeLessThan(4 * trace.hutchinson.standardError);

    // Probes until the mean's standard error is 2 % of it (the default request), or a Krylov space grown to all of ℝⁿ.
    const density = await report.density('hessian', { deflationSteps: 20, steps: 10 });
    expect(['tolerance', 'exact']).toContain(density.quadrature.stop);
    expect(density.quadrature.mean.standardError).toBeLessThanOrEqual(0.02 * Math.abs(density.quadrature.mean.estimate));
    expect(density.curves.integral).toBeCloseTo(1, 5);
    expect(Math.abs(density.curves.mean * n - fixture.expected.hessianTrace)).toBeLessThan(0.05 * fixture.expected.hessianTrace);
    expect(density.curves.histogram).toBeNull();
    // Every tensor made by the products is disposed again.
    expect(tf.memory().numTensors).toBe(before);

    const readouts = report.readouts('hessian');
    expect(readouts?.source).toBe('estimated');
    expect(readouts?.lambdaMax).toBeCloseTo(expected[0], 3);
    expect(readouts?.lambdaMin).toBeCloseTo(expected[n - 1], 3);
    expect(readouts?.trace).toBe(trace.hutchPlusPlus.estimate);
  });

  it('switches to exact read-outs and an exact histogram once the exact spectrum is known', async () => {
    const report = new CurvatureReport(objective, fixture.params);
    const n = report.size;
    const spectrum = await report.exactSpectrum('hessian');
    expect(await report.exactSpectrum('hessian')).toBe(spectrum);
    const readouts = report.readouts('hessian');
    expect(readouts?.source).toBe('exact');
    expect(readouts?.lambdaMax).toBeCloseTo(expected[0], 3);
    const negatives = expected.filter((x) => x < -1e-5 * scale).length;
    expect(readouts?.negativeFraction).toBeCloseTo(negatives / n, 12);
    const density = await report.density('hessian', { deflationSteps: 10, runs: 4, steps: 8 });
    expect(density.curves.histogram).not.toBeNull();
    expect(density.curves.exactDensity).not.toBeNull();
  });

  it('gives the curvature along a coordinate axis as the Hessian diagonal entry', async () => {
    const report = new CurvatureReport(objective, fixture.params);
    const n = report.size;
    const dense = (await report.exactSpectrum('hessian')).dense;
    const before = tf.memory().numTensors;
    for (const i of [0, 7, n - 1]) {
      const axis = new Float32Array(n);
      axis[i] = 2; // the length of d does not matter
      expect(await report.curvatureAlong(axis)).toBeCloseTo(dense[i * n + i], 5);
    }
    // Each Hessian-vector product disposes its tensors.
    expect(tf.memory().numTensors).toBe(before);
    await expect(report.curvatureAlong(new Float32Array(3))).rejects.toThrow(/3 entries/);
  });

  it('splits H = G + S exactly for a small network', async () => {
    const report = new CurvatureReport(objective, fixture.params);
    const before = tf.memory().numTensors;
    const split = await report.split();
    // Assembling the dense Hessian and Gauss-Newton matrices leaves no tensor behind.
    expect(tf.memory().numTensors).toBe(before);
    expect(split.method).toBe('exact');
    if (split.method !== 'exact') return;
    // ‖S‖_F² from the entries equals Σ λ(S)² from the eigenvalues.
    const fromEigenvalues = Math.sqrt(split.residualEigenvalues.reduce((s, x) => s + x * x, 0));
    expect(split.residualFrobenius).toBeCloseTo(fromEigenvalues, 6);
    expect(split.residualShare).toBeCloseTo(split.residualFrobenius / split.hessianFrobenius, 12);
    // G is positive semi-definite: its smallest eigenvalue is zero up to float32 rounding.
    expect(split.gaussNewtonEigenvalues.at(-1)!).toBeGreaterThan(-1e-5 * scale);
    expect(split.gaussNewtonEigenvalues[0]).toBeCloseTo(fixture.expected.gaussNewtonEigenvalues[0], 3);
  });

  it('rejects with an AbortError when a part is cancelled', async () => {
    const report = new CurvatureReport(objective, fixture.params);
    const controller = new AbortController();
    const density = report.density('hessian', {
      deflationSteps: 20,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 3) controller.abort();
      },
    });
    await expect(density).rejects.toMatchObject({ name: 'AbortError' });
  });
});

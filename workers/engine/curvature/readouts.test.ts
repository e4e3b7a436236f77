import '../testing/nodeGradients';
import { describe, expect, it } from 'vitest';
import { withFixtureObjective } from '../fixtures/testing/objectiveHooks';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import type { MlpObjective } from '../networks/objective';
import { CurvatureReport } from './curvatureReport';
import { readoutsFromEstimates, readoutsFromSpectrum } from './readouts';

describe('readoutsFromSpectrum', () => {
  it('reads extremes, conditioning, saddle index and trace', () => {
    const readouts = readoutsFromSpectrum(Float64Array.of(8, 2, 0.5, 1e-9, -1e-9, -0.25, -1));
    expect(readouts.lambdaMax).toBe(8);
    expect(readouts.lambdaMin).toBe(-1);
    expect(readouts.conditionNumber).toBe(8);
    // ±1e-9 count as zero: the positive part ends at 0.5, and 2 of 7 are negative.
    expect(readouts.positiveConditionNumber).toBe(16);
    expect(readouts.negativeFraction).toBeCloseTo(2 / 7, 15);
    expect(readouts.trace).toBeCloseTo(8 + 2 + 0.5 - 0.25 - 1, 12);
    expect(readouts.source).toBe('exact');
  });

  it('has no positive part when every eigenvalue is negative', () => {
    expect(readoutsFromSpectrum(Float64Array.of(-1, -2)).positiveConditionNumber).toBeNull();
  });
});

describe('readoutsFromEstimates', () => {
  it('knows the positive conditioning only for a positive spectrum', () => {
    const saddle = readoutsFromEstimates({ lambdaMax: 4, lambdaMin: -2, trace: 3, negativeWeight: 0.3 });
    expect(saddle.conditionNumber).toBe(2);
    expect(saddle.positiveConditionNumber).toBeNull();
    expect(saddle.negativeFraction).toBe(0.3);
    const bowl = readoutsFromEstimates({ lambdaMax: 4, lambdaMin: 0.5, trace: 6 });
    expect(bowl.positiveConditionNumber).toBe(8);
    expect(bowl.negativeFraction).toBeNull();
    expect(bowl.source).toBe('estimated');
  });
});

describe('the estimated saddle index of the Gauss-Newton matrix', () => {
  // A 2-10-10-3 ReLU network with softmax cross-entropy: G = Jᵀ H_L J is positive semi-definite,
  // of rank at most 2 per example, so most of its 173 eigenvalues are zero.
  const fixture = loadModelFixture('relu-2-10-10-3-softmax');
  let objective: MlpObjective;
  withFixtureObjective(fixture, (built) => (objective = built));

  it('is 0 for every seed: the null space’s Ritz values at ±1e-10 are zero, not negative', async () => {
    for (const seed of [0, 1, 2, 3]) {
      const report = new CurvatureReport(objective, fixture.params, seed);
      await report.extremes('gaussNewton', { k: 3 });
      await report.trace('gaussNewton', { hutchinsonBudget: 10, hutchPlusPlusBudget: 30 });
      const density = await report.density('gaussNewton', { deflationSteps: 60, runs: 4, steps: 30 });
      // G is PSD: no node lies clearly below zero, though float32 products leave some a hair below it ...
      const largest = Math.max(...density.quadrature.nodes.map(Math.abs));
      expect(density.quadrature.nodes.every((theta) => theta > -1e-6 * largest)).toBe(true);
      // ... but the read-out, from the nodes and weights with the zero tolerance, sees no negative curvature.
      const readouts = report.readouts('gaussNewton')!;
      expect(readouts.source).toBe('estimated');
      expect(readouts.negativeFraction).toBe(0);
    }
    // The exact spectrum agrees: no eigenvalue of G below the zero tolerance.
    const report = new CurvatureReport(objective, fixture.params);
    await report.exactSpectrum('gaussNewton');
    expect(report.readouts('gaussNewton')!.negativeFraction).toBe(0);
  });
});

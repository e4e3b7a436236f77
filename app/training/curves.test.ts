import { describe, expect, it } from 'vitest';
import type { PackedRunStep } from '../../workers/engine/spec/messages/training';
import { appendToSeries, applyRunStep, curvePlan, emptyRunCurves, emptySeries, withInitialEvaluation } from './curves';
import { batchLabel, runLabels } from '../runs/runLabels';
import { defaultRun } from '../../workers/engine/spec/runs';

const f64 = (...values: number[]) => Float64Array.from(values);

/** A run's share of a batch with the given evaluations and sharpness measurements. */
function packed(evaluationSteps: number[], sharpnessSteps: number[], patch: Partial<PackedRunStep> = {}): PackedRunStep {
  const series = (steps: number[], scale: number) => Float64Array.from(steps, (step) => scale * (step + 1));
  return {
    index: 0,
    id: 'o1',
    firstStep: 1,
    batchLosses: f64(0.5),
    evaluation: {
      steps: Float64Array.from(evaluationSteps),
      trainLoss: series(evaluationSteps, 1),
      testLoss: series(evaluationSteps, 2),
      trainAccuracy: series(evaluationSteps, 0.01),
      testAccuracy: series(evaluationSteps, 0.02),
    },
    sharpness: {
      steps: Float64Array.from(sharpnessSteps),
      lambdaMax: series(sharpnessSteps, 3),
      lambdaMin: series(sharpnessSteps, -1),
      gradientDescentThreshold: Float64Array.from(sharpnessSteps, () => 4),
      momentumThreshold: Float64Array.from(sharpnessSteps, () => Number.NaN),
    },
    stepCount: 10,
    epoch: 0,
    learningRate: 0.5,
    lastUpdate: null,
    rejectedSteps: 0,
    divergedAt: null,
    divergence: null,
    ...patch,
  };
}

describe('appendToSeries', () => {
  it('writes in place, skipping steps it already has', () => {
    const series = emptySeries(4);
    const once = appendToSeries(series, [0, 5], [1, 2]);
    expect(once.steps).toBe(series.steps);
    expect(once.length).toBe(2);
    const twice = appendToSeries(once, [5, 10], [9, 3]);
    expect(Array.from(twice.values.subarray(0, twice.length))).toEqual([1, 2, 3]);
    expect(appendToSeries(twice, [10], [7])).toBe(twice);
  });

  it('moves to arrays twice as large when a run is extended past its plan', () => {
    const series = appendToSeries(emptySeries(2), [0, 1, 2, 3, 4], [10, 11, 12, 13, 14]);
    expect(series.steps.length).toBe(8);
    expect(Array.from(series.values.subarray(0, series.length))).toEqual([10, 11, 12, 13, 14]);
  });
});

describe('run curves', () => {
  it('plan room for every evaluation and measurement of the run', () => {
    expect(curvePlan(500, 10, 0, true, true)).toEqual({ evaluations: 51, sharpness: 0, hasTest: true, hasAccuracy: true });
    expect(curvePlan(1500, 10, 10, false, false).sharpness).toBe(151);
  });

  it('carry accuracy only for classification, sharpness only when tracked', () => {
    const regression = emptyRunCurves({ id: 'a', label: 'A', color: '#ffffff' }, curvePlan(10, 5, 0, false, false));
    expect([regression.trainAccuracy, regression.testAccuracy, regression.sharpness, regression.minEigenvalue]).toEqual([null, null, null, null]);
    const classification = emptyRunCurves({ id: 'a', label: 'A', color: '#ffffff' }, curvePlan(10, 5, 5, true, true));
    expect(classification.trainAccuracy?.steps).toHaveLength(3);
    expect(classification.sharpness?.steps).toHaveLength(3);
  });

  it('take a batch: evaluations, sharpness, the thresholds of the last measurement, the status and a new version', () => {
    const start = withInitialEvaluation(emptyRunCurves({ id: 'o1', label: 'A', color: '#ffffff' }, curvePlan(20, 5, 10, true, true)), {
      trainLoss: 0.7,
      testLoss: 0.8,
      trainAccuracy: 0.5,
      testAccuracy: null,
    });
    expect(start.testAccuracy?.values[0]).toBeNaN();
    // The batch repeats the evaluation at step 0 (a session reports it with its first step): it is not added twice.
    const next = applyRunStep(start, packed([0, 5, 10], [0, 10]), 'running');
    expect(Array.from(next.trainLoss.values.subarray(0, next.trainLoss.length))).toEqual([0.7, 6, 11]);
    expect(Array.from(next.sharpness!.values.subarray(0, next.sharpness!.length))).toEqual([3, 33]);
    expect(Array.from(next.minEigenvalue!.values.subarray(0, 2))).toEqual([-1, -11]);
    expect(next.thresholds).toEqual({ gd: 4 });
    expect([next.status, next.version]).toEqual(['running', start.version + 1]);
    const diverged = applyRunStep(next, packed([], [], { divergedAt: 12, divergence: 'Run "o1" diverged at step 12' }), 'diverged');
    expect([diverged.status, diverged.message, diverged.thresholds]).toEqual(['diverged', 'Run "o1" diverged at step 12', { gd: 4 }]);
  });
});

describe('runLabels', () => {
  it('names the optimizer and the batch, numbering runs that would look alike', () => {
    const runs = [defaultRun('network', 'sgd', 0, [], 8), defaultRun('network', 'adam', 1, ['o1']), defaultRun('network', 'adam', 2, ['o1', 'o2'])];
    expect(runLabels(runs)).toEqual(['Gradient descent, batch 8', 'Adam, full batch 1', 'Adam, full batch 2']);
    expect(batchLabel(0)).toBe('full batch');
  });
});

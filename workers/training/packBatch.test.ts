import { describe, expect, it } from 'vitest';
import type { RunStepResult } from '../engine/training/runs';
import type { StepReport } from '../engine/optimizers/optimizerTypes';
import { packRunStep } from './packBatch';

const firstOrder: StepReport = { lr: 0.1, accepted: true, ratio: null, radius: null, damping: null, cgIterations: null, curvatureProducts: 0 };

/** A run's results of three updates starting at step 11, with the given reports. */
function runWith(reports: StepReport[]): RunStepResult {
  return {
    index: 0,
    id: 'o1',
    firstStep: 11,
    batchLosses: [0.3, 0.2, 0.1],
    reports,
    evaluations: [],
    sharpness: [],
    stepCount: 13,
    epoch: 0,
    divergedAt: null,
    divergence: null,
  } as unknown as RunStepResult;
}

describe('packRunStep: the last update of a curvature-based run', () => {
  it('carries a trust region’s ρ and radius of the last update, and counts rejected updates', () => {
    const trustRegion = (accepted: boolean, ratio: number, radius: number): StepReport => ({
      lr: null, accepted, ratio, radius, damping: null, cgIterations: 4, curvatureProducts: 5,
    });
    const packed = packRunStep(runWith([trustRegion(true, 0.9, 2), trustRegion(false, -0.3, 0.5), trustRegion(true, 0.6, 0.5)]));
    expect(packed.lastUpdate).toEqual({ step: 13, accepted: true, ratio: 0.6, radius: 0.5, damping: null, cgIterations: 4 });
    expect(packed.rejectedSteps).toBe(1);
  });

  it('reports nothing beyond the learning rate for a first-order run', () => {
    const packed = packRunStep(runWith([firstOrder, firstOrder, firstOrder]));
    expect(packed.lastUpdate).toBeNull();
    expect(packed.rejectedSteps).toBe(0);
    expect(packed.learningRate).toBe(0.1);
  });
});

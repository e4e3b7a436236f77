import { describe, expect, it } from 'vitest';
import { TARGET_BATCH_MS, batchStepCount, paceDelay, pacedStepCount } from './trainingSession';

describe('the training pace', () => {
  it('unpaced (0 steps/s), batches are sized by the measured step time alone', () => {
    expect(pacedStepCount(0.5, 10_000, 0)).toBe(batchStepCount(0.5, 10_000));
    expect(paceDelay(200, 0, 0, 5)).toBe(0);
  });

  it('at a pace, a batch holds the steps of one batch interval and the loop waits out the rest of their time', () => {
    // 60 steps/s: 6 steps per 100 ms batch, even when the worker could do 200.
    expect(TARGET_BATCH_MS).toBe(100);
    expect(pacedStepCount(0.5, 10_000, 60)).toBe(6);
    // Never more than remain, never fewer than one.
    expect(pacedStepCount(0.5, 4, 60)).toBe(4);
    expect(pacedStepCount(0.5, 10_000, 1)).toBe(1);
    // Slow steps: the measured time wins over the pace.
    expect(pacedStepCount(50, 10_000, 60)).toBe(2);
    // 6 steps at 60/s take 100 ms: begun at t = 1000 and done at 1012, wait 88 ms; a late batch waits nothing.
    expect(paceDelay(6, 60, 1000, 1012)).toBeCloseTo(88, 9);
    expect(paceDelay(6, 60, 1000, 1150)).toBe(0);
  });
});

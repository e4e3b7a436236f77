import { describe, expect, it } from 'vitest';
import { trainingScheduleProblems } from './networkRuns';
import { NETWORK_TRAINING_LIMITS } from './limits';

describe('trainingScheduleProblems', () => {
  it('accepts the defaults and names a bad interval with its range', () => {
    const { evalEvery, sharpnessEvery } = NETWORK_TRAINING_LIMITS;
    expect(trainingScheduleProblems({ evalEvery: evalEvery.default, sharpnessEvery: sharpnessEvery.default })).toEqual([]);
    expect(trainingScheduleProblems({ evalEvery: 0, sharpnessEvery: 0 })).toEqual([
      'evalEvery must be an integer from 1 to 1000, got 0',
    ]);
    expect(trainingScheduleProblems({ evalEvery: 10, sharpnessEvery: 1.5 })).toEqual([
      'sharpnessEvery must be an integer from 0 (off) to 1000, got 1.5',
    ]);
  });
});

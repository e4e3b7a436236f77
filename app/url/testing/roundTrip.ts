/**
 * Test helper: the round trip every link must survive, for the tests of
 * the URL fields.
 */
import { expect } from 'vitest';
import { validateExperiment, type Experiment } from '../../../workers/engine/spec/experiment';
import { experimentToHash, hashToExperiment } from '../hash';

/**
 * Checks that `experiment` is valid, that its link reads back to exactly
 * the same experiment without messages, and that writing that again gives
 * the same text; returns the link.
 */
export function expectExactRoundTrip(experiment: Experiment): string {
  expect(validateExperiment(experiment)).toEqual([]);
  const hash = experimentToHash(experiment);
  const parsed = hashToExperiment(`#${hash}`);
  expect(parsed.messages).toEqual([]);
  expect(parsed.experiment).toEqual(experiment);
  // Stable: writing the result again gives the same text.
  expect(experimentToHash(parsed.experiment)).toBe(hash);
  return hash;
}

/**
 * Link compatibility: every link of `links.json` (recorded once from the
 * code of the time, see recordLinks.ts) must open to the same experiment,
 * with the same messages, and serialise back to the same text. The default
 * experiments and the presets must still serialise to the links recorded for them.
 *
 * The messages are compared as a collection of sentences: the one run codec
 * reports a value refused by the optimizer's rules after the entry's other
 * remarks (as network links always did, since rules joining two fields can
 * only be judged once every value is read), so an analytic entry with both
 * kinds of fault lists them in another order than when it was recorded.
 */
import { describe, expect, it } from 'vitest';
import { experimentToHash, hashToExperiment } from '../hash';
import recorded from './links.json';
import { compatibilityLinks } from './links';

describe('link compatibility', () => {
  it('serialises the default experiments and every preset to the links recorded for them, and lists the same links', () => {
    expect(compatibilityLinks()).toEqual(recorded.map((record) => record.link));
  });

  it.each(recorded.map((record, index) => [index, record] as const))('link %i opens to the recorded experiment and serialises back to the recorded text', (_, record) => {
    const { experiment, messages } = hashToExperiment(record.link);
    // Through JSON, as recorded (fields that are undefined are absent there).
    expect(JSON.parse(JSON.stringify(experiment))).toEqual(record.experiment);
    expect([...messages].sort()).toEqual([...record.messages].sort());
    expect(experimentToHash(experiment)).toBe(record.serialised);
  });
});

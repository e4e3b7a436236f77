import { describe, expect, it } from 'vitest';
import { hashToExperiment } from '../url/hash';
import { TOURS } from './index';
import { readTourPlace, stepLink, tourPairs, withTourPlace } from './tourLink';

describe('tour links', () => {
  it('gives each step a link that reads back to its experiment and its place, without messages', () => {
    for (const tour of TOURS) {
      tour.steps.forEach((step, index) => {
        const link = stepLink(tour, index);
        const messages: string[] = [];
        expect(readTourPlace(link, messages)).toEqual({ tourId: tour.id, step: index });
        const parsed = hashToExperiment(link);
        expect([...messages, ...parsed.messages]).toEqual([]);
        expect(parsed.experiment).toEqual(hashToExperiment(step.link).experiment);
      });
    }
  });

  it('writes the place after the experiment, steps counted from 1', () => {
    expect(tourPairs({ tourId: 'saddles', step: 2 })).toBe('tour=saddles&step=3');
    expect(withTourPlace('v=1&f=saddle', { tourId: 'saddles', step: 0 })).toBe('v=1&f=saddle&tour=saddles&step=1');
    expect(withTourPlace('v=1', null)).toBe('v=1');
    expect(withTourPlace('', { tourId: 'saddles', step: 0 })).toBe('tour=saddles&step=1');
  });

  it('reads no place and says nothing without tour keys', () => {
    const messages: string[] = [];
    expect(readTourPlace('#v=1&f=saddle', messages)).toBeNull();
    expect(messages).toEqual([]);
  });

  it('explains an unknown tour, a step out of range or garbage, and a step without a tour', () => {
    const messages: string[] = [];
    expect(readTourPlace('tour=nope&step=1', messages)).toBeNull();
    expect(readTourPlace('tour=saddles&step=99', messages)).toEqual({ tourId: 'saddles', step: 0 });
    expect(readTourPlace('tour=saddles&step=<b>', messages)).toEqual({ tourId: 'saddles', step: 0 });
    expect(readTourPlace('step=2', messages)).toBeNull();
    expect(readTourPlace('tour=saddles', messages)).toEqual({ tourId: 'saddles', step: 0 });
    expect(messages).toHaveLength(4);
    expect(messages[0]).toContain('no such tour');
    expect(messages[1]).toContain('from 1 to 3');
    expect(messages[3]).toContain('names no tour');
  });
});

import { describe, expect, it } from 'vitest';
import { checkedTour } from './checkedTour';
import { TOURS } from './index';

const step = { title: 'A step', link: 'f=rosenbrock', text: 'Some words.', notice: 'Look here.' };

describe('checkedTour', () => {
  it('takes every tour file as it is', () => {
    for (const tour of TOURS) expect(checkedTour(structuredClone(tour), tour.id)).toEqual(tour);
  });

  it.each([
    ['not an object', 42, 'not an object'],
    ['no steps', { id: 't', title: 'T', summary: 'S', steps: [] }, 'no steps'],
    ['a step without its text', { id: 't', title: 'T', summary: 'S', steps: [{ ...step, text: '' }] }, 'step 1: no text'],
    ['an unknown action', { id: 't', title: 'T', summary: 'S', steps: [{ ...step, actions: [{ kind: 'dance' }] }] }, 'step 1: actions must be of the kinds run, slice, spectrum'],
    ['an unknown claim', { id: 't', title: 'T', summary: 'S', steps: [{ ...step, claims: [{ kind: 'isPretty', run: 'o1' }] }] }, 'step 1, claim 1: not a known claim'],
    ['a claim without its number', { id: 't', title: 'T', summary: 'S', steps: [{ ...step, claims: [{ kind: 'converges', run: 'o1' }] }] }, 'step 1, claim 1: below must be a number'],
    ['a claim with a bad point', { id: 't', title: 'T', summary: 'S', steps: [{ ...step, claims: [{ kind: 'endsNear', run: 'o1', point: [0], tolerance: 1 }] }] }, 'step 1, claim 1: point must be a point [x, y]'],
  ])('refuses %s, naming the fault', (_what, data, fault) => {
    expect(() => checkedTour(data, 'bad.json')).toThrow(`The tour bad.json is malformed: ${fault}`);
  });
});

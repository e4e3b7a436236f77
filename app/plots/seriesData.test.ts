import { describe, expect, it } from 'vitest';
import { finiteExtent, joinStepSeries, lengthsSignature, unionOfSteps, valuesAtSteps } from './seriesData';
import type { StepSeries } from './types';

/** A series with spare capacity beyond `length`, as the store grows them in place. */
function series(steps: number[], values: number[], capacity = steps.length + 3): StepSeries {
  const s = new Float64Array(capacity).fill(-1);
  const v = new Float64Array(capacity).fill(-1);
  s.set(steps);
  v.set(values);
  return { steps: s, values: v, length: steps.length };
}

describe('unionOfSteps', () => {
  it('merges the series’ steps in order without repeats, ignoring spare capacity', () => {
    expect(Array.from(unionOfSteps([series([0, 1, 2, 3], [1, 1, 1, 1]), null, series([0, 2, 4], [1, 1, 1])]))).toEqual([0, 1, 2, 3, 4]);
    expect(unionOfSteps([]).length).toBe(0);
  });
});

describe('valuesAtSteps', () => {
  const steps = Float64Array.from([0, 1, 2, 3, 4]);

  it('places values at their steps and leaves other steps undefined (the line spans them)', () => {
    expect(valuesAtSteps(series([0, 2, 4], [5, 6, 7]), steps)).toEqual([5, undefined, 6, undefined, 7]);
  });

  it('turns non-finite values into null (a gap)', () => {
    expect(valuesAtSteps(series([0, 1, 2], [5, NaN, Infinity]), steps)).toEqual([5, null, null, undefined, undefined]);
  });

  it('drops values ≤ 0 for a log axis', () => {
    expect(valuesAtSteps(series([0, 1], [0, 0.5]), steps, true)).toEqual([null, 0.5, undefined, undefined, undefined]);
  });

  it('leaves out, on a log axis, values it cannot place', () => {
    expect(valuesAtSteps(series([0, 1, 2, 3], [1e-36, 1e-20, 1e20, 1e25]), steps, true)).toEqual([null, 1e-20, 1e20, null, undefined]);
    expect(valuesAtSteps(series([0, 1], [1e-36, -1e25]), steps, false)).toEqual([1e-36, -1e25, undefined, undefined, undefined]);
  });

  it('gives an absent series all undefined', () => {
    expect(valuesAtSteps(null, steps)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('joinStepSeries', () => {
  it('aligns train loss every step with test loss every other step', () => {
    const data = joinStepSeries([series([0, 1, 2], [3, 2, 1]), series([0, 2], [4, 3])]);
    expect(Array.from(data[0] as Float64Array)).toEqual([0, 1, 2]);
    expect(data[1]).toEqual([3, 2, 1]);
    expect(data[2]).toEqual([4, undefined, 3]);
  });
});

describe('helpers', () => {
  it('finiteExtent looks only at the filled part', () => {
    expect(finiteExtent([series([0, 1], [0.5, NaN]), series([0], [0.25]), null]).min).toBe(0.25);
    // The spare capacity holds −1, which must not count.
    expect(finiteExtent([series([0], [2])]).min).toBe(2);
    expect(finiteExtent([]).min).toBe(Infinity);
    expect(finiteExtent([series([0, 1, 2], [0.5, Infinity, 3]), series([0], [-1])])).toEqual({ min: -1, max: 3 });
    expect(finiteExtent([]).max).toBe(-Infinity);
  });

  it('lengthsSignature changes when a series grows', () => {
    const s = series([0], [1]);
    const before = lengthsSignature([s, null]);
    s.length = 2;
    expect(lengthsSignature([s, null])).not.toBe(before);
  });
});

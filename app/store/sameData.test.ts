import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment } from '../../workers/engine/spec/experiment';
import { sameData } from './sameData';

describe('sameData', () => {
  it('compares nested data by value, whatever the key order', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(0, '0')).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });

  it('takes NaN as equal to itself and an undefined value as an absent key', () => {
    expect(sameData({ x: Number.NaN }, { x: Number.NaN })).toBe(true);
    expect(sameData({ x: 1, y: undefined }, { x: 1 })).toBe(true);
    expect(sameData({ x: 1, y: 0 }, { x: 1 })).toBe(false);
  });

  it('compares typed arrays by identity: they are results, not settings', () => {
    const values = Float32Array.of(1, 2);
    expect(sameData({ values }, { values })).toBe(true);
    expect(sameData({ values }, { values: Float32Array.of(1, 2) })).toBe(false);
  });

  it('finds a copy of an experiment equal, and an edited copy not', () => {
    for (const experiment of [defaultExperiment(), defaultNetworkExperiment()]) {
      const copy = structuredClone(experiment);
      expect(sameData(copy, experiment)).toBe(true);
      copy.steps += 1;
      expect(sameData(copy, experiment)).toBe(false);
    }
  });
});

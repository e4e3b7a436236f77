import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { uniformMeasure, wasserstein1 } from './wasserstein';

describe('wasserstein1', () => {
  it('has the closed forms of point masses and shifts', () => {
    expect(wasserstein1({ nodes: [0], weights: [1] }, { nodes: [1], weights: [1] })).toBeCloseTo(1, 14);
    expect(wasserstein1({ nodes: [0, 2], weights: [0.5, 0.5] }, { nodes: [1], weights: [3] })).toBeCloseTo(1, 14);
    const values = new Rng(1).fillNormal(new Float64Array(30));
    const shifted = values.map((v) => v + 0.7);
    expect(wasserstein1(uniformMeasure(values), uniformMeasure(shifted))).toBeCloseTo(0.7, 12);
    expect(wasserstein1(uniformMeasure(values), uniformMeasure(values))).toBe(0);
  });

  it('equals the mean gap between sorted samples for two empirical measures of one size, and is symmetric', () => {
    const rng = new Rng(2);
    const a = rng.fillNormal(new Float64Array(25));
    const b = rng.fillNormal(new Float64Array(25), 0.3, 2);
    const sortedA = [...a].sort((x, y) => x - y);
    const sortedB = [...b].sort((x, y) => x - y);
    const expected = sortedA.reduce((s, v, i) => s + Math.abs(v - sortedB[i]), 0) / 25;
    expect(wasserstein1(uniformMeasure(a), uniformMeasure(b))).toBeCloseTo(expected, 12);
    expect(wasserstein1(uniformMeasure(b), uniformMeasure(a))).toBeCloseTo(expected, 12);
  });

  it('rejects negative weights and empty measures', () => {
    expect(() => wasserstein1({ nodes: [0], weights: [-1] }, { nodes: [1], weights: [1] })).toThrow(/weights/);
    expect(() => wasserstein1({ nodes: [0], weights: [0] }, { nodes: [1], weights: [1] })).toThrow(/mass/);
  });
});

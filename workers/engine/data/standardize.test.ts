import { describe, expect, it } from 'vitest';
import { applyScaling, fitScaling, standardizeSplit } from './standardize';
import type { Dataset } from './types';

function table(rows: number[][]): Dataset {
  return {
    x: Float32Array.from(rows.flat()), n: rows.length, inputDim: rows[0].length,
    y: new Float32Array(rows.length), outputDim: 1, task: 'regression',
  };
}

function column(d: Dataset, k: number): number[] {
  return Array.from({ length: d.n }, (_, i) => d.x[i * d.inputDim + k]);
}

describe('standardisation', () => {
  it('fits the mean and population standard deviation of each feature', () => {
    const s = fitScaling(table([[1, 10], [2, 10], [3, 10], [6, 10]]));
    expect(Array.from(s.mean)).toEqual([3, 10]);
    // Population variance of 1, 2, 3, 6: (4 + 1 + 0 + 9) / 4 = 3.5; a constant feature gets 1.
    expect(s.std[0]).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(s.std[1]).toBe(1);
  });

  it('gives the training split mean 0 and std 1, and applies the same map to the test split', () => {
    const train = table([[1, -4], [2, 0], [4, 2], [9, 10]]);
    const test = table([[3, 3], [10, -10]]);
    const { train: z, test: zt, scaling } = standardizeSplit(train, test);
    for (let k = 0; k < 2; k++) {
      const values = column(z, k);
      const mean = values.reduce((a, b) => a + b) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      expect(mean).toBeCloseTo(0, 6);
      expect(variance).toBeCloseTo(1, 5);
    }
    // The test split uses the training statistics, not its own.
    expect(zt.x[0]).toBeCloseTo((3 - scaling.mean[0]) / scaling.std[0], 6);
    expect(zt.x[3]).toBeCloseTo((-10 - scaling.mean[1]) / scaling.std[1], 6);
    // The raw data are untouched.
    expect(Array.from(train.x)).toEqual([1, -4, 2, 0, 4, 2, 9, 10]);
  });

  it('refuses a scaling of the wrong width and an empty data set', () => {
    const s = fitScaling(table([[1, 2]]));
    expect(() => applyScaling(table([[1, 2, 3]]), s)).toThrow(/2 features, data set has 3/);
    expect(() => fitScaling({ ...table([[1]]), n: 0, x: new Float32Array(0) })).toThrow(/empty/);
  });
});

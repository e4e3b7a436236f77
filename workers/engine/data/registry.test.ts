import { describe, expect, it } from 'vitest';
import { makeDataset, prepareDataset } from './registry';
import { DATASETS, DATASET_NAMES, isDatasetName } from '../spec/datasets';

describe('data-set registry', () => {
  it('makes every data set with its defaults, matching the declared task and input width', () => {
    for (const name of DATASET_NAMES) {
      const spec = DATASETS[name];
      expect(spec.name).toBe(name);
      const d = makeDataset(name, {}, 1);
      expect(d.inputDim).toBe(spec.inputDim);
      if (spec.task === 'regression') expect(d.task).toBe('regression');
      else expect(['binary', 'multiclass']).toContain(d.task);
      for (const option of spec.options) {
        expect(option.default).toBeGreaterThanOrEqual(option.min);
        expect(option.default).toBeLessThanOrEqual(option.max);
        if (option.integer) expect(option.step).toBe(1);
      }
      const n = spec.options.find((o) => o.key === 'n');
      if (n) expect(d.n).toBe(n.default);
    }
  });

  it('passes options through and validates names and keys', () => {
    const d = makeDataset('blobs', { n: 60, classes: 5 }, 2);
    expect(d.n).toBe(60);
    expect(d.outputDim).toBe(5);
    expect(isDatasetName('moons')).toBe(true);
    expect(isDatasetName('toString')).toBe(false);
    expect(() => makeDataset('mnist', {}, 1)).toThrow("unknown data set 'mnist' (expected one of: spiral, circles,");
    expect(() => makeDataset('spiral', { arms: 3 }, 1)).toThrow("spiral: unknown option 'arms' (expected: n, classes, turns, noise)");
  });

  it('prepares iris standardised on the training split: train mean 0, std 1; test on the same map', () => {
    const { train, test, scaling, testRows } = prepareDataset('iris', {}, 3, 0.2);
    expect(train.n).toBe(120);
    expect(test.n).toBe(30);
    expect(scaling).not.toBeNull();
    const raw = makeDataset('iris', {}, 3);
    for (let k = 0; k < 4; k++) {
      let s = 0, s2 = 0;
      for (let i = 0; i < train.n; i++) s += train.x[i * 4 + k];
      const mean = s / train.n;
      for (let i = 0; i < train.n; i++) s2 += (train.x[i * 4 + k] - mean) ** 2;
      expect(mean).toBeCloseTo(0, 5);
      expect(Math.sqrt(s2 / train.n)).toBeCloseTo(1, 5);
      // The first test row, standardised with the training statistics.
      const rawValue = raw.x[testRows[0] * 4 + k];
      expect(test.x[k]).toBeCloseTo((rawValue - scaling!.mean[k]) / scaling!.std[k], 5);
    }
  });

  it('leaves synthetic data in its own units', () => {
    const prepared = prepareDataset('circles', { n: 100, noise: 0 }, 1, 0.2);
    expect(prepared.scaling).toBeNull();
    const raw = makeDataset('circles', { n: 100, noise: 0 }, 1);
    expect(prepared.train.x[0]).toBe(raw.x[2 * prepared.trainRows[0]]);
  });
});

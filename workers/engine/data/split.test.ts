import { describe, expect, it } from 'vitest';
import { makeBlobs, makeSpiral } from './classification2d';
import { labelsOf } from './labels';
import { makeSine } from './regression';
import { trainTestSplit } from './split';

describe('trainTestSplit', () => {
  it('splits the rows into two disjoint sets covering all of them, of the right sizes', () => {
    const d = makeSpiral({ n: 200, classes: 3 }, 1);
    const { train, test, trainRows, testRows } = trainTestSplit(d, 0.25, 5);
    expect(testRows.length).toBe(50);
    expect(trainRows.length).toBe(150);
    expect(train.n).toBe(150);
    expect(test.n).toBe(50);
    const all = [...trainRows, ...testRows].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // Rows are carried over intact: inputs and labels of each split row match the source row.
    const labels = labelsOf(d);
    testRows.forEach((row, r) => {
      expect(test.x[2 * r]).toBe(d.x[2 * row]);
      expect(test.x[2 * r + 1]).toBe(d.x[2 * row + 1]);
      expect(test.y[r]).toBe(labels[row]);
    });
  });

  it('keeps the class proportions in both splits (stratified)', () => {
    const d = makeBlobs({ n: 300, classes: 3 }, 2);
    const { train, test } = trainTestSplit(d, 0.2, 9);
    const count = (labels: Int32Array, c: number) => labels.filter((l) => l === c).length;
    for (let c = 0; c < 3; c++) {
      expect(count(labelsOf(test), c)).toBe(20);
      expect(count(labelsOf(train), c)).toBe(80);
    }
  });

  it('hits the rounded total exactly when the classes do not divide evenly', () => {
    const d = makeSpiral({ n: 101, classes: 4 }, 3);
    const { test } = trainTestSplit(d, 0.3, 1);
    expect(test.n).toBe(Math.round(101 * 0.3));
  });

  it('keeps binary targets as 0/1 floats and splits regression data as one group', () => {
    const binary = trainTestSplit(makeSpiral({ n: 40 }, 1), 0.5, 1);
    expect(binary.test.y).toBeInstanceOf(Float32Array);
    expect(binary.test.task).toBe('binary');
    expect(Array.from(binary.test.y).filter((v) => v === 1).length).toBe(10);
    const regression = trainTestSplit(makeSine({ n: 50 }, 1), 0.2, 1);
    expect(regression.test.n).toBe(10);
    expect(regression.train.y.length).toBe(40);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const d = makeSpiral({ n: 100 }, 1);
    const a = Array.from(trainTestSplit(d, 0.3, 4).testRows);
    expect(Array.from(trainTestSplit(d, 0.3, 4).testRows)).toEqual(a);
    expect(Array.from(trainTestSplit(d, 0.3, 5).testRows)).not.toEqual(a);
  });

  it('leaves every class at least one training row and accepts an empty test set', () => {
    const d = makeSpiral({ n: 6, classes: 6 }, 1);
    const { train } = trainTestSplit(d, 0.9, 1);
    expect(new Set(labelsOf(train)).size).toBe(6);
    const none = trainTestSplit(d, 0, 1);
    expect(none.test.n).toBe(0);
    expect(none.train.n).toBe(6);
  });

  it('rejects a fraction outside [0, 0.9]', () => {
    const d = makeSpiral({}, 1);
    expect(() => trainTestSplit(d, 0.95, 1)).toThrow('trainTestSplit: testFraction must be in [0, 0.9], got 0.95');
    expect(() => trainTestSplit(d, -0.1, 1)).toThrow(/testFraction/);
    expect(() => trainTestSplit(d, Number.NaN, 1)).toThrow(/testFraction/);
  });
});

import { describe, expect, it } from 'vitest';
import { lineSliceData, sliceQuantities, visibleMarks } from './lineSliceData';
import { lineSlice as slice } from '../plots/testing/lineSlice';

describe('lineSliceData', () => {
  it('shares α as x and leaves samples not yet computed as gaps', () => {
    const { data, quantities } = lineSliceData(slice());
    expect(quantities).toEqual(['trainLoss']);
    expect(Array.from(data[0] as Float64Array)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(data[1]).toEqual([2, 1, null, null, null]);
  });

  it('adds the columns that are present, in a fixed order', () => {
    const full = slice({ testLoss: Float32Array.from([3, 2, 1, 0, 0]), testAccuracy: Float32Array.from([0.5, 0.5, 0.75, 1, 1]) });
    expect(sliceQuantities(full)).toEqual(['trainLoss', 'testLoss', 'testAccuracy']);
    const { data } = lineSliceData(full);
    expect(data.length).toBe(4);
    expect(data[3]).toEqual([0.5, 0.5, 0.75, 1, 1]);
  });

  it('drops losses ≤ 0 on a log axis but keeps accuracies of 0', () => {
    const withZeros = slice({ trainLoss: Float32Array.from([0, 1, 1, 1, 1]), trainAccuracy: Float32Array.from([0, 1, 1, 1, 1]) });
    const { data } = lineSliceData(withZeros, true);
    expect(data[1]).toEqual([null, 1, 1, 1, 1]);
    expect(data[2]).toEqual([0, 1, 1, 1, 1]);
  });
});

describe('visibleMarks', () => {
  it('keeps the marks inside the sampled α range', () => {
    const marks = [
      { alpha: 0, label: 'θ_A' },
      { alpha: 2, label: 'outside' },
      { alpha: 1.5, label: 'edge' },
    ];
    expect(visibleMarks(slice({ marks })).map((m) => m.label)).toEqual(['θ_A', 'edge']);
    expect(visibleMarks(slice({ alphas: new Float64Array(0) }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { rangeIncluding, thresholdLines } from './stabilityThresholds';

describe('thresholdLines', () => {
  it('draws 2/η, and 2(1+β)/η for momentum, unnamed for a single run', () => {
    // η = 0.1, β = 0.9: 2/η = 20, 2(1 + β)/η = 38.
    const lines = thresholdLines([{ label: 'o1', color: '#ff0000', thresholds: { gd: 20, momentum: 38 } }]);
    expect(lines).toEqual([
      { value: 20, kind: 'gd', label: '2/η = 20', color: '#ff0000' },
      { value: 38, kind: 'momentum', label: '2(1+β)/η = 38', color: '#ff0000' },
    ]);
  });

  it('merges runs with the same threshold into one line that names them', () => {
    const lines = thresholdLines([
      { label: 'o1', color: '#ff0000', thresholds: { gd: 20 } },
      { label: 'o2', color: '#00ff00', thresholds: { gd: 20 } },
      { label: 'o3', color: '#0000ff', thresholds: { gd: 2 / 0.3 } },
      { label: 'o4', color: '#ffffff', thresholds: null },
    ]);
    expect(lines.map((line) => line.label)).toEqual(['2/η = 20 (o1, o2)', '2/η = 6.67 (o3)']);
    expect(lines[0].color).toBe('#ff0000');
  });
});

describe('rangeIncluding', () => {
  it('covers the data and the extra values with padding', () => {
    // Data [0, 5], threshold 20: span 20, 5 % padding = 1.
    expect(rangeIncluding(0, 5, [20])).toEqual([-1, 21]);
    expect(rangeIncluding(null, null, [10, 30], 0)).toEqual([10, 30]);
  });

  it('handles a single value and no values', () => {
    expect(rangeIncluding(4, 4, [])).toEqual([2, 6]);
    expect(rangeIncluding(0, 0, [])).toEqual([-1, 1]);
    expect(rangeIncluding(null, null, [])).toEqual([0, 1]);
  });
});

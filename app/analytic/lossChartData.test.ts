import { describe, expect, it } from 'vitest';
import type { PathView } from '../scene/types';
import { formatTick, lossChartData } from './lossChartData';

function path(losses: number[], capacity = 10): PathView {
  const buffer = new Float64Array(capacity);
  buffer.set(losses);
  return {
    id: `p${losses.length}`,
    label: 'p',
    color: '#fff',
    points: new Float64Array(2 * capacity),
    losses: buffer,
    length: losses.length,
    status: 'running',
    version: 1,
  };
}

describe('lossChartData', () => {
  it('aligns every path on step numbers up to the longest one', () => {
    const a = path([5, 4, 3]);
    const b = path([5, 2]);
    const { data, minLoss } = lossChartData([a, b], false);
    expect(Array.from(data[0] as ArrayLike<number>)).toEqual([0, 1, 2]);
    expect(Array.from(data[1] as ArrayLike<number>)).toEqual([5, 4, 3]);
    expect(Array.from(data[2] as ArrayLike<number>)).toEqual([5, 2]);
    expect(minLoss).toBe(2);
  });

  it('reads the paths’ own buffers instead of copying them', () => {
    const a = path([5, 4, 3]);
    const { data } = lossChartData([a], false);
    expect((data[1] as Float64Array).buffer).toBe(a.losses.buffer);
    a.losses[1] = 99;
    expect((data[1] as Float64Array)[1]).toBe(99);
  });

  it('ignores the unused tail of the preallocated buffers', () => {
    const a = path([5, 4], 100);
    const { data, minLoss } = lossChartData([a], true);
    expect((data[0] as Float64Array).length).toBe(2);
    expect(minLoss).toBe(4); // the zeros after `length` do not count
  });

  it('allows a log axis only when every loss is positive', () => {
    expect(lossChartData([path([1, 0.1, 0.01])], true).logY).toBe(true);
    expect(lossChartData([path([1, 0.1, 0.01])], false).logY).toBe(false);
    expect(lossChartData([path([1, -0.5])], true).logY).toBe(false);
    expect(lossChartData([path([1, 0])], true).logY).toBe(false);
  });

  it('handles no paths and empty paths', () => {
    const { data, minLoss } = lossChartData([path([])], true);
    expect((data[0] as Float64Array).length).toBe(0);
    expect(minLoss).toBe(Infinity);
  });
});

describe('formatTick', () => {
  it('writes ordinary numbers with at most 3 significant digits', () => {
    expect(formatTick(12.3456)).toBe('12.3');
    expect(formatTick(0.05)).toBe('0.05');
    expect(formatTick(2500)).toBe('2500');
    expect(formatTick(1234.5)).toBe('1230');
    expect(formatTick(-3)).toBe('-3');
    expect(formatTick(0)).toBe('0');
  });

  it('switches to powers of ten for very large and very small magnitudes', () => {
    expect(formatTick(1e6)).toBe('1e+6');
    expect(formatTick(2.5e-3)).toBe('2.5e-3');
    expect(formatTick(-1.234e10)).toBe('-1.23e+10');
    expect(formatTick(10_000)).toBe('1e+4');
  });
});

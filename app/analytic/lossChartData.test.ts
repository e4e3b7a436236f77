import { describe, expect, it } from 'vitest';
import type { PathView } from '../scene/types';
import { fitsLogAxis } from '../plots/axisScale';
import { lossChartData } from './lossChartData';

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

  it('falls back to a linear axis, with a note, for losses a log axis cannot show', () => {
    // Newton on the quadratic: 2.5, 1.7e-12, 1.7e-24, 1.7e-30, 1.7e-36, then exactly 0 at step 8.
    const newton = [2.5, 1.72e-12, 1.72e-24, 1.71e-30, 1.71e-36];
    expect(lossChartData([path(newton)], true)).toMatchObject({ logY: false, note: 'linear: some losses are below 1e-20' });
    expect(lossChartData([path([...newton, 0])], true)).toMatchObject({ logY: false, note: 'linear: some losses are ≤ 0' });
    expect(lossChartData([path([3, -1e12])], true)).toMatchObject({ logY: false, note: 'linear: some losses are ≤ 0' });
    expect(lossChartData([path([3, -1e12])], false)).toMatchObject({ logY: false, note: null });
    expect(lossChartData([path([1, 0.1])], true).note).toBeNull();
  });

  it('turns non-finite losses into gaps instead of handing them to the chart', () => {
    const diverged = path([1, 1e30, Infinity, NaN]);
    const finite = path([2, 1]);
    const { data, logY, minLoss } = lossChartData([diverged, finite], false);
    expect(logY).toBe(false);
    expect(minLoss).toBe(1);
    expect(Array.from(data[1] as ArrayLike<number | null>)).toEqual([1, 1e30, null, null]);
    // A path whose every loss can be drawn is still read in place.
    expect((data[2] as Float64Array).buffer).toBe(finite.losses.buffer);
  });

  it('never gives the chart a value its axis cannot place', () => {
    const cases = [[2.5, 1e-36], [2.5, 0], [-1e12, 3], [1, Infinity], [NaN, 5], [1e25, 1], [1e-12, 1e12], [3.2]];
    for (const losses of cases) {
      for (const wantLog of [false, true]) {
        const { data, logY } = lossChartData([path(losses), path([1, 2])], wantLog);
        for (const column of data.slice(1)) {
          for (const value of Array.from(column as ArrayLike<number | null>)) {
            if (value === null) continue;
            expect(Number.isFinite(value)).toBe(true);
            if (logY) expect(fitsLogAxis(value)).toBe(true);
          }
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { chartValue, chooseYAxis, emptyExtent, fitsLogAxis, includeValue, LOG_AXIS_MAX, LOG_AXIS_MIN } from './axisScale';

const extentOf = (values: number[]) => {
  const extent = emptyExtent();
  values.forEach((value) => includeValue(extent, value));
  return extent;
};

describe('chooseYAxis', () => {
  it('draws a log axis when asked for and every finite value fits it', () => {
    expect(chooseYAxis(true, extentOf([2.5, 1e-12, NaN, Infinity]))).toEqual({ log: true, note: null });
    expect(chooseYAxis(true, extentOf([LOG_AXIS_MIN, LOG_AXIS_MAX]))).toEqual({ log: true, note: null });
    expect(chooseYAxis(true, emptyExtent())).toEqual({ log: true, note: null });
    expect(chooseYAxis(false, extentOf([1, 2]))).toEqual({ log: false, note: null });
  });

  it('falls back to linear, saying why, for zero, negative, tiny and huge values', () => {
    expect(chooseYAxis(true, extentOf([2.5, 0]))).toEqual({ log: false, note: 'linear: some losses are ≤ 0' });
    expect(chooseYAxis(true, extentOf([2.5, -1e12]))).toEqual({ log: false, note: 'linear: some losses are ≤ 0' });
    // Newton on the quadratic: the loss reaches 1.7e-36 at step 6, where uPlot's log axis breaks.
    expect(chooseYAxis(true, extentOf([2.5, 1.7103403343899528e-36]))).toEqual({ log: false, note: 'linear: some losses are below 1e-20' });
    expect(chooseYAxis(true, extentOf([1, 3e30]), 'values')).toEqual({ log: false, note: 'linear: some values are above 1e+20' });
  });
});

describe('chartValue', () => {
  it('passes what the axis can place and turns the rest into gaps', () => {
    expect(chartValue(3, false)).toBe(3);
    expect(chartValue(-1e12, false)).toBe(-1e12);
    expect(chartValue(0, false)).toBe(0);
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(chartValue(value, false)).toBeNull();
      expect(chartValue(value, true)).toBeNull();
    }
    for (const value of [0, -1, 1e-21, 1e21]) expect(chartValue(value, true)).toBeNull();
    expect(chartValue(1e-20, true)).toBe(1e-20);
    expect(fitsLogAxis(1)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from './niceTicks';

describe('niceStep', () => {
  it('rounds the raw step up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(1, 5)).toBeCloseTo(0.2, 12);
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(7, 7)).toBe(1);
    expect(niceStep(3000, 5)).toBe(1000);
    expect(niceStep(0, 5)).toBe(0);
  });
});

describe('niceTicks', () => {
  it('covers simple ranges with round values', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-2, 2, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(-0.95, 0.95, 4)).toEqual([-0.5, 0, 0.5]);
  });

  it('keeps every tick inside the range, evenly spaced by a 1-2-5 step', () => {
    const ranges: Array<[number, number]> = [[0.0013, 0.0071], [-37, 212], [1e6, 3.3e6], [-5.5, -5.25]];
    for (const [min, max] of ranges) {
      const ticks = niceTicks(min, max, 5);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(11);
      const step = ticks[1] - ticks[0];
      const mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
      ticks.forEach((tick, k) => {
        expect(tick).toBeGreaterThanOrEqual(min - 1e-12);
        expect(tick).toBeLessThanOrEqual(max + 1e-12);
        if (k > 0) expect(tick - ticks[k - 1]).toBeCloseTo(step, 9);
      });
    }
  });

  it('handles degenerate and invalid ranges', () => {
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(4, 3)).toEqual([]);
    expect(niceTicks(NaN, 3)).toEqual([]);
  });
});

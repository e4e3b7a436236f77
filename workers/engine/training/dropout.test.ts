import { describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { dropoutMasks } from './dropout';

describe('dropoutMasks', () => {
  it('gives rows × width masks of 0 and 1/(1 − p), dropping about a fraction p', () => {
    const masks = dropoutMasks(new Rng(1), 200, [30, 10], 0.25);
    expect(masks.map((mask) => mask.length)).toEqual([6000, 2000]);
    for (const mask of masks) {
      const dropped = mask.filter((v) => v === 0).length;
      expect(mask.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
      // Binomial(m, ¼): standard deviation √(m·¼·¾); allow five.
      const m = mask.length;
      expect(Math.abs(dropped - 0.25 * m)).toBeLessThan(5 * Math.sqrt(m * 0.25 * 0.75));
      // Inverted dropout keeps the mean activation: E[mask] = 1.
      expect(Math.abs(mask.reduce((a, b) => a + b, 0) / m - 1)).toBeLessThan(0.05);
    }
  });

  it('is reproducible from the stream and changes as the stream advances', () => {
    const first = dropoutMasks(new Rng(7), 4, [5], 0.5)[0];
    expect(dropoutMasks(new Rng(7), 4, [5], 0.5)[0]).toEqual(first);
    const rng = new Rng(7);
    dropoutMasks(rng, 4, [5], 0.5);
    expect(dropoutMasks(rng, 4, [5], 0.5)[0]).not.toEqual(first);
  });

  it('rate 0 keeps every unit; rates outside [0, 1) are refused', () => {
    expect(dropoutMasks(new Rng(2), 3, [4], 0)[0].every((v) => v === 1)).toBe(true);
    expect(() => dropoutMasks(new Rng(2), 3, [4], 1)).toThrow(/dropout rate must be in \[0, 1\), got 1/);
    expect(() => dropoutMasks(new Rng(2), 3, [4], -0.1)).toThrow(/got -0.1/);
  });
});

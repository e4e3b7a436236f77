import { describe, expect, it } from 'vitest';
import { Rng, hashLabel } from './rng';

describe('Rng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    const sb = Array.from({ length: 8 }, () => b.nextUint32());
    const sc = Array.from({ length: 8 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = new Rng(1);
    const n = 200_000;
    let s = 0, s2 = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      s += u; s2 += u * u; min = Math.min(min, u); max = Math.max(max, u);
    }
    const mean = s / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws normals with mean 0, variance 1 and the right tail mass', () => {
    const rng = new Rng(7);
    const n = 200_000;
    let s = 0, s2 = 0, beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z; s2 += z * z; if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.015);
    // P(|Z| > 2) = 0.0455
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003);
  });

  it('draws Rademacher signs, balanced', () => {
    const v = new Rng(3).fillRademacher(new Float64Array(100_000));
    let s = 0;
    for (const x of v) { expect(Math.abs(x)).toBe(1); s += x; }
    expect(Math.abs(s / v.length)).toBeLessThan(0.01);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const p = new Rng(5).permutation(1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...new Rng(5).permutation(1000)]).toEqual([...p]);
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('draws integers in range without bias', () => {
    const rng = new Rng(11);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => rng.int(0)).toThrow(RangeError);
  });

  it('derives independent streams from labels', () => {
    expect(hashLabel('init')).not.toBe(hashLabel('data'));
    const a = Rng.derive(1, 'init').uniform();
    const b = Rng.derive(1, 'data').uniform();
    expect(a).not.toBe(b);
    expect(Rng.derive(1, 'init').uniform()).toBe(a);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultCoarsestStride, fillFromSubgrid, linspace, progressiveLevels, progressiveOrder } from './grid';

describe('linspace', () => {
  it('spaces values evenly with both ends exact', () => {
    expect(Array.from(linspace(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
    const v = linspace(0.1, 0.7, 7);
    expect(v[6]).toBe(0.7);
    for (let i = 1; i < 7; i++) expect(v[i] - v[i - 1]).toBeCloseTo(0.1, 12);
    expect(Array.from(linspace(3, 5, 1))).toEqual([3]);
  });

  it('rejects a bad count or bounds', () => {
    expect(() => linspace(0, 1, 0)).toThrow(/positive integer/);
    expect(() => linspace(0, Infinity, 3)).toThrow(/finite/);
  });
});

describe('progressiveOrder', () => {
  const sizes: Array<[number, number]> = [[256, 256], [65, 33], [7, 5], [1, 1], [100, 3]];
  for (const [nx, ny] of sizes) {
    it(`is a permutation of all ${nx}×${ny} indices, with levels as declared`, () => {
      const order = progressiveOrder(nx, ny);
      const seen = new Uint8Array(nx * ny);
      for (const k of order) seen[k]++;
      expect(seen.every((c) => c === 1)).toBe(true);
      const levels = progressiveLevels(nx, ny);
      expect(levels.reduce((a, l) => a + l.count, 0)).toBe(nx * ny);
      // Count points off their level's sub-grid (one expect, not one per point, keeps this fast).
      let offStride = 0;
      for (const level of levels) {
        for (let r = level.start; r < level.start + level.count; r++) {
          const i = order[r] % nx, j = Math.floor(order[r] / nx);
          if (i % level.stride !== 0 || j % level.stride !== 0) offStride++;
        }
      }
      expect(offStride).toBe(0);
    });
  }

  it('lists exactly the coarse sub-grid first, and after each level every point of its stride is known', () => {
    const nx = 20, ny = 13;
    const levels = progressiveLevels(nx, ny, 4);
    expect(levels.map((l) => l.stride)).toEqual([4, 2, 1]);
    const order = progressiveOrder(nx, ny, 4);
    const coarse = Array.from(order.subarray(0, levels[0].count)).sort((a, b) => a - b);
    const expected: number[] = [];
    for (let j = 0; j < ny; j += 4) for (let i = 0; i < nx; i += 4) expected.push(j * nx + i);
    expect(coarse).toEqual(expected);
    for (const level of levels) {
      const known = new Set(order.subarray(0, level.start + level.count));
      for (let j = 0; j < ny; j += level.stride) {
        for (let i = 0; i < nx; i += level.stride) expect(known.has(j * nx + i)).toBe(true);
      }
    }
  });

  it('picks a default coarse level of about 8 points on the long axis', () => {
    expect(defaultCoarsestStride(256, 256)).toBe(32);
    expect(defaultCoarsestStride(64, 10)).toBe(8);
    expect(defaultCoarsestStride(5, 5)).toBe(1);
    expect(progressiveLevels(256, 256)[0].count).toBe(64);
  });

  it('rejects a stride that is not a power of two', () => {
    expect(() => progressiveOrder(10, 10, 3)).toThrow(/power of two/);
    expect(() => progressiveOrder(0, 10)).toThrow(/at least 1×1/);
  });
});

describe('fillFromSubgrid', () => {
  it('reproduces a bilinear field exactly from its stride-4 sub-grid and keeps the known values', () => {
    const nx = 13, ny = 9;
    // f is bilinear in (i, j), so bilinear interpolation inside each cell is exact;
    // the last row and column (12, 8) are multiples of 4, so no clamping occurs.
    const f = (i: number, j: number) => 2 + 0.5 * i - 0.25 * j + 0.1 * i * j;
    const field = new Float64Array(nx * ny).fill(Number.NaN);
    for (let j = 0; j < ny; j += 4) for (let i = 0; i < nx; i += 4) field[j * nx + i] = f(i, j);
    fillFromSubgrid(field, nx, ny, 4);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) expect(field[j * nx + i]).toBeCloseTo(f(i, j), 12);
  });

  it('holds the edge value beyond the last sub-grid row and column', () => {
    const nx = 6, ny = 6; // stride 4: sub-grid columns 0 and 4, so column 5 lies beyond
    const field = new Float32Array(nx * ny).fill(Number.NaN);
    field[0] = 1; field[4] = 2; field[4 * nx] = 3; field[4 * nx + 4] = 4;
    fillFromSubgrid(field, nx, ny, 4);
    expect(field[5]).toBe(2);
    expect(field[5 * nx + 5]).toBe(4);
    expect(field[2 * nx + 2]).toBeCloseTo(2.5, 6);
    expect(field.every(Number.isFinite)).toBe(true);
  });
});

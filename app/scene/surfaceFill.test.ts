import { describe, expect, it } from 'vitest';
import { createColormapLut, lookupColormap } from './colormap';
import { createHeightMapping } from './heightScale';
import { HEIGHT_RANGE, PLANE_SIZE } from './planeLayout';
import { createGridIndex, fillGridPlanePositions, fillSurfaceHeightsAndColors } from './surfaceFill';

describe('createGridIndex', () => {
  it('makes two counter-clockwise triangles per cell', () => {
    const nx = 3;
    const ny = 2;
    const index = createGridIndex(nx, ny);
    expect(index).toBeInstanceOf(Uint16Array);
    expect(index.length).toBe(6 * (nx - 1) * (ny - 1));
    const positions = new Float32Array(3 * nx * ny);
    fillGridPlanePositions(nx, ny, positions);
    for (let t = 0; t < index.length; t += 3) {
      const [a, b, c] = [index[t], index[t + 1], index[t + 2]];
      const abx = positions[3 * b] - positions[3 * a];
      const aby = positions[3 * b + 1] - positions[3 * a + 1];
      const acx = positions[3 * c] - positions[3 * a];
      const acy = positions[3 * c + 1] - positions[3 * a + 1];
      // z of (b − a) × (c − a) > 0: counter-clockwise seen from +z.
      expect(abx * acy - aby * acx).toBeGreaterThan(0);
    }
    // Every vertex is used.
    expect(new Set(index).size).toBe(nx * ny);
  });

  it('switches to 32-bit indices past 65536 vertices', () => {
    expect(createGridIndex(256, 256)).toBeInstanceOf(Uint16Array);
    expect(createGridIndex(257, 256)).toBeInstanceOf(Uint32Array);
  });
});

describe('fillGridPlanePositions', () => {
  it('spreads the nodes evenly over the square, row by row', () => {
    const positions = new Float32Array(3 * 3 * 2).fill(7);
    fillGridPlanePositions(3, 2, positions);
    const half = PLANE_SIZE / 2;
    expect(Array.from(positions.filter((_, k) => k % 3 === 0))).toEqual([-half, 0, half, -half, 0, half]);
    expect(Array.from(positions.filter((_, k) => k % 3 === 1))).toEqual([-half, -half, -half, half, half, half]);
    // z is not touched.
    expect(positions[2]).toBe(7);
  });
});

describe('fillSurfaceHeightsAndColors', () => {
  it('writes the scaled height and colour of each value at its own vertex', () => {
    const values = new Float32Array([0, 1, 2, 3, 4, 5]);
    const mapping = createHeightMapping(values, { log: false });
    const lut = createColormapLut('viridis', 256, true);
    const positions = new Float32Array(18);
    const colors = new Float32Array(18);
    fillSurfaceHeightsAndColors(values, mapping, lut, positions, colors);
    const expected = new Float32Array(3);
    values.forEach((value, k) => {
      expect(positions[3 * k + 2]).toBeCloseTo((value / 5) * HEIGHT_RANGE, 6);
      lookupColormap(lut, value / 5, expected);
      expect(Array.from(colors.slice(3 * k, 3 * k + 3))).toEqual(Array.from(expected));
    });
    // The lowest vertex is darker than the highest (viridis rises in luminance).
    expect(colors[1]).toBeLessThan(colors[16]);
  });

  it('clamps non-finite values and colours them grey', () => {
    const values = new Float32Array([0, NaN, Infinity, -Infinity, 2]);
    const mapping = createHeightMapping(values, { log: true });
    const lut = createColormapLut('viridis', 64, true);
    const positions = new Float32Array(15);
    const colors = new Float32Array(15);
    fillSurfaceHeightsAndColors(values, mapping, lut, positions, colors);
    expect(positions[5]).toBe(0);
    expect(positions[8]).toBe(HEIGHT_RANGE);
    expect(positions[11]).toBe(0);
    expect(positions[14]).toBeCloseTo(HEIGHT_RANGE, 6);
    for (const k of [1, 2, 3]) {
      expect(Array.from(colors.slice(3 * k, 3 * k + 3))).toEqual(lut.nonFinite.map((c) => Math.fround(c)));
    }
  });
});

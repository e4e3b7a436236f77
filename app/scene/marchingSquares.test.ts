import { describe, expect, it } from 'vitest';
import { evenLevels, isoSegments } from './marchingSquares';

/** Row-major samples of f at integer nodes (i, j). */
function grid(nx: number, ny: number, f: (i: number, j: number) => number): Float32Array {
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = f(i, j);
  return values;
}

/** Segments as [[x0, y0, x1, y1], …]. */
function split(segments: Float32Array): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < segments.length; k += 4) out.push(Array.from(segments.slice(k, k + 4)));
  return out;
}

describe('isoSegments', () => {
  it('traces a plane f = i as one straight vertical line at the exact level', () => {
    const nx = 6;
    const ny = 5;
    const segments = split(isoSegments(grid(nx, ny, (i) => i), nx, ny, 2.5));
    expect(segments).toHaveLength(ny - 1);
    for (const [x0, y0, x1, y1] of segments) {
      expect(x0).toBeCloseTo(2.5, 6);
      expect(x1).toBeCloseTo(2.5, 6);
      expect(Math.abs(y1 - y0)).toBeCloseTo(1, 6);
    }
    const ys = segments.flatMap(([, y0, , y1]) => [y0, y1]);
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(ny - 1);
  });

  it('traces a cone as a closed loop near the right radius', () => {
    const n = 21;
    const centre = 10;
    const radius = 6.3;
    const cone = grid(n, n, (i, j) => Math.hypot(i - centre, j - centre));
    const segments = split(isoSegments(cone, n, n, radius));
    expect(segments.length).toBeGreaterThan(20);
    // Linear interpolation of a cone along grid edges is off by less than a tenth of a cell here.
    const ends = new Map<string, number>();
    for (const [x0, y0, x1, y1] of segments) {
      for (const [x, y] of [[x0, y0], [x1, y1]]) {
        expect(Math.abs(Math.hypot(x - centre, y - centre) - radius)).toBeLessThan(0.1);
        const key = `${x.toFixed(4)},${y.toFixed(4)}`;
        ends.set(key, (ends.get(key) ?? 0) + 1);
      }
    }
    // Closed: every end point is shared by exactly two segments.
    for (const count of ends.values()) expect(count).toBe(2);
  });

  it('resolves both saddle cells by the centre value', () => {
    // Corners bl = 1, br = 0, tl = 0, tr = 1 (case 5).
    const highCentre = split(isoSegments(new Float32Array([1, 0, 0, 1]), 2, 2, 0.4));
    const lowCentre = split(isoSegments(new Float32Array([1, 0, 0, 1]), 2, 2, 0.6));
    expect(highCentre).toHaveLength(2);
    expect(lowCentre).toHaveLength(2);
    // Centre 0.5 ≥ 0.4: the high diagonal bl–tr is connected, so each segment cuts off one low
    // corner (br at (1, 0) or tl at (0, 1)) and all its ends are near that corner.
    const nearCorner = (segment: number[], cx: number, cy: number): boolean =>
      Math.hypot(segment[0] - cx, segment[1] - cy) < 1 && Math.hypot(segment[2] - cx, segment[3] - cy) < 1;
    expect(highCentre.every((s) => nearCorner(s, 1, 0) || nearCorner(s, 0, 1))).toBe(true);
    // Centre 0.5 < 0.6: the low diagonal connects, the high corners bl and tr are cut off.
    expect(lowCentre.every((s) => nearCorner(s, 0, 0) || nearCorner(s, 1, 1))).toBe(true);
    // The mirror case 10 behaves the same way.
    const mirrored = split(isoSegments(new Float32Array([0, 1, 1, 0]), 2, 2, 0.4));
    expect(mirrored.every((s) => nearCorner(s, 0, 0) || nearCorner(s, 1, 1))).toBe(true);
  });

  it('skips cells with a non-finite corner and returns nothing for levels outside the range', () => {
    const values = grid(3, 2, (i) => i);
    expect(isoSegments(values, 3, 2, 5)).toHaveLength(0);
    expect(isoSegments(values, 3, 2, -1)).toHaveLength(0);
    values[1] = NaN; // shared by both cells
    expect(isoSegments(values, 3, 2, 0.5)).toHaveLength(0);
  });
});

describe('evenLevels', () => {
  it('spaces levels evenly strictly inside the range', () => {
    expect(evenLevels(0, 1, 3)).toEqual([0.25, 0.5, 0.75]);
    expect(evenLevels(-2, 2, 1)).toEqual([0]);
    expect(evenLevels(0, 1, 0)).toEqual([]);
  });
});

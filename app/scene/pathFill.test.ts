import { describe, expect, it } from 'vitest';
import { createHeightMapping } from './heightScale';
import { PATH_CLAMP_FACTOR, PATH_LIFT, drawablePointCount, fillPathPositions } from './pathFill';
import { HEIGHT_RANGE, PLANE_SIZE } from './planeLayout';
import type { HeightField } from './types';

const window = { xMin: 0, xMax: 4, yMin: 0, yMax: 2 };

/** A 2 × 2 field over the window with every node at `value`. */
function flatField(value: number): HeightField {
  return { nx: 2, ny: 2, window, values: new Float32Array(4).fill(value), version: 1 };
}

describe('drawablePointCount', () => {
  it('counts the valid points up to length', () => {
    const points = new Float64Array([0, 0, 1, 1, 2, 2, 0, 0]);
    expect(drawablePointCount({ points, length: 3 })).toBe(3);
    expect(drawablePointCount({ points, length: 0 })).toBe(0);
  });

  it('stops at the first non-finite coordinate of a diverged run', () => {
    const points = new Float64Array([0, 0, 1e30, 5, NaN, 1, 3, 3]);
    expect(drawablePointCount({ points, length: 4 })).toBe(2);
    points[2] = Infinity;
    expect(drawablePointCount({ points, length: 4 })).toBe(1);
  });

  it('never reads past the buffer even if length claims more', () => {
    expect(drawablePointCount({ points: new Float64Array(4), length: 10 })).toBe(2);
  });
});

describe('fillPathPositions', () => {
  it('lays points out like the surface, lifted above their scaled loss', () => {
    const mapping = createHeightMapping([0, 10], { log: false });
    const path = { points: new Float64Array([0, 0, 2, 1, 4, 2]), losses: new Float64Array([10, 5, 0]) };
    const positions = new Float32Array(9).fill(-99);
    fillPathPositions(path, flatField(0), mapping, 0, 3, positions);
    const half = PLANE_SIZE / 2;
    expect(Array.from(positions)).toEqual(
      [-half, -half, HEIGHT_RANGE + PATH_LIFT, 0, 0, HEIGHT_RANGE / 2 + PATH_LIFT, half, half, PATH_LIFT].map((v) =>
        expect.closeTo(v, 5),
      ),
    );
  });

  it('writes only the requested range', () => {
    const mapping = createHeightMapping([0, 1], { log: false });
    const path = { points: new Float64Array([1, 1, 2, 1]), losses: new Float64Array([0, 1]) };
    const positions = new Float32Array(6).fill(-99);
    fillPathPositions(path, flatField(0), mapping, 1, 2, positions);
    expect(Array.from(positions.slice(0, 3))).toEqual([-99, -99, -99]);
    expect(positions[3]).toBeCloseTo(0, 6);
  });

  it('clamps points far outside the window to the drawing bound', () => {
    const mapping = createHeightMapping([0, 1], { log: false });
    const path = { points: new Float64Array([1e9, -1e9]), losses: new Float64Array([Infinity]) };
    const positions = new Float32Array(3);
    fillPathPositions(path, flatField(0), mapping, 0, 1, positions);
    const bound = (PATH_CLAMP_FACTOR * PLANE_SIZE) / 2;
    expect(positions[0]).toBeCloseTo(bound, 6);
    expect(positions[1]).toBeCloseTo(-bound, 6);
    expect(positions[2]).toBeCloseTo(HEIGHT_RANGE + PATH_LIFT, 6);
  });

  it('never sinks below the drawn surface, which can lie above the true loss in a valley', () => {
    const mapping = createHeightMapping([0, 10], { log: false });
    // Surface nodes all at 8 (u = 0.8); the path's own loss 0 would put it at the floor.
    const path = { points: new Float64Array([2, 1, 50, 1]), losses: new Float64Array([0, 0]) };
    const positions = new Float32Array(6);
    fillPathPositions(path, flatField(8), mapping, 0, 2, positions);
    expect(positions[2]).toBeCloseTo(0.8 * HEIGHT_RANGE + PATH_LIFT, 5);
    // Off the window there is no surface: the point keeps its own height.
    expect(positions[5]).toBeCloseTo(PATH_LIFT, 5);
  });
});

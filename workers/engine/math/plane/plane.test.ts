import { describe, expect, it } from 'vitest';
import { checkPlane, isLine, planeDimension, planePoint, pointsOnPlane } from './plane';

describe('plane points', () => {
  const plane = { centre: Float64Array.of(1, 2, 3), d1: Float64Array.of(1, 0, -1), d2: Float64Array.of(0, 2, 0) };

  it('evaluates c + a·d1 + b·d2 for each coordinate pair', () => {
    const theta = pointsOnPlane(plane, [0, 0, 2, 0.5, -1, 1]);
    expect(Array.from(theta)).toEqual([1, 2, 3, 3, 3, 1, 0, 4, 4]);
  });

  it('evaluates c + a·d1 on a line, ignoring b, and one point at a time', () => {
    const line = { centre: plane.centre, d1: plane.d1, d2: null };
    expect(isLine(line)).toBe(true);
    expect(isLine(plane)).toBe(false);
    expect(Array.from(pointsOnPlane(line, [2, 0.5, -1, 7]))).toEqual([3, 2, 1, 0, 2, 4]);
    expect(Array.from(planePoint(plane, 2, 0.5))).toEqual([3, 3, 1]);
    expect(Array.from(planePoint(line, 2))).toEqual([3, 2, 1]);
  });

  it('checks lengths', () => {
    expect(() => pointsOnPlane({ ...plane, d2: new Float64Array(2) }, [0, 0])).toThrow(/d2 has length 2, centre has 3/);
    expect(() => pointsOnPlane(plane, [0, 0, 1])).toThrow(/whole number/);
    expect(() => pointsOnPlane(plane, [0, 0], new Float32Array(2))).toThrow(/out has 2 values/);
    expect(planeDimension('test', { ...plane, d2: null })).toBe(3);
    expect(() => checkPlane('slice', plane, 4)).toThrow(/slice: centre has 3 entries; the model has 4 parameters/);
    expect(() => checkPlane('slice', { ...plane, d2: new Float64Array(4) }, 3)).toThrow(/d2 has 4 entries/);
    expect(() => checkPlane('slice', { ...plane, d2: null }, 3)).not.toThrow();
  });
});

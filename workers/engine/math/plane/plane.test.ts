import { describe, expect, it } from 'vitest';
import { gridCoordinates, pointsOnPlane } from './plane';

describe('plane points', () => {
  const plane = { centre: Float64Array.of(1, 2, 3), d1: Float64Array.of(1, 0, -1), d2: Float64Array.of(0, 2, 0) };

  it('evaluates c + a·d1 + b·d2 for each coordinate pair', () => {
    const theta = pointsOnPlane(plane, [0, 0, 2, 0.5, -1, 1]);
    expect(Array.from(theta)).toEqual([1, 2, 3, 3, 3, 1, 0, 4, 4]);
  });

  it('maps row-major grid indices to (α_i, β_j) with α varying fastest', () => {
    const alphas = [-1, 0, 1], betas = [10, 20];
    expect(Array.from(gridCoordinates(alphas, betas, [0, 1, 2, 3, 5]))).toEqual([-1, 10, 0, 10, 1, 10, -1, 20, 1, 20]);
    expect(() => gridCoordinates(alphas, betas, [6])).toThrow(/outside the 3×2 grid/);
  });

  it('checks lengths', () => {
    expect(() => pointsOnPlane({ ...plane, d2: new Float64Array(2) }, [0, 0])).toThrow(/d2 has length 2, centre has 3/);
    expect(() => pointsOnPlane(plane, [0, 0, 1])).toThrow(/whole number/);
    expect(() => pointsOnPlane(plane, [0, 0], new Float32Array(2))).toThrow(/out has 2 values/);
  });
});

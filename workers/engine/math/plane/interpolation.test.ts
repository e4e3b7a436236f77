import { describe, expect, it } from 'vitest';
import { lineThroughPoints, planeThroughPoints } from './interpolation';
import { pointsOnPlane } from './plane';

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe('lineThroughPoints', () => {
  it('passes through θ_A at α = 0 and θ_B at α = 1, with the midpoint between and extrapolation beyond', () => {
    const a = Float32Array.of(1, -2, 4), b = Float32Array.of(3, 2, 0);
    const line = pointsOnPlane(lineThroughPoints(a, b), [0, 0, 0.5, 0, 1, 0, 2, 0]);
    expect(Array.from(line)).toEqual([1, -2, 4, 2, 0, 2, 3, 2, 0, 5, 6, -4]);
    expect(Array.from(lineThroughPoints(a, b).coordinates)).toEqual([0, 0, 1, 0]);
  });

  it('checks lengths', () => {
    expect(() => lineThroughPoints(new Float32Array(2), new Float32Array(3))).toThrow(/thetaB has length 3, thetaA has 2/);
    expect(() => pointsOnPlane(lineThroughPoints(new Float32Array(2), new Float32Array(2)), [0, 0, 1, 0], new Float32Array(3))).toThrow(/out has 3/);
  });
});

describe('planeThroughPoints', () => {
  const theta0 = Float64Array.of(1, 1, 1, 1);
  const thetaA = Float64Array.of(3, 1, 1, 1);
  const thetaB = Float64Array.of(2, 4, 1, 1);

  it('uses the raw differences by default, putting the points at (0,0), (1,0), (0,1)', () => {
    const plane = planeThroughPoints(theta0, thetaA, thetaB);
    expect(Array.from(plane.d1)).toEqual([2, 0, 0, 0]);
    expect(Array.from(plane.d2)).toEqual([1, 3, 0, 0]);
    expect(Array.from(plane.coordinates)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(Array.from(pointsOnPlane(plane, plane.coordinates))).toEqual([...theta0, ...thetaA, ...thetaB]);
  });

  it('orthonormalises on request, with coordinates that reproduce the three points', () => {
    const plane = planeThroughPoints(theta0, thetaA, thetaB, { orthonormal: true });
    expect(dot(plane.d1, plane.d1)).toBeCloseTo(1, 14);
    expect(dot(plane.d2, plane.d2)).toBeCloseTo(1, 14);
    expect(dot(plane.d1, plane.d2)).toBeCloseTo(0, 14);
    // θ_A − θ_0 = (2, 0, …): distance 2 along d1; θ_B − θ_0 = (1, 3, …): 1 along d1, 3 across.
    expect(Array.from(plane.coordinates)).toEqual([0, 0, 2, 0, 1, 3]);
    const rebuilt = pointsOnPlane(plane, plane.coordinates);
    [...theta0, ...thetaA, ...thetaB].forEach((v, k) => expect(rebuilt[k]).toBeCloseTo(v, 6));
  });

  it('refuses collinear or coincident points', () => {
    expect(() => planeThroughPoints(theta0, thetaA, Float64Array.of(5, 1, 1, 1))).toThrow(/collinear/);
    expect(() => planeThroughPoints(theta0, theta0, thetaB)).toThrow(/θ_A coincides with θ_0/);
  });
});

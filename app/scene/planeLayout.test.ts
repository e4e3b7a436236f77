import { describe, expect, it } from 'vitest';
import {
  HEIGHT_RANGE,
  PLANE_SIZE,
  localToPlaneX,
  localToPlaneY,
  planeToLocalX,
  planeToLocalY,
  unitToLocalZ,
} from './planeLayout';

const window = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('plane layout', () => {
  it('maps the window corners to the corners of the fixed square', () => {
    expect(planeToLocalX(window, -2)).toBeCloseTo(-PLANE_SIZE / 2, 12);
    expect(planeToLocalX(window, 2)).toBeCloseTo(PLANE_SIZE / 2, 12);
    expect(planeToLocalY(window, -1)).toBeCloseTo(-PLANE_SIZE / 2, 12);
    expect(planeToLocalY(window, 3)).toBeCloseTo(PLANE_SIZE / 2, 12);
    expect(planeToLocalY(window, 1)).toBeCloseTo(0, 12);
  });

  it('inverts exactly', () => {
    for (const value of [-2, -0.3, 0, 1.7, 2.5]) {
      expect(localToPlaneX(window, planeToLocalX(window, value))).toBeCloseTo(value, 12);
      expect(localToPlaneY(window, planeToLocalY(window, value))).toBeCloseTo(value, 12);
    }
  });

  it('scales normalised heights and lays NaN at the bottom', () => {
    expect(unitToLocalZ(1)).toBe(HEIGHT_RANGE);
    expect(unitToLocalZ(0.25)).toBeCloseTo(HEIGHT_RANGE / 4, 12);
    expect(unitToLocalZ(NaN)).toBe(0);
  });
});

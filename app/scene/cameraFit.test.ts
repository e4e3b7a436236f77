import { describe, expect, it } from 'vitest';
import { FRAMED_ASPECT, HOME_FOV_DEGREES, fittedFovDegrees } from './cameraFit';

/** tan of half of a field of view given in degrees. */
const halfTan = (degrees: number) => Math.tan((degrees * Math.PI) / 360);

describe('fittedFovDegrees', () => {
  it('keeps the home field of view for views at least as wide as the framed aspect', () => {
    for (const aspect of [FRAMED_ASPECT, 1.74, 3]) expect(fittedFovDegrees(aspect)).toBe(HOME_FOV_DEGREES);
  });

  it('keeps the horizontal extent of the framed aspect in narrower views', () => {
    const across = FRAMED_ASPECT * halfTan(HOME_FOV_DEGREES);
    for (const aspect of [1.2, 0.8, 0.5]) {
      const fov = fittedFovDegrees(aspect);
      expect(fov).toBeGreaterThan(HOME_FOV_DEGREES);
      expect(aspect * halfTan(fov)).toBeCloseTo(across, 12);
    }
  });

  it('widens continuously and stays below 180°', () => {
    expect(fittedFovDegrees(FRAMED_ASPECT - 1e-9)).toBeCloseTo(HOME_FOV_DEGREES, 6);
    expect(fittedFovDegrees(0.05)).toBeLessThan(180);
    expect(fittedFovDegrees(0.8)).toBeGreaterThan(fittedFovDegrees(1.2));
  });

  it('gives the home value for a view not laid out yet', () => {
    for (const aspect of [0, -1, Number.NaN, Infinity]) expect(fittedFovDegrees(aspect)).toBe(HOME_FOV_DEGREES);
  });
});

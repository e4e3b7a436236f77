import { describe, expect, it } from 'vitest';
import { defaultSliceSettings, resolutionLimits } from '../spec/landscapeSettings';
import { sliceGeometry } from './sliceRequest';

const P = 3;
const plane = { centre: new Float32Array(P), d1: Float32Array.of(1, 0, 0), d2: Float32Array.of(0, 1, 0) };
const line = { ...plane, d2: null };

describe('sliceGeometry', () => {
  it('samples a request without a resolution at the settings’ default resolution', () => {
    const settings = defaultSliceSettings();
    expect(settings.dims).toBe(2);
    const square = sliceGeometry({ plane, alphaRange: [-1, 1] }, P);
    expect([square.nx, square.ny]).toEqual([settings.resolution, settings.resolution]);
    expect(square.nx).toBe(65);
    const profile = sliceGeometry({ plane: line, alphaRange: [-1, 1] }, P);
    expect([profile.nx, profile.ny]).toEqual([resolutionLimits(1).default, 1]);
  });

  it('accepts up to the settings’ largest resolution and refuses one more', () => {
    for (const [dims, shape] of [[1, line], [2, plane]] as const) {
      const { max } = resolutionLimits(dims);
      expect(sliceGeometry({ plane: shape, alphaRange: [-1, 1], nx: max }, P).nx).toBe(max);
      expect(() => sliceGeometry({ plane: shape, alphaRange: [-1, 1], nx: max + 1 }, P)).toThrow(`from 2 to ${max}`);
    }
  });
});

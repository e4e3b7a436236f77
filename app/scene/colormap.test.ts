import { describe, expect, it } from 'vitest';
import {
  COLORMAP_NAMES,
  NON_FINITE_SRGB,
  colormapCss,
  colormapGradientCss,
  createColormapLut,
  lookupColormap,
  sampleColormap,
  srgbToLinear,
} from './colormap';

/** '#rrggbb' → components in [0, 1], written out here so the test does not reuse the module's parser. */
function hexToUnit(hex: string): number[] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
}

function sample(name: (typeof COLORMAP_NAMES)[number], t: number): number[] {
  const out = [0, 0, 0];
  sampleColormap(name, t, out);
  return out;
}

/** Relative luminance (Rec. 709 weights on linear light). */
function luminance(rgb: number[]): number {
  return 0.2126 * srgbToLinear(rgb[0]) + 0.7152 * srgbToLinear(rgb[1]) + 0.0722 * srgbToLinear(rgb[2]);
}

describe('sampleColormap', () => {
  it('starts and ends at the published end colours of viridis', () => {
    expect(sample('viridis', 0)).toEqual(hexToUnit('#440154').map((c) => expect.closeTo(c, 6)));
    expect(sample('viridis', 1)).toEqual(hexToUnit('#fde725').map((c) => expect.closeTo(c, 6)));
    expect(sample('magma', 0)).toEqual(hexToUnit('#000004').map((c) => expect.closeTo(c, 6)));
  });

  it('clamps t outside [0, 1] to the end colours', () => {
    expect(sample('viridis', -3)).toEqual(sample('viridis', 0));
    expect(sample('viridis', 7)).toEqual(sample('viridis', 1));
  });

  it('interpolates linearly between neighbouring anchors', () => {
    // Viridis anchors at t = 0 and t = 0.1 are #440154 and #482475; halfway is their mean.
    const a = hexToUnit('#440154');
    const b = hexToUnit('#482475');
    const middle = sample('viridis', 0.05);
    middle.forEach((component, c) => expect(component).toBeCloseTo((a[c] + b[c]) / 2, 6));
  });

  it('is perceptually ordered: luminance rises monotonically along every map', () => {
    for (const name of COLORMAP_NAMES) {
      let previous = -1;
      for (let step = 0; step <= 100; step++) {
        const current = luminance(sample(name, step / 100));
        expect(current).toBeGreaterThan(previous);
        previous = current;
      }
    }
  });

  it('gives the grey non-finite colour for NaN', () => {
    expect(sample('viridis', NaN)).toEqual([...NON_FINITE_SRGB]);
  });

  it('writes at the requested offset only', () => {
    const out = new Float32Array(6).fill(-1);
    sampleColormap('cividis', 0.5, out, 3);
    expect(Array.from(out.slice(0, 3))).toEqual([-1, -1, -1]);
    expect(out[3]).toBeGreaterThanOrEqual(0);
  });
});

describe('srgbToLinear', () => {
  it('fixes 0 and 1 and darkens mid-grey to about 0.214', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.21404, 4);
    // The linear toe: 0.04 / 12.92.
    expect(srgbToLinear(0.04)).toBeCloseTo(0.04 / 12.92, 12);
  });
});

describe('createColormapLut / lookupColormap', () => {
  it('tabulates size entries, the first and last equal to the map ends', () => {
    const lut = createColormapLut('viridis', 16);
    expect(lut.rgb.length).toBe(48);
    expect(Array.from(lut.rgb.slice(0, 3))).toEqual(sample('viridis', 0).map((c) => expect.closeTo(c, 6)));
    expect(Array.from(lut.rgb.slice(45, 48))).toEqual(sample('viridis', 1).map((c) => expect.closeTo(c, 6)));
  });

  it('converts every entry to linear light when asked', () => {
    const srgb = createColormapLut('magma', 8);
    const linear = createColormapLut('magma', 8, true);
    srgb.rgb.forEach((component, k) => expect(linear.rgb[k]).toBeCloseTo(srgbToLinear(component), 6));
    expect(linear.nonFinite[0]).toBeCloseTo(srgbToLinear(NON_FINITE_SRGB[0]), 6);
  });

  it('looks up the nearest entry, scaled, and grey for NaN', () => {
    const lut = createColormapLut('viridis', 11);
    const out = new Uint8ClampedArray(3);
    // t = 0.52 is nearest to entry 5 (t = 0.5).
    lookupColormap(lut, 0.52, out, 0, 255);
    expect(Array.from(out)).toEqual(Array.from(lut.rgb.slice(15, 18)).map((c) => Math.round(c * 255)));
    lookupColormap(lut, NaN, out, 0, 255);
    expect(Array.from(out)).toEqual(NON_FINITE_SRGB.map((c) => Math.round(c * 255)));
  });
});

describe('CSS helpers', () => {
  it('formats a colour as rgb() with 0-255 components', () => {
    expect(colormapCss('viridis', 1)).toBe('rgb(253 231 37)');
  });

  it('builds a gradient from 0% to 100% through every anchor', () => {
    const css = colormapGradientCss('viridis');
    expect(css.startsWith('linear-gradient(to top, #440154 0.00%')).toBe(true);
    expect(css.endsWith('#fde725 100.00%)')).toBe(true);
    expect(css.match(/#/g)).toHaveLength(11);
  });
});

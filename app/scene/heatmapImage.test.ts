import { describe, expect, it } from 'vitest';
import { createColormapLut } from './colormap';
import { fillHeatmapPixels, scaledField } from './heatmapImage';
import { createHeightMapping } from './heightScale';

describe('scaledField', () => {
  it('scales finite values to [0, 1] and marks the rest NaN', () => {
    const values = [2, 4, NaN, 6, Infinity];
    const scaled = scaledField(values, createHeightMapping(values, { log: false }));
    expect(Array.from(scaled)).toEqual([0, 0.5, NaN, 1, NaN]);
  });
});

describe('fillHeatmapPixels', () => {
  it('puts the top grid row first and colours each node opaquely', () => {
    // 2 × 2 field: bottom row (j = 0) low, top row (j = 1) high.
    const values = new Float32Array([0, 0, 1, NaN]);
    const lut = createColormapLut('viridis', 256);
    const pixels = new Uint8ClampedArray(16);
    fillHeatmapPixels(values, 2, 2, createHeightMapping(values, { log: false }), lut, pixels);
    const pixel = (k: number): number[] => Array.from(pixels.slice(4 * k, 4 * k + 4));
    const lastEntry = Array.from(lut.rgb.slice(765, 768)).map((c) => Math.round(c * 255));
    const firstEntry = Array.from(lut.rgb.slice(0, 3)).map((c) => Math.round(c * 255));
    // Image row 0 is grid row j = 1: the value 1 then NaN (grey).
    expect(pixel(0)).toEqual([...lastEntry, 255]);
    expect(pixel(1)).toEqual([...lut.nonFinite.map((c) => Math.round(c * 255)), 255]);
    // Image row 1 is grid row j = 0: both at the bottom of the map.
    expect(pixel(2)).toEqual([...firstEntry, 255]);
    expect(pixel(3)).toEqual([...firstEntry, 255]);
  });
});

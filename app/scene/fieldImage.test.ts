import { describe, expect, it } from 'vitest';
import { gridIndex } from '../../workers/engine/math/plane/gridIndex';
import { createColormapLut } from './colormap';
import { fillFieldPixels, fillHeatmapPixels, heightColoring, scaledField } from './fieldImage';
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

describe('fillFieldPixels', () => {
  it('colours node j·nx + i at image column i, row ny − 1 − j, opaquely', () => {
    // A 3 × 2 grid (not square, so a transposed index would show): the node index goes into the red byte.
    const nx = 3;
    const ny = 2;
    const pixels = fillFieldPixels(nx, ny, (node, out, offset) => {
      out[offset] = node;
      out[offset + 1] = 100;
      out[offset + 2] = 200;
    });
    expect(pixels.length).toBe(4 * nx * ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const offset = 4 * ((ny - 1 - j) * nx + i);
        expect(Array.from(pixels.slice(offset, offset + 4))).toEqual([j * nx + i, 100, 200, 255]);
      }
    }
  });

  it('writes into the given buffer', () => {
    const buffer = new Uint8ClampedArray(4);
    expect(fillFieldPixels(1, 1, (_node, out, offset) => out.fill(7, offset, offset + 3), buffer)).toBe(buffer);
    expect(Array.from(buffer)).toEqual([7, 7, 7, 255]);
  });
});

describe('heightColoring', () => {
  it('colours by the height scale, ±∞ and NaN grey', () => {
    const values = [0, 5, 10, Infinity, -Infinity, NaN];
    const lut = createColormapLut('magma', 256);
    const color = heightColoring(values, createHeightMapping(values, { log: false }), lut);
    const out = new Uint8ClampedArray(3);
    const byte = (c: number) => Math.round(c * 255);
    const expectEntry = (node: number, entry: number) => {
      color(gridIndex(values.length, node, 0), out, 0);
      expect(Array.from(out)).toEqual(Array.from(lut.rgb.slice(3 * entry, 3 * entry + 3)).map(byte));
    };
    expectEntry(0, 0);
    expectEntry(1, 128); // round(0.5 · 255)
    expectEntry(2, 255);
    for (const node of [3, 4, 5]) {
      color(gridIndex(values.length, node, 0), out, 0);
      expect(Array.from(out)).toEqual(lut.nonFinite.map(byte));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createHeightMapping, lossToUnit } from './heightScale';
import { sampleField, surfaceUnitAt, unitOnOrAboveSurface } from './sampleField';
import type { HeightField } from './types';

/** A field sampled from f on an nx × ny grid over the window. */
function makeField(nx: number, ny: number, f: (x: number, y: number) => number): HeightField {
  const window = { xMin: -1, xMax: 3, yMin: 0, yMax: 2 };
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = window.xMin + (i * (window.xMax - window.xMin)) / (nx - 1);
      const y = window.yMin + (j * (window.yMax - window.yMin)) / (ny - 1);
      values[j * nx + i] = f(x, y);
    }
  }
  return { nx, ny, window, values, version: 1 };
}

describe('sampleField', () => {
  it('reproduces a bilinear function exactly, between nodes and on the far edges', () => {
    const f = (x: number, y: number): number => 2 * x - 3 * y + 0.5 * x * y + 1;
    const field = makeField(5, 4, f);
    for (const [x, y] of [[-1, 0], [0.37, 1.21], [3, 2], [2.999, 0.001], [1, 2]]) {
      expect(sampleField(field, x, y)).toBeCloseTo(f(x, y), 4);
    }
  });

  it('is NaN outside the window', () => {
    const field = makeField(3, 3, () => 1);
    expect(sampleField(field, -1.01, 1)).toBeNaN();
    expect(sampleField(field, 0, 2.5)).toBeNaN();
  });

  it('reads a node exactly even when a neighbour is NaN', () => {
    const field = makeField(3, 3, (x) => x);
    field.values[1] = NaN; // node (1, 0)
    expect(sampleField(field, -1, 0)).toBe(-1);
    expect(sampleField(field, 0, 0)).toBeNaN();
    expect(sampleField(field, 0.2, 0.5)).toBeNaN();
  });
});

describe('surfaceUnitAt', () => {
  it('equals the scaled value at the nodes', () => {
    const field = makeField(4, 3, (x, y) => x * x + y);
    const mapping = createHeightMapping(field.values, { log: true });
    expect(surfaceUnitAt(field, mapping, -1, 0)).toBeCloseTo(lossToUnit(mapping, field.values[0]), 6);
    expect(surfaceUnitAt(field, mapping, 3, 2)).toBeCloseTo(lossToUnit(mapping, field.values[11]), 6);
  });

  it('is linear on each of the two triangles of a cell, not bilinear', () => {
    // One cell with only the top-right corner raised: u = 0, 0, 0, 1 at (0,0), (1,0), (0,1), (1,1).
    const field: HeightField = { nx: 2, ny: 2, window: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, values: new Float32Array([0, 0, 0, 1]), version: 1 };
    const mapping = createHeightMapping(field.values, { log: false });
    // On the diagonal s = t the triangles share the edge (0,0)–(1,1): u = s.
    expect(surfaceUnitAt(field, mapping, 0.5, 0.5)).toBeCloseTo(0.5, 9);
    // Below the diagonal u = t; above it u = s. Bilinear would give s·t = 0.125 at both points.
    expect(surfaceUnitAt(field, mapping, 0.5, 0.25)).toBeCloseTo(0.25, 9);
    expect(surfaceUnitAt(field, mapping, 0.25, 0.5)).toBeCloseTo(0.25, 9);
  });

  it('draws NaN nodes at the bottom and is NaN outside the window', () => {
    const field: HeightField = { nx: 2, ny: 2, window: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, values: new Float32Array([NaN, 2, 2, 2]), version: 1 };
    const mapping = createHeightMapping([0, 2], { log: false });
    expect(surfaceUnitAt(field, mapping, 0, 0)).toBe(0);
    expect(surfaceUnitAt(field, mapping, 1, 0)).toBe(1);
    expect(surfaceUnitAt(field, mapping, 1.5, 0)).toBeNaN();
  });
});

describe('unitOnOrAboveSurface', () => {
  it('takes the larger height and lets a NaN defer to the other side', () => {
    expect(unitOnOrAboveSurface(0.2, 0.7)).toBe(0.7);
    expect(unitOnOrAboveSurface(0.9, 0.7)).toBe(0.9);
    expect(unitOnOrAboveSurface(0.4, NaN)).toBe(0.4);
    expect(unitOnOrAboveSurface(NaN, 0.3)).toBe(0.3);
    expect(unitOnOrAboveSurface(NaN, NaN)).toBeNaN();
  });
});

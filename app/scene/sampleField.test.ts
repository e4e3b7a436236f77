import { describe, expect, it } from 'vitest';
import { sampleField } from './sampleField';
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

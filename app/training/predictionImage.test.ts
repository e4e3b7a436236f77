import { describe, expect, it } from 'vitest';
import { NEUTRAL_RGB, tintedClassPixel } from './classColors';
import { fillPredictionPixels, regressionRange, unitInRange } from './predictionImage';
import type { DataPoints, PredictionField } from '../plots/types';

const window = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

function field(nx: number, ny: number, values: number[], confidence?: number[]): PredictionField {
  return { nx, ny, window, values: Float32Array.from(values), confidence: confidence && Float32Array.from(confidence), version: 1 };
}

function points(y: number[]): DataPoints {
  return { x: new Float32Array(2 * y.length), n: y.length, inputDim: 2, y: Float32Array.from(y), task: 'regression', classCount: 0 };
}

/** RGB of image pixel (column, row from the top). */
function pixel(image: Uint8ClampedArray, nx: number, column: number, row: number): number[] {
  const k = 4 * (row * nx + column);
  return [image[k], image[k + 1], image[k + 2]];
}

describe('regressionRange', () => {
  it('spans the finite predictions and targets together', () => {
    expect(regressionRange(field(2, 2, [1, 2, NaN, 4]), points([0, 10]))).toEqual({ min: 0, max: 10 });
    expect(regressionRange(field(1, 1, [3]), null, points([-2]))).toEqual({ min: -2, max: 3 });
  });

  it('widens a single value and falls back to [0, 1] without values', () => {
    expect(regressionRange(field(1, 1, [5]))).toEqual({ min: 4, max: 6 });
    expect(regressionRange(null)).toEqual({ min: 0, max: 1 });
  });

  it('places values on the map linearly', () => {
    expect(unitInRange(7.5, { min: 5, max: 10 })).toBe(0.5);
  });
});

describe('fillPredictionPixels', () => {
  it('puts the highest grid row at the top of the image and colours regression with viridis', () => {
    // Row j = 0 (y = yMin) holds 0, row j = 1 (y = yMax) holds 1.
    const image = fillPredictionPixels(field(2, 2, [0, 0, 1, 1]), { task: 'regression', classCount: 0, range: { min: 0, max: 1 } });
    // viridis ends: #fde725 at 1 (top), #440154 at 0 (bottom).
    expect(pixel(image, 2, 0, 0)).toEqual([0xfd, 0xe7, 0x25]);
    expect(pixel(image, 2, 1, 1)).toEqual([0x44, 0x01, 0x54]);
    expect(image[3]).toBe(255);
    expect(image[15]).toBe(255);
  });

  it('draws regression values that are not finite in grey', () => {
    const image = fillPredictionPixels(field(1, 1, [NaN]), { task: 'regression', classCount: 0, range: { min: 0, max: 1 } });
    expect(pixel(image, 1, 0, 0)).toEqual([140, 140, 140]);
  });

  it('tints each class by confidence: chance level is neutral, certainty the full tint', () => {
    const image = fillPredictionPixels(field(3, 1, [2, 2, 0], [1, 1 / 3, 0.6]), { task: 'multiclass', classCount: 3 });
    const full = [0, 0, 0];
    tintedClassPixel(2, 1, full);
    // Uint8ClampedArray rounds halves to even: allow the half unit.
    pixel(image, 3, 0, 0).forEach((c, k) => expect(Math.abs(c - full[k])).toBeLessThanOrEqual(0.5));
    expect(pixel(image, 3, 1, 0)).toEqual([...NEUTRAL_RGB]);
    const partial = [0, 0, 0];
    tintedClassPixel(0, 0.4, partial); // (0.6 − 1/3)/(2/3)
    pixel(image, 3, 2, 0).forEach((c, k) => expect(Math.abs(c - partial[k])).toBeLessThanOrEqual(1));
  });

  it('maps a binary prediction through p(class 1): class 0 at 90 % is the class-0 tint at strength 0.8', () => {
    const image = fillPredictionPixels(field(2, 1, [0, NaN], [0.9, NaN]), { task: 'binary', classCount: 2 });
    const expected = [0, 0, 0];
    tintedClassPixel(0, 0.8, expected);
    pixel(image, 2, 0, 0).forEach((c, k) => expect(Math.abs(c - expected[k])).toBeLessThanOrEqual(1));
    expect(pixel(image, 2, 1, 0)).toEqual([...NEUTRAL_RGB]);
  });
});

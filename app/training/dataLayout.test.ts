import { describe, expect, it } from 'vitest';
import { curveSampleX, curveSampleY, curveWindow, innerRect, inputWindow, paddedInterval, WINDOW_PADDING } from './dataLayout';
import type { DataPoints, PredictionField } from '../plots/types';

function points2d(coordinates: number[][], task: DataPoints['task'] = 'binary'): DataPoints {
  return {
    x: Float32Array.from(coordinates.flat()),
    n: coordinates.length,
    inputDim: 2,
    y: new Float32Array(coordinates.length),
    task,
    classCount: 2,
  };
}

function points1d(x: number[], y: number[], task: DataPoints['task'] = 'regression'): DataPoints {
  return { x: Float32Array.from(x), n: x.length, inputDim: 1, y: Float32Array.from(y), task, classCount: 2 };
}

function curve(values: number[], confidence?: number[]): PredictionField {
  return {
    nx: values.length,
    ny: 1,
    window: { xMin: -2, xMax: 2, yMin: 0, yMax: 0 },
    values: Float32Array.from(values),
    confidence: confidence && Float32Array.from(confidence),
    version: 0,
  };
}

describe('paddedInterval', () => {
  it('adds the padding share of the span on both sides', () => {
    const [lo, hi] = paddedInterval(0, 10);
    expect(lo).toBeCloseTo(-10 * WINDOW_PADDING, 12);
    expect(hi).toBeCloseTo(10 + 10 * WINDOW_PADDING, 12);
  });

  it('widens an empty span by 1 and handles no values', () => {
    expect(paddedInterval(3, 3)).toEqual([2, 4]);
    expect(paddedInterval(Infinity, -Infinity)).toEqual([-1, 1]);
  });
});

describe('inputWindow', () => {
  it('uses the prediction window when there is a prediction', () => {
    const prediction: PredictionField = { nx: 2, ny: 2, window: { xMin: -6, xMax: 6, yMin: -5, yMax: 5 }, values: new Float32Array(4), version: 0 };
    expect(inputWindow(points2d([[0, 0]]), null, prediction)).toEqual({ xMin: -6, xMax: 6, yMin: -5, yMax: 5 });
  });

  it('fits both sets’ points, padded, without a prediction', () => {
    const view = inputWindow(points2d([[0, 1], [2, 3]]), points2d([[-2, 5]]), null);
    // x ∈ [−2, 2] (span 4), y ∈ [1, 5] (span 4).
    expect(view.xMin).toBeCloseTo(-2 - 4 * WINDOW_PADDING, 6);
    expect(view.xMax).toBeCloseTo(2 + 4 * WINDOW_PADDING, 6);
    expect(view.yMin).toBeCloseTo(1 - 4 * WINDOW_PADDING, 6);
    expect(view.yMax).toBeCloseTo(5 + 4 * WINDOW_PADDING, 6);
  });
});

describe('curveWindow (1-D inputs)', () => {
  it('spans the prediction’s inputs and the targets and predicted values', () => {
    const view = curveWindow(points1d([-1, 1], [0, 2]), null, curve([-2, 0, 4]));
    expect([view.xMin, view.xMax]).toEqual([-2, 2]);
    // y ∈ [−2, 4] (span 6).
    expect(view.yMin).toBeCloseTo(-2 - 6 * WINDOW_PADDING, 6);
    expect(view.yMax).toBeCloseTo(4 + 6 * WINDOW_PADDING, 6);
  });

  it('uses the inputs’ range without a prediction', () => {
    const view = curveWindow(points1d([0, 10], [1, 1]), null, null);
    expect(view.xMin).toBeCloseTo(-10 * WINDOW_PADDING, 6);
    expect([view.yMin, view.yMax]).toEqual([0, 2]);
  });
});

describe('curve samples', () => {
  it('spaces x evenly over the window', () => {
    const prediction = curve([0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3, 4].map((i) => curveSampleX(prediction, i))).toEqual([-2, -1, 0, 1, 2]);
  });

  it('plots p(class 1) for binary problems and the value otherwise', () => {
    const prediction = curve([1, 0], [0.75, 0.75]);
    expect(curveSampleY(prediction, 'binary', 0)).toBe(0.75);
    expect(curveSampleY(prediction, 'binary', 1)).toBe(0.25);
    expect(curveSampleY(prediction, 'regression', 1)).toBe(0);
  });
});

describe('innerRect', () => {
  it('is the canvas minus the margins', () => {
    expect(innerRect(300, 200, { left: 10, right: 20, top: 5, bottom: 15 })).toEqual({ left: 10, top: 5, width: 270, height: 180 });
  });
});

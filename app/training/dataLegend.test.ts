import { describe, expect, it } from 'vitest';
import { classColor } from './classColors';
import { classEntries, describeDataView, fieldMeaning } from './dataLegend';
import type { DataPoints, PredictionField } from '../plots/types';

function set(n: number, task: DataPoints['task'], classCount: number, inputDim = 2): DataPoints {
  return { x: new Float32Array(n * inputDim), n, inputDim, y: new Float32Array(n), task, classCount };
}

describe('classEntries', () => {
  it('names each class and gives it its colour', () => {
    expect(classEntries(set(3, 'multiclass', 3), ['setosa', 'versicolor'])).toEqual([
      { name: 'setosa', color: classColor(0) },
      { name: 'versicolor', color: classColor(1) },
      { name: 'class 2', color: classColor(2) },
    ]);
  });

  it('lists two classes for a binary problem and none for regression', () => {
    expect(classEntries(set(3, 'binary', 0)).map((e) => e.name)).toEqual(['class 0', 'class 1']);
    expect(classEntries(set(3, 'regression', 0))).toEqual([]);
    expect(classEntries(null)).toEqual([]);
  });
});

describe('describeDataView', () => {
  const prediction: PredictionField = { nx: 64, ny: 48, window: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, values: new Float32Array(64 * 48), version: 0 };

  it('counts the points and classes and names the grid', () => {
    expect(describeDataView(set(200, 'multiclass', 3), set(100, 'multiclass', 3), prediction)).toBe(
      "Data view: 200 training and 100 test points in 3 classes over the network's prediction (grid 64 × 48).",
    );
  });

  it('says when there is no data or no prediction', () => {
    expect(describeDataView(null, null, null)).toBe('Data view: no data yet.');
    expect(describeDataView(set(5, 'regression', 0), null, null)).toBe('Data view: 5 training points with regression targets, no prediction yet.');
  });

  it('explains the background or the curve', () => {
    expect(fieldMeaning('binary', 2)).toContain('decision boundary');
    expect(fieldMeaning('regression', 1)).toContain('curve');
  });
});

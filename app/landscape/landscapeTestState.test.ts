import { describe, expect, it } from 'vitest';
import { emptyLandscapeState } from '../store/landscapeSlice';
import { landscapeTestState } from './landscapeTestState';
import { lineSlice } from '../plots/testing/lineSlice';

describe('landscapeTestState', () => {
  it('is all null before anything is computed', () => {
    expect(landscapeTestState(emptyLandscapeState())).toEqual({ slice: null, probe: null, curvature: null });
  });

  it('summarises a partly refined plane: finite values, their range, the projected runs', () => {
    const landscape = {
      ...emptyLandscapeState(),
      field: { nx: 2, ny: 2, window: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, values: Float32Array.of(0.5, Number.NaN, 2, 1), version: 7 },
      fieldDone: 3,
      fieldTotal: 4,
      faithfulness: [{ runId: 'o2', maxLossGap: 0.01, relativeResidual: 0.2 }],
    };
    const { slice } = landscapeTestState(landscape);
    expect(slice).toMatchObject({ dims: 2, nx: 2, ny: 2, done: 3, total: 4, finite: 3, min: 0.5, max: 2, version: 7, projectedRuns: ['o2'], marks: [] });
  });

  it('reads a line\'s marks at the nearest samples', () => {
    const landscape = {
      ...emptyLandscapeState(),
      line: lineSlice({
        trainLoss: Float32Array.of(5, 4, 3, 2, 1),
        marks: [
          { alpha: 0, label: 'A' },
          { alpha: 0.98, label: 'B' },
        ],
        done: 5,
      }),
    };
    expect(landscapeTestState(landscape).slice?.marks).toEqual([
      { alpha: 0, label: 'A', value: 4 },
      { alpha: 0.98, label: 'B', value: 2 },
    ]);
    expect(landscapeTestState(landscape).slice?.dims).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSliceSettings } from '../../workers/engine/spec/landscapeSettings';
import type { MatrixCurvature, ProjectedRun } from '../../workers/engine/spec/messages/landscape';
import { createHeightMapping } from '../scene/heightScale';
import { PATH_LIFT, fillPathPositions } from '../scene/pathFill';
import { HEIGHT_RANGE } from '../scene/planeLayout';
import { surfaceUnitAt } from '../scene/sampleField';
import type { HeightField } from '../scene/types';
import {
  criticalMarkers,
  faithfulnessItems,
  lineMarks,
  projectedPaths,
  readoutsOf,
  sliceWindow,
  spectrumViewOf,
} from './landscapeViews';

const looks = [
  { id: 'o1', label: 'o1 (sgd, batch 8)', color: '#4cc9f0' },
  { id: 'o2', label: 'o2 (sgd, full batch)', color: '#ff7aa2' },
];

function projected(runId: string): ProjectedRun {
  return {
    runId,
    alpha: Float64Array.of(0, 0.5, 2),
    beta: Float64Array.of(0, -0.5, 0),
    trueValues: Float32Array.of(1, 0.5, 0.25),
    // The last point fell outside the slice's range.
    surfaceValues: Float64Array.of(1.1, 0.4, Number.NaN),
    quality: { maxGap: 0.1, meanGap: 0.1, pointsOutside: 1, relativeResidual: 0.05, maxResidual: 0.2, pathLength: 3, valueRange: 0.75 },
  };
}

describe('slice views', () => {
  it('maps α to x and β to y, and critical points to markers with their values', () => {
    expect(sliceWindow({ alpha: [-1, 2], beta: [-0.5, 0.5] })).toEqual({ xMin: -1, xMax: 2, yMin: -0.5, yMax: 0.5 });
    expect(criticalMarkers([{ kind: 'saddle', alpha: 0.25, beta: -0.5, value: 0.7 }])).toEqual([{ x: 0.25, y: -0.5, kind: 'saddle', loss: 0.7 }]);
  });

  it('draws each run once, on the surface, with its true losses alongside, leaving out points off the slice', () => {
    const paths = projectedPaths([projected('o2')], looks);
    expect(paths).toHaveLength(1);
    const [path] = paths;
    expect(path.id).toBe('o2');
    expect(path.length).toBe(2);
    expect(Array.from(path.points)).toEqual([0, 0, 0.5, -0.5]);
    // Heights from the surface's values, never from the true losses (which would stand off it as poles).
    expect(Array.from(path.losses)).toEqual([1.1, 0.4]);
    expect(Array.from(path.trueLosses!)).toEqual([1, 0.5]);
    expect(path.color).toBe('#ff7aa2');
    expect(path.label).toBe('o2 (sgd, full batch)');
  });

  it('puts a projected path on the drawn surface even where its true losses lie far above or below it', () => {
    // A slice whose values form a plane, f(α, β) = 0.6 + 0.05 α − 0.03 β on [−1, 1]², so that the
    // worker's bilinear surface values and the drawn mesh agree everywhere.
    const f = (a: number, b: number) => 0.6 + 0.05 * a - 0.03 * b;
    const n = 5;
    const values = new Float32Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(-1 + (2 * i) / (n - 1), -1 + (2 * j) / (n - 1));
    const field: HeightField = { nx: n, ny: n, window: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, values, version: 1 };
    const alpha = Float64Array.of(0.02, 0.01, -0.3, 0.7);
    const beta = Float64Array.of(0.01, 0.02, 0.4, -0.9);
    // The trajectory from θ₀ (loss 2.5, far above the slice's 0.52–0.68) down to a loss below it.
    const run: ProjectedRun = {
      ...projected('o1'),
      alpha,
      beta,
      trueValues: Float32Array.of(2.5, 1.2, 0.3, 0.05),
      surfaceValues: Float64Array.from(alpha, (a, t) => f(a, beta[t])),
    };
    const mapping = createHeightMapping(values, { log: false });
    // Every line drawn for the run lies on the mesh.
    for (const path of projectedPaths([run], looks)) {
      const positions = new Float32Array(3 * path.length);
      fillPathPositions(path, field, mapping, 0, path.length, positions);
      for (let p = 0; p < path.length; p++) {
        const onMesh = surfaceUnitAt(field, mapping, alpha[p], beta[p]) * HEIGHT_RANGE + PATH_LIFT;
        expect(positions[3 * p + 2]).toBeCloseTo(onMesh, 4);
      }
      // The first two points sit side by side on the plane: no pole between them, whatever their true losses.
      expect(Math.abs(positions[2] - positions[5])).toBeLessThan(0.01 * HEIGHT_RANGE);
    }
  });

  it('badges each run with its gap, off-plane distance and loss scale', () => {
    const [item] = faithfulnessItems([projected('o1')], looks);
    expect(item).toEqual({ runId: 'o1', label: 'o1 (sgd, batch 8)', color: '#4cc9f0', maxLossGap: 0.1, relativeResidual: 0.05, lossScale: 0.75 });
  });

  it('marks θ_A and θ_B on an interpolation line, the centre otherwise', () => {
    const interpolation = { ...defaultSliceSettings(), directions: 'interpolation' as const, runA: 'o1', runB: 'init' };
    expect(lineMarks(interpolation, looks)).toEqual([
      { alpha: 0, label: 'o1 (sgd, batch 8)' },
      { alpha: 1, label: 'θ₀' },
    ]);
    expect(lineMarks({ ...defaultSliceSettings(), centre: 'o2' }, looks)).toEqual([{ alpha: 0, label: 'o2 (sgd, full batch)' }]);
  });
});

describe('curvature views', () => {
  const matrix: MatrixCurvature = {
    matrix: 'gaussNewton',
    readouts: { lambdaMax: 4, lambdaMin: 0.5, conditionNumber: 8, positiveConditionNumber: 8, negativeFraction: 0, trace: 9, source: 'exact' },
    largest: [4],
    smallest: [0.5],
    largestErrors: [1e-6],
    smallestErrors: [2e-6],
    lanczosProducts: 12,
    converged: true,
    trace: {
      hutchinson: { estimate: 8, standardError: 1, products: 30, budget: 30, stop: 'budget' },
      hutchPlusPlus: { estimate: 8.9, standardError: 0.2, products: 30, budget: 60, stop: 'tolerance' },
    },
    density: {
      linear: { grid: Float64Array.of(0, 1), density: Float64Array.of(0.5, 0.5) },
      symlog: { grid: Float64Array.of(0, 3), density: Float64Array.of(0.2, 0.1), linearScale: 0.004 },
      integral: 1,
      negativeWeight: 0,
      nonNegative: true,
      semicircle: Float64Array.of(0.3, 0.3),
      marchenkoPastur: null,
      products: 40,
      budget: 2000,
      stop: 'tolerance',
      mean: 3.1,
      meanStandardError: 0.05,
      negativeWeightStandardError: 0.01,
      deflatedDimension: 30,
      runs: 10,
    },
    exact: Float64Array.of(4, 4, 0.5),
    along: [{ label: 'slice d1', value: 1.5 }],
  };

  it('gives the chart the curve of the chosen axis, the exact eigenvalues and the references', () => {
    const linear = spectrumViewOf(matrix, 'linear');
    expect(linear.matrix).toBe('gauss-newton');
    expect(linear.slq?.grid).toBe(matrix.density.linear.grid);
    expect(linear.exact).toBe(matrix.exact);
    expect(linear.references.map((reference) => reference.label)).toEqual(['semicircle (same mean, variance)']);
    const symlog = spectrumViewOf(matrix, 'symlog');
    expect(symlog.slq?.grid).toBe(matrix.density.symlog.grid);
    expect(symlog.slq?.gridUnits).toBe('symlog');
    expect(symlog.symlogScale).toBe(0.004);
    // G is positive semi-definite: the chart says its smoothing stops at 0.
    expect(linear.nonNegative).toBe(true);
    expect(spectrumViewOf({ ...matrix, density: { ...matrix.density, nonNegative: false } }, 'linear').nonNegative).toBe(false);
  });

  it('reads out Hutch++ with its error beside the exact trace, the split and every product count', () => {
    const readouts = readoutsOf(matrix, { method: 'exact', residualShare: 0.3, residualShareError: 0 });
    expect(readouts.trace).toEqual({ estimate: 8.9, standardError: 0.2, method: 'Hutch++; exact 9.000' });
    expect(readouts.remainderShare).toBe(0.3);
    expect(readouts.products).toEqual({ lanczos: 12, 'Hutch++': 30, Hutchinson: 30, SLQ: 40, exact: 3 });
    expect(readoutsOf({ ...matrix, exact: null, readouts: { ...matrix.readouts, source: 'estimated' } }, null).trace?.method).toBe('Hutch++');
  });

  it('gives every estimate its ± : Lanczos error bars, both traces, the density mean and its budget', () => {
    const estimated = readoutsOf({ ...matrix, exact: null, readouts: { ...matrix.readouts, source: 'estimated' } }, null);
    expect(estimated.lambdaMaxError).toBe(1e-6);
    expect(estimated.lambdaMinError).toBe(2e-6);
    // The fixture's matrix is positive semi-definite: no negative eigenvalue by construction, so no error bar ...
    expect(estimated.negativeFractionError).toBeNull();
    // ... while an indefinite one's negative share carries the probes' standard error.
    const indefinite = { ...matrix, exact: null, density: { ...matrix.density, nonNegative: false }, readouts: { ...matrix.readouts, source: 'estimated' as const } };
    expect(readoutsOf(indefinite, null).negativeFractionError).toBe(0.01);
    expect(estimated.hutchinson).toEqual({ estimate: 8, standardError: 1, method: 'Hutchinson, budget spent' });
    expect(estimated.density).toEqual({ mean: 3.1, standardError: 0.05, products: 40, budget: 2000, stop: 'tolerance' });
    // With the exact spectrum the extremes are exact: no error bar.
    expect(readoutsOf(matrix, null).lambdaMaxError).toBeNull();
  });
});

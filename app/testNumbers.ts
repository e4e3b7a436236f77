/**
 * The full-precision numbers the page holds, for end-to-end tests that
 * compare them with other computations of the same link (`npm run explore`):
 * every analytic path (points and f), the analytic surface, each training
 * run's evaluated losses, and the slice's values. Read on demand through
 * `window.__explorer.getNumbers()`; copies, never the store's arrays.
 */
import type { Store } from './store/store';

/** The page's numbers (see the module comment). */
export interface ExplorerNumbers {
  /** Each optimizer's path: interleaved x, y and f of every point so far. */
  paths: { id: string; points: number[]; losses: number[] }[];
  /** The analytic surface (row-major j·nx + i), null before it or in network mode. */
  surface: { nx: number; ny: number; values: number[] } | null;
  /** Each training run's full-data evaluations so far. */
  curves: { id: string; steps: number[]; trainLoss: number[]; testLoss: number[] }[];
  /** The last slice's values (j·nx + i) and axes, null before one. */
  slice: { nx: number; ny: number; alphas: number[]; betas: number[]; values: number[] } | null;
}

const filled = (series: { values: Float64Array; length: number }) => Array.from(series.values.subarray(0, series.length));

/** The numbers of the store's state `s`. */
export function testNumbers(s: Store): ExplorerNumbers {
  const analytic = s.experiment.problem.kind === 'analytic';
  const slice = s.landscape.slice;
  return {
    paths: s.paths.map((path) => ({ id: path.id, points: Array.from(path.points.subarray(0, 2 * path.length)), losses: Array.from(path.losses.subarray(0, path.length)) })),
    surface: analytic && s.field ? { nx: s.field.nx, ny: s.field.ny, values: Array.from(s.field.values) } : null,
    curves: s.curves.map((curve) => ({
      id: curve.id,
      steps: Array.from(curve.trainLoss.steps.subarray(0, curve.trainLoss.length)),
      trainLoss: filled(curve.trainLoss),
      testLoss: filled(curve.testLoss),
    })),
    slice: slice && { nx: slice.nx, ny: slice.ny, alphas: Array.from(slice.alphas), betas: Array.from(slice.betas), values: Array.from(slice.values) },
  };
}

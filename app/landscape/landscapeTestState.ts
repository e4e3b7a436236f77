/**
 * The landscape part of the test handle's state (`window.__explorer`):
 * summaries of the slice, the probed point and the curvature report,
 * never the arrays themselves.
 */
import type { LandscapeState } from '../store/landscapeSlice';

/** The slice as end-to-end tests see it. */
export interface SliceTestState {
  dims: 1 | 2;
  nx: number;
  ny: number;
  /** Points computed so far (the rest of the field is interpolated). */
  done: number;
  total: number;
  /** Whether the last slice job finished. */
  state: string | null;
  /** How the shown slice's directions were chosen ('random', 'pca', …; null while its first slice is unfinished). */
  directions: string | null;
  /** Finite values of the shown field, and their range. */
  finite: number;
  min: number;
  max: number;
  /** Field versions drawn so far: grows as the slice refines. */
  version: number;
  /** Partial results received before the finished slice (> 1: refined coarse to fine). */
  chunks: number;
  /** Runs whose trajectories are drawn on the slice. */
  projectedRuns: string[];
  faithfulness: { runId: string; maxLossGap: number; relativeResidual: number }[];
  criticalPoints: { minima: number; saddles: number };
  /** A line's named points (e.g. θ_A at α = 0) with the training loss at the sample nearest each. */
  marks: { alpha: number; label: string; value: number }[];
}

/** The probed point as tests see it. */
export interface ProbeTestState {
  loss: number;
  lambdaMax: number | null;
  lambdaMin: number | null;
  caption: string;
  hasPrediction: boolean;
}

/** The curvature report as tests see it (of the first matrix shown). */
export interface CurvatureTestState {
  matrices: string[];
  lambdaMax: number;
  lambdaMin: number;
  /** Hutch++'s estimate. */
  trace: number;
  traceStandardError: number;
  /** ∫ density dλ of the smoothed SLQ density. */
  densityIntegral: number;
  /** Exact eigenvalues known (0 without the exact spectrum). */
  exactCount: number;
  jobState: string | null;
}

/** The index of the entry of `axis` nearest `value`. */
function nearestIndex(axis: ArrayLike<number>, value: number): number {
  let best = 0;
  for (let k = 1; k < axis.length; k++) if (Math.abs(axis[k] - value) < Math.abs(axis[best] - value)) best = k;
  return best;
}

function finiteRange(values: ArrayLike<number>): { finite: number; min: number; max: number } {
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!Number.isFinite(value)) continue;
    finite++;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return { finite, min, max };
}

/** The summaries of `landscape` (null where nothing was computed). */
export function landscapeTestState(landscape: LandscapeState): { slice: SliceTestState | null; probe: ProbeTestState | null; curvature: CurvatureTestState | null } {
  const { field, line, slice } = landscape;
  let sliceState: SliceTestState | null = null;
  if (field !== null || line !== null) {
    const values = field !== null ? field.values : line!.trainLoss;
    const dims = field !== null ? 2 : 1;
    sliceState = {
      dims,
      nx: field !== null ? field.nx : line!.alphas.length,
      ny: field !== null ? field.ny : 1,
      done: landscape.fieldDone,
      total: landscape.fieldTotal,
      state: landscape.sliceJob?.state ?? null,
      directions: slice?.directions.kind ?? null,
      ...finiteRange(values),
      version: field?.version ?? line!.version,
      chunks: landscape.fieldChunks,
      projectedRuns: landscape.faithfulness.map((item) => item.runId),
      faithfulness: landscape.faithfulness.map((item) => ({ runId: item.runId, maxLossGap: item.maxLossGap, relativeResidual: item.relativeResidual })),
      criticalPoints: {
        minima: slice?.critical.filter((mark) => mark.kind === 'minimum').length ?? 0,
        saddles: slice?.critical.filter((mark) => mark.kind === 'saddle').length ?? 0,
      },
      marks: line === null ? [] : line.marks.map((mark) => ({ ...mark, value: line.trainLoss[nearestIndex(line.alphas, mark.alpha)] })),
    };
  }
  const probe = landscape.probe;
  const report = landscape.curvature?.summary;
  const first = report?.matrices[0];
  return {
    slice: sliceState,
    probe: probe && { loss: probe.loss, lambdaMax: probe.lambdaMax, lambdaMin: probe.lambdaMin, caption: probe.caption, hasPrediction: probe.prediction !== null },
    curvature:
      report && first
        ? {
            matrices: report.matrices.map((matrix) => matrix.matrix),
            lambdaMax: first.readouts.lambdaMax,
            lambdaMin: first.readouts.lambdaMin,
            trace: first.trace.hutchPlusPlus.estimate,
            traceStandardError: first.trace.hutchPlusPlus.standardError,
            densityIntegral: first.density.integral,
            exactCount: first.exact?.length ?? 0,
            jobState: landscape.curvatureJob?.state ?? null,
          }
        : null,
  };
}

/**
 * From the landscape worker's results to the props of the scene and the
 * views: the slice as a height field over the (α, β) plane, its critical
 * points as markers, projected runs as paths and faithfulness badges, a line
 * slice for the chart, and spectra and read-outs for the curvature view.
 * Pure functions, so they are tested without a worker or a browser.
 */
import type { SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import type {
  CurvatureSummary,
  LineProfiles,
  MatrixCurvature,
  ProjectedRun,
  SliceCriticalMark,
  SliceSummary,
} from '../../workers/engine/spec/messages/landscape';
import type { HeightField, MarkerView, PathView } from '../scene/types';
import type { CurvatureReadouts, DensityCurve, LineSlice, ProjectionFaithfulness, SpectrumView } from '../plots/types';

/** A run as the landscape shows it: its id, name and colour. */
export interface RunLook {
  id: string;
  label: string;
  color: string;
}

/** The slice's plane as the scene's window: α across, β up. */
export function sliceWindow(settings: Pick<SliceSettings, 'alpha' | 'beta'>): HeightField['window'] {
  return { xMin: settings.alpha[0], xMax: settings.alpha[1], yMin: settings.beta[0], yMax: settings.beta[1] };
}

/** The critical points of the slice as scene markers (their value shown on hover). */
export function criticalMarkers(critical: readonly SliceCriticalMark[]): MarkerView[] {
  return critical.map((mark) => ({ x: mark.alpha, y: mark.beta, kind: mark.kind, loss: mark.value }));
}

/**
 * One path per projected run, through its projections (α_t, β_t) and drawn
 * on the surface: its heights are the slice's values there, so it follows
 * the landscape the picture shows. The true values L(θ_t) ride along as
 * `trueLosses` for read-outs. They are not drawn as heights: a trajectory
 * lies mostly off a random plane, its projections bunch together while its
 * true loss falls, and a line at the true loss stands over the slice as a
 * vertical pole. The faithfulness badge reports the gap between the two.
 * Points outside the slice's range are left out.
 */
export function projectedPaths(runs: readonly ProjectedRun[], looks: readonly RunLook[]): PathView[] {
  return runs.map((run) => {
    const look = looks.find((candidate) => candidate.id === run.runId) ?? { id: run.runId, label: run.runId, color: '#e9ecef' };
    const inside: number[] = [];
    run.surfaceValues.forEach((value, t) => {
      if (Number.isFinite(value) && Number.isFinite(run.trueValues[t])) inside.push(t);
    });
    const points = new Float64Array(inside.length * 2);
    inside.forEach((t, k) => {
      points[2 * k] = run.alpha[t];
      points[2 * k + 1] = run.beta[t];
    });
    return {
      id: run.runId,
      label: look.label,
      color: look.color,
      points,
      losses: Float64Array.from(inside, (t) => run.surfaceValues[t]),
      trueLosses: Float64Array.from(inside, (t) => run.trueValues[t]),
      length: inside.length,
      status: 'done',
      version: 1,
    };
  });
}

/** One faithfulness badge per projected run, its gap judged against the true values' range. */
export function faithfulnessItems(runs: readonly ProjectedRun[], looks: readonly RunLook[]): ProjectionFaithfulness[] {
  return runs.map((run) => {
    const look = looks.find((candidate) => candidate.id === run.runId);
    return {
      runId: run.runId,
      label: look?.label,
      color: look?.color,
      maxLossGap: run.quality.maxGap,
      relativeResidual: run.quality.relativeResidual,
      lossScale: run.quality.valueRange > 0 ? run.quality.valueRange : undefined,
    };
  });
}

/** The marks of a line slice: θ_A and θ_B of an interpolation, the centre otherwise. */
export function lineMarks(settings: SliceSettings, looks: readonly RunLook[]): LineSlice['marks'] {
  const name = (id: string) => (id === 'init' ? 'θ₀' : (looks.find((look) => look.id === id)?.label ?? id));
  if (settings.directions === 'interpolation') {
    return [
      { alpha: 0, label: name(settings.runA) },
      { alpha: 1, label: name(settings.runB) },
    ];
  }
  return [{ alpha: 0, label: name(settings.centre) }];
}

/** A line slice for the chart: every profile the worker computed. */
export function lineSliceOf(summary: SliceSummary, profiles: LineProfiles, marks: LineSlice['marks'], version: number): LineSlice {
  return {
    alphas: summary.alphas,
    trainLoss: profiles.trainLoss,
    testLoss: profiles.testLoss,
    trainAccuracy: profiles.trainAccuracy,
    testAccuracy: profiles.testAccuracy,
    marks,
    done: summary.alphas.length,
    version,
  };
}

/** The views' name of an engine matrix. */
export function viewMatrixName(matrix: MatrixCurvature['matrix']): SpectrumView['matrix'] {
  return matrix === 'hessian' ? 'hessian' : 'gauss-newton';
}

/**
 * What the spectrum chart draws for one matrix on `axis`: the smoothed SLQ
 * density, the exact eigenvalues (for the histogram) and the random-matrix
 * references with the same mean and variance.
 */
export function spectrumViewOf(matrix: MatrixCurvature, axis: SpectrumView['axis']): SpectrumView {
  const { density } = matrix;
  const slq: DensityCurve =
    axis === 'symlog'
      ? { grid: density.symlog.grid, density: density.symlog.density, label: 'SLQ density', gridUnits: 'symlog' }
      : { grid: density.linear.grid, density: density.linear.density, label: 'SLQ density', gridUnits: 'eigenvalue' };
  const references: DensityCurve[] = [];
  if (density.semicircle) references.push({ grid: density.linear.grid, density: density.semicircle, label: 'semicircle (same mean, variance)', gridUnits: 'eigenvalue' });
  if (density.marchenkoPastur) references.push({ grid: density.linear.grid, density: density.marchenkoPastur, label: 'Marchenko–Pastur (same mean, variance)', gridUnits: 'eigenvalue' });
  return {
    matrix: viewMatrixName(matrix.matrix),
    slq,
    exact: matrix.exact,
    references,
    axis,
    symlogScale: density.symlog.linearScale,
    nonNegative: density.nonNegative,
  };
}

/**
 * The read-outs of one matrix: exact extremes where the exact spectrum is
 * known, otherwise Lanczos' with their error bars; the trace by Hutch++ ±
 * its standard error (and the exact trace beside it when known), plain
 * Hutchinson beside it, and the density's mean ± its standard error with the
 * budget it used. A trace that spent its budget before reaching the
 * requested error says so.
 */
export function readoutsOf(matrix: MatrixCurvature, split: CurvatureSummary['split']): CurvatureReadouts {
  const { readouts, density } = matrix;
  const hutchPlusPlus = matrix.trace.hutchPlusPlus;
  const hutchinson = matrix.trace.hutchinson;
  const estimated = readouts.source === 'estimated';
  const spent = (stop: string) => (stop === 'budget' ? ', budget spent' : '');
  // Hutch++ is always shown, so its error can be judged against the exact trace when that is known.
  const method = `Hutch++${spent(hutchPlusPlus.stop)}${estimated ? '' : `; exact ${readouts.trace.toPrecision(4)}`}`;
  return {
    lambdaMax: readouts.lambdaMax,
    lambdaMin: readouts.lambdaMin,
    lambdaMaxError: estimated ? (matrix.largestErrors[0] ?? null) : null,
    lambdaMinError: estimated ? (matrix.smallestErrors[0] ?? null) : null,
    conditionNumber: readouts.conditionNumber,
    negativeFraction: readouts.negativeFraction,
    // A positive semi-definite matrix (Gauss-Newton) has no negative eigenvalue by construction: 0 %, no error bar.
    negativeFractionError: estimated && !density.nonNegative ? density.negativeWeightStandardError : null,
    trace: { estimate: hutchPlusPlus.estimate, standardError: hutchPlusPlus.standardError, method },
    hutchinson: { estimate: hutchinson.estimate, standardError: hutchinson.standardError, method: `Hutchinson${spent(hutchinson.stop)}` },
    density: { mean: density.mean, standardError: density.meanStandardError, products: density.products, budget: density.budget, stop: density.stop },
    along: matrix.along,
    remainderShare: split?.residualShare ?? null,
    products: {
      lanczos: matrix.lanczosProducts,
      'Hutch++': hutchPlusPlus.products,
      Hutchinson: matrix.trace.hutchinson.products,
      SLQ: matrix.density.products,
      ...(matrix.exact ? { exact: matrix.exact.length } : {}),
    },
  };
}

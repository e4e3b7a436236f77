/**
 * From what a headless exploration computed to the results document
 * (app/export/results.ts): the runs named and coloured as the page names
 * them, typed arrays turned into plain numbers, grids with their axes.
 */
import { parameterSummary, RESULTS_FORMAT, sliceSurface, valueOf, valuesOf, type MarkerResults, type MatrixResults, type NetworkResults, type NetworkRunResults, type ResultsDocument, type SurfaceResults } from '../../app/export/results';
import { lineMarks } from '../../app/landscape/landscapeViews';
import { runLabels } from '../../app/runs/runLabels';
import type { AnalyticExperiment, NetworkExperiment } from '../engine/spec/experiment';
import type { CurvatureSummary, MatrixCurvature, ProjectedRun, SliceSummary } from '../engine/spec/messages/landscape';
import { batchSizeOf } from '../engine/spec/runs';
import type { AnalyticOutcome } from './analyticExploration';
import type { NetworkOutcome, NetworkRunOutcome } from './networkExploration';

/** Where the results were computed and from which link. */
export interface ResultsSource {
  /** The link's hash, "#" included. */
  link: string;
  backend: string;
  linkMessages: string[];
}

/** x_i = lo + i·(hi − lo)/(n − 1), i = 0 … n − 1: the grid's sample positions, computed as `gridPoints` computes them (in float64). */
function axisValues(lo: number, hi: number, n: number): number[] {
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => lo + i * step);
}

/** The results of an analytic experiment. */
export function analyticResults(experiment: AnalyticExperiment, outcome: AnalyticOutcome, source: ResultsSource): ResultsDocument {
  const labels = runLabels(experiment.optimizers, 'analytic');
  const { window, grid } = experiment;
  const surface: SurfaceResults = {
    of: 'function',
    quantity: 'f',
    split: null,
    nx: grid.nx,
    ny: grid.ny,
    x: { name: 'x', values: axisValues(window.xMin, window.xMax, grid.nx) },
    y: { name: 'y', values: axisValues(window.yMin, window.yMax, grid.ny) },
    values: valuesOf(outcome.surface),
  };
  return {
    format: RESULTS_FORMAT,
    link: source.link,
    experiment,
    backend: source.backend,
    engine: null,
    linkMessages: source.linkMessages,
    runs: outcome.runs.map((run, index) => {
      const spec = experiment.optimizers[index];
      const last = run.losses.length - 1;
      const path = Array.from({ length: run.losses.length }, (_, t): [number, number] => [run.points[2 * t], run.points[2 * t + 1]]);
      return {
        kind: 'analytic',
        id: run.id,
        label: labels[index],
        color: spec.color,
        optimizer: spec.name,
        stepCount: run.stepCount,
        divergedAt: run.divergedAt,
        divergence: run.divergence,
        losses: valuesOf(run.losses),
        gradNorms: valuesOf(run.gradNorms),
        path,
        final: { x: path[last][0], y: path[last][1], loss: valueOf(run.losses[last]), gradNorm: valueOf(run.gradNorms[last]) },
      };
    }),
    surface,
    line: null,
    markers: outcome.markers.map((marker) => ({ kind: marker.kind, x: marker.x, y: marker.y, value: valueOf(marker.loss), eigenvalues: marker.eigenvalues })),
    network: null,
    curvature: null,
    failures: [],
  };
}

/** The last finite entry of `values`, or null. */
function lastFinite(values: ArrayLike<number>): number | null {
  for (let k = values.length - 1; k >= 0; k--) if (Number.isFinite(values[k])) return values[k];
  return null;
}

function projectionOf(projected: ProjectedRun | undefined, steps: Int32Array): NetworkRunResults['projection'] {
  if (projected === undefined) return null;
  const q = projected.quality;
  return {
    steps: Array.from(steps),
    alpha: valuesOf(projected.alpha),
    beta: valuesOf(projected.beta),
    trueValues: valuesOf(projected.trueValues),
    surfaceValues: valuesOf(projected.surfaceValues),
    quality: {
      maxGap: valueOf(q.maxGap),
      meanGap: valueOf(q.meanGap),
      pointsOutside: q.pointsOutside,
      relativeResidual: valueOf(q.relativeResidual),
      maxResidual: valueOf(q.maxResidual),
      pathLength: valueOf(q.pathLength),
      valueRange: valueOf(q.valueRange),
    },
  };
}

function networkRunResults(run: NetworkRunOutcome, index: number, experiment: NetworkExperiment, labels: string[], outcome: NetworkOutcome): NetworkRunResults {
  const spec = experiment.optimizers[index];
  const { evaluation, sharpness } = run;
  return {
    kind: 'network',
    id: run.id,
    label: labels[index],
    color: spec.color,
    optimizer: spec.name,
    batchSize: batchSizeOf(spec),
    stepCount: run.stepCount,
    epoch: run.epoch,
    divergedAt: run.divergedAt,
    divergence: run.divergence,
    learningRate: valueOf(run.learningRate),
    rejectedSteps: run.rejectedSteps,
    batchLosses: valuesOf(run.batchLosses),
    evaluations: {
      steps: Array.from(evaluation.steps),
      trainLoss: valuesOf(evaluation.trainLoss),
      testLoss: valuesOf(evaluation.testLoss),
      trainAccuracy: valuesOf(evaluation.trainAccuracy),
      testAccuracy: valuesOf(evaluation.testAccuracy),
    },
    sharpness:
      experiment.sharpnessEvery > 0
        ? {
            steps: Array.from(sharpness.steps),
            lambdaMax: valuesOf(sharpness.lambdaMax),
            lambdaMin: valuesOf(sharpness.lambdaMin),
            gradientDescentThreshold: valuesOf(sharpness.gradientDescentThreshold),
            momentumThreshold: valuesOf(sharpness.momentumThreshold),
          }
        : null,
    final: {
      trainLoss: lastFinite(evaluation.trainLoss),
      testLoss: lastFinite(evaluation.testLoss),
      trainAccuracy: lastFinite(evaluation.trainAccuracy),
      testAccuracy: lastFinite(evaluation.testAccuracy),
      parameters: parameterSummary(run.params, outcome.initialParams),
    },
    projection: projectionOf(
      outcome.projected.find((item) => item.runId === run.id),
      run.trajectorySteps,
    ),
  };
}

function matrixResults(matrix: MatrixCurvature): MatrixResults {
  const { density } = matrix;
  return {
    matrix: matrix.matrix,
    readouts: { ...matrix.readouts },
    largest: [...matrix.largest],
    smallest: [...matrix.smallest],
    largestErrors: [...matrix.largestErrors],
    smallestErrors: [...matrix.smallestErrors],
    lanczosProducts: matrix.lanczosProducts,
    converged: matrix.converged,
    trace: structuredClone(matrix.trace),
    density: {
      grid: Array.from(density.linear.grid),
      density: valuesOf(density.linear.density),
      symlog: { grid: Array.from(density.symlog.grid), density: valuesOf(density.symlog.density), linearScale: density.symlog.linearScale },
      integral: density.integral,
      negativeWeight: density.negativeWeight,
      negativeWeightStandardError: density.negativeWeightStandardError,
      mean: density.mean,
      meanStandardError: density.meanStandardError,
      semicircle: density.semicircle && valuesOf(density.semicircle),
      marchenkoPastur: density.marchenkoPastur && valuesOf(density.marchenkoPastur),
      products: density.products,
      budget: density.budget,
      stop: density.stop,
      deflatedDimension: density.deflatedDimension,
      runs: density.runs,
    },
    exact: matrix.exact && Array.from(matrix.exact),
    along: matrix.along.map((item) => ({ label: item.label, value: valueOf(item.value) })),
  };
}

function curvatureResults(summary: CurvatureSummary, runId: string, label: string, exact: boolean): NonNullable<ResultsDocument['curvature']> {
  return {
    runId,
    label,
    size: summary.size,
    exact,
    matrices: summary.matrices.map(matrixResults),
    split: summary.split && { ...summary.split },
  };
}

/** How the slice was chosen, its line (a 1-D slice) and its critical points; nulls without a slice. */
function sliceParts(slice: SliceSummary | null, looks: { id: string; label: string; color: string }[]): Pick<ResultsDocument, 'surface' | 'line' | 'markers'> & { info: NetworkResults['slice'] } {
  if (slice === null) return { surface: null, line: null, markers: [], info: null };
  const line = slice.line;
  const anchors = slice.directions.anchors;
  return {
    surface: slice.ny > 1 ? sliceSurface(slice) : null,
    line:
      line === null
        ? null
        : {
            quantity: slice.settings.metric,
            split: slice.settings.split,
            alphas: Array.from(slice.alphas),
            values: valuesOf(slice.values),
            trainLoss: valuesOf(line.trainLoss),
            testLoss: line.testLoss && valuesOf(line.testLoss),
            trainAccuracy: line.trainAccuracy && valuesOf(line.trainAccuracy),
            testAccuracy: line.testAccuracy && valuesOf(line.testAccuracy),
            marks: lineMarks(slice.settings, looks),
          },
    markers: slice.critical.map((mark): MarkerResults => ({ kind: mark.kind, x: mark.alpha, y: mark.beta, value: valueOf(mark.value), eigenvalues: null })),
    info: {
      settings: structuredClone(slice.settings),
      directions: {
        kind: slice.directions.kind,
        norms: [...slice.directions.norms],
        angleDegrees: slice.directions.angleDegrees,
        explainedVariance: slice.directions.explainedVariance && [...slice.directions.explainedVariance],
        eigenvalues: slice.directions.eigenvalues && [...slice.directions.eigenvalues],
        anchors: anchors && Array.from({ length: anchors.length / 2 }, (_, k): [number, number] => [anchors[2 * k], anchors[2 * k + 1]]),
      },
    },
  };
}

/** The results of a network experiment (`exact`: whether every eigenvalue was asked for). */
export function networkResults(experiment: NetworkExperiment, outcome: NetworkOutcome, source: ResultsSource, exact: boolean, curvatureRun: string | null): ResultsDocument {
  const labels = runLabels(experiment.optimizers, 'network');
  const { info, initial } = outcome;
  const looks = experiment.optimizers.map((run, index) => ({ id: run.id, label: labels[index], color: run.color }));
  const { surface, line, markers, info: sliceInfo } = sliceParts(outcome.slice, looks);
  return {
    format: RESULTS_FORMAT,
    link: source.link,
    experiment,
    backend: source.backend,
    engine: outcome.engine,
    linkMessages: source.linkMessages,
    runs: outcome.runs.map((run, index) => networkRunResults(run, index, experiment, labels, outcome)),
    surface,
    line,
    markers,
    network: {
      layers: [...outcome.data.layers],
      paramCount: info.paramCount,
      task: info.task,
      loss: info.loss,
      trainCount: info.trainCount,
      testCount: info.testCount,
      initial: { trainLoss: valueOf(initial.trainLoss), testLoss: valueOf(initial.testLoss), trainAccuracy: valueOf(initial.trainAccuracy), testAccuracy: valueOf(initial.testAccuracy) },
      slice: sliceInfo,
    },
    curvature:
      outcome.curvature === null || curvatureRun === null
        ? null
        : curvatureResults(outcome.curvature, curvatureRun, labels[experiment.optimizers.findIndex((run) => run.id === curvatureRun)], exact),
    failures: [...outcome.failures],
  };
}

/**
 * An analytic experiment computed headless, as the page has its analytic
 * worker compute it (workers/analytic.worker.ts): the surface on the
 * experiment's window and grid (`evaluateGrid`), the markers (critical
 * points inside the window and the start, `analyticMarkers`), and every
 * optimizer run stepped to `steps` (`AnalyticRuns`, batch after batch as
 * the page's runner asks). Same experiment, same backend: the same numbers.
 */
import { evaluateGrid } from '../engine/analytic/evaluate';
import { analyticMarkers, type MarkerReport } from '../engine/analytic/markers';
import { AnalyticRuns, PATH_SERIES, type PathSeries, type RunStanding, type StartState } from '../engine/analytic/runs';
import { analyticProblemOf, checkedExperiment, type AnalyticExperiment } from '../engine/spec/experiment';
import { stepInBatches, throwIfAborted, type ProgressSink } from './progress';
import { appendBatch } from './runHistory';

/** Steps asked for per batch: progress (and Ctrl-C) is seen between batches; the numbers do not depend on it. */
const STEPS_PER_BATCH = 50;

/** One optimizer's walk: the start and the point after each update (`points`: θ₀ … θ_T, T = stepCount), with f and ‖∇f‖ at each. */
export interface AnalyticRunOutcome extends PathSeries, RunStanding {
  id: string;
}

/** Everything an analytic experiment computes. */
export interface AnalyticOutcome {
  /** f on the window at grid.nx × grid.ny points, row-major j·nx + i. */
  surface: Float32Array;
  markers: MarkerReport[];
  start: StartState;
  runs: AnalyticRunOutcome[];
}

/**
 * Computes `request` (validated here, as the worker does: a RangeError lists
 * its problems). Progress: "surface", "markers", "runs" (steps); `signal`
 * stops it between batches with an AbortError.
 */
export async function exploreAnalytic(request: AnalyticExperiment, progress: ProgressSink, signal?: AbortSignal): Promise<AnalyticOutcome> {
  const checked = checkedExperiment(request);
  if (checked.kind !== 'analytic') throw new RangeError('exploreAnalytic computes analytic functions only; the experiment is about a network');
  const { experiment, optimizers } = checked;
  const problem = analyticProblemOf(experiment.problem);
  const { nx, ny } = experiment.grid;

  progress.phase(`surface ${nx}×${ny}`);
  const surface = await evaluateGrid(problem, { ...experiment.window, nx, ny });
  progress.end();
  throwIfAborted(signal);

  progress.phase('markers');
  const markers = await analyticMarkers(problem, experiment.window, experiment.start);
  progress.end(`${markers.length - 1} critical point(s) in the window`);

  const runs = new AnalyticRuns(problem, optimizers, experiment.start);
  const start = await runs.initial();
  const outcomes: AnalyticRunOutcome[] = experiment.optimizers.map((spec) => ({
    id: spec.id,
    points: Float64Array.from(experiment.start),
    losses: Float64Array.of(start.loss),
    gradNorms: Float64Array.of(start.gradNorm),
    stepCount: 0,
    divergedAt: null,
    divergence: null,
  }));
  progress.phase(`runs: ${outcomes.length} optimizer(s), ${experiment.steps} steps`);
  await stepInBatches(outcomes, experiment.steps, STEPS_PER_BATCH, async (count) => {
    const batch = await runs.step(count);
    appendBatch(outcomes, batch.runs, PATH_SERIES);
    return runs.live;
  }, progress, signal);
  return { surface, markers, start, runs: outcomes };
}

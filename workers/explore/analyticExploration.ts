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
import { AnalyticRuns, type StartState } from '../engine/analytic/runs';
import { analyticProblemOf, checkedExperiment, type AnalyticExperiment } from '../engine/spec/experiment';
import { throwIfAborted, type ProgressSink } from './progress';

/** Steps asked for per batch: progress (and Ctrl-C) is seen between batches; the numbers do not depend on it. */
const STEPS_PER_BATCH = 50;

/** One optimizer's walk: the start and the point after each update, with f and ‖∇f‖ at each. */
export interface AnalyticRunOutcome {
  id: string;
  /** Interleaved x, y of θ₀ … θ_T (T = stepCount). */
  points: Float64Array;
  /** f at each of those points. */
  losses: Float64Array;
  /** ‖∇f‖ at each of those points. */
  gradNorms: Float64Array;
  stepCount: number;
  divergedAt: number | null;
  divergence: string | null;
}

/** Everything an analytic experiment computes. */
export interface AnalyticOutcome {
  /** f on the window at grid.nx × grid.ny points, row-major j·nx + i. */
  surface: Float32Array;
  markers: MarkerReport[];
  start: StartState;
  runs: AnalyticRunOutcome[];
}

/** Appends `more` to `into` (a new array). */
function concat(into: Float64Array, more: Float64Array): Float64Array {
  const joined = new Float64Array(into.length + more.length);
  joined.set(into);
  joined.set(more, into.length);
  return joined;
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
  let done = 0;
  while (done < experiment.steps && runs.live > 0) {
    throwIfAborted(signal);
    const batch = await runs.step(Math.min(STEPS_PER_BATCH, experiment.steps - done));
    for (const run of batch.runs) {
      const outcome = outcomes[run.index];
      outcome.points = concat(outcome.points, run.points);
      outcome.losses = concat(outcome.losses, run.losses);
      outcome.gradNorms = concat(outcome.gradNorms, run.gradNorms);
      outcome.stepCount = run.stepCount;
      outcome.divergedAt = run.divergedAt;
      outcome.divergence = run.divergence;
    }
    done = outcomes.reduce((most, run) => (run.divergedAt === null ? Math.max(most, run.stepCount) : most), 0);
    progress.update(done, experiment.steps);
  }
  const diverged = outcomes.filter((run) => run.divergedAt !== null).length;
  progress.end(diverged > 0 ? `${diverged} run(s) diverged` : undefined);
  return { surface, markers, start, runs: outcomes };
}

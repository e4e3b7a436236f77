/**
 * Drives the optimizer runs: when the store says "running" (or asks for a
 * single step) it pulls batches of steps from the worker, at most one batch
 * per display frame, writes them into the paths' preallocated buffers and
 * reports each optimizer's progress. Pausing is simply not asking for the
 * next batch, so the page stays responsive and nothing is cancelled mid-step.
 *
 * The pace is the run's own, at the speed the store asks for (steps per
 * second on the run's clock, or as fast as the worker computes): each batch
 * takes the steps that are due by then, so a page that draws slowly (a 3-D
 * view rendered in software) gets bigger batches, not a slower run.
 */
import type { StartState, StepBatch } from '../../workers/engine/analytic/runs';
import { isAnalyticExperiment, type AnalyticExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { runLabels } from '../runs/runLabels';
import type { PathView } from '../scene/types';
import { appendToPath, emptyPath } from '../store/resultsSlice';
import type { PlaybackStatus } from '../../workers/engine/spec/vocabulary';
import { AUTO_RUN_SECONDS, type OptimizerProgress, type RunSpeed } from '../store/runSlice';
import { selectProgress } from '../store/selectors';
import type { AppStore } from '../store/store';

/** The part of the worker the runner talks to. */
export interface RunWorker {
  startRuns(experiment: AnalyticExperiment): Promise<StartState>;
  /** A batch of steps, with the worker's own milliseconds for it when it reports them. */
  step(count: number): Promise<StepBatch & { elapsedMs?: number }>;
}

/** Most steps in one batch. */
export const MAX_BATCH_STEPS = 2000;
/** At 'max' speed a batch is sized to take about this long in the worker. */
export const MAX_SPEED_BATCH_MS = 16;
/** Steps of the first batch at 'max' speed, before the time per step is known. */
const FIRST_MAX_SPEED_BATCH = 16;

/** Steps per second of `speed` for a run of `steps` updates (Infinity: as fast as the worker computes). */
export function stepsPerSecond(speed: RunSpeed, steps: number): number {
  if (speed === 'max') return Infinity;
  if (speed === 'auto') return steps / AUTO_RUN_SECONDS;
  return speed;
}

/**
 * Steps of the next batch. At a finite rate: those due on the run's clock,
 * ⌊due⌋ − done, where due = (steps done when the clock started) + 1 +
 * rate × (seconds since), so the first step comes at once and the run keeps
 * its rate however long the page took over the last batch (0: none due
 * yet). At an infinite rate: about {@link MAX_SPEED_BATCH_MS} of the
 * worker's time at `msPerStep` (a few steps while it is unknown). Never
 * more than `remaining` nor {@link MAX_BATCH_STEPS}.
 */
export function batchSize(rate: number, due: number, done: number, remaining: number, msPerStep: number | null): number {
  const wanted = Number.isFinite(rate)
    ? Math.floor(due) - done
    : msPerStep === null
      ? FIRST_MAX_SPEED_BATCH
      : Math.max(1, Math.round(MAX_SPEED_BATCH_MS / Math.max(msPerStep, 1e-3)));
  return Math.max(0, Math.min(wanted, remaining, MAX_BATCH_STEPS));
}

/** The experiment fields whose change invalidates the runs (the view, window and grid do not). */
export function runFields(experiment: Experiment) {
  const { problem, start, steps, optimizers, seed } = experiment;
  return { problem, start, steps, optimizers, seed };
}

/**
 * Each optimizer's display name; when the same kind appears more than once,
 * every copy is numbered ("Adam 1", "Adam 2") so the legend tells them apart.
 */
export function pathLabels(experiment: AnalyticExperiment): string[] {
  return runLabels(experiment.optimizers, 'analytic');
}

/** One optimizer's displayed status given the whole run's status. */
function statusOf(run: PlaybackStatus, diverged: boolean, finished: boolean): OptimizerProgress['status'] {
  if (diverged) return 'diverged';
  if (finished || run === 'done') return 'done';
  return run;
}

/** Least milliseconds between the starts of consecutive batches: about one display frame, so the page gets at most one update per frame. */
export const BATCH_INTERVAL_MS = 16;

/** The runner's clock: the time, and a wait (tests pass their own). */
export interface RunnerClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

/**
 * Timers, not requestAnimationFrame: the run keeps its pace even where
 * drawing is slow (software rendering), and the scene draws the newest
 * points whenever it next can.
 */
const browserClock: RunnerClock = {
  now: () => performance.now(),
  wait: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, ms))),
};

/** The clock a playing run is paced by: when it started, the steps done then, and at what rate. */
interface Pacing {
  token: number;
  rate: number;
  start: number;
  done: number;
}

export class Runner {
  /** Changes whenever the runs must be rebuilt; a batch from an older token is dropped. */
  private token = 0;
  private preparedToken = -1;
  private looping = false;
  private singleSteps = 0;
  private worker: RunWorker | null = null;
  private guard: <T>(call: Promise<T>) => Promise<T> = (call) => call;
  /** The clock of the run while it plays (null: it starts again at the next batch). */
  private pacing: Pacing | null = null;
  /** Measured milliseconds per step (the worker's time for a batch over its steps), for 'max' speed. */
  private msPerStep: number | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly onError: (error: unknown) => void,
    private readonly clock: RunnerClock = browserClock,
  ) {}

  /** Uses `worker` from now on (a new one after a restart); the runs start over. */
  attach(worker: RunWorker, guard: <T>(call: Promise<T>) => Promise<T>): void {
    this.worker = worker;
    this.guard = guard;
    // A loop blocked on the previous worker is abandoned: its token is stale.
    this.looping = false;
    this.invalidate();
  }

  /**
   * The runs' fields were edited: the runs start over, and play again if
   * they had finished (as they carry on when edited while running); paused
   * or idle runs wait for Play.
   */
  restartAfterEdit(): void {
    const finished = this.store.getState().status === 'done';
    this.invalidate();
    if (finished && isAnalyticExperiment(this.store.getState().experiment)) {
      this.store.getState().play();
      this.kick();
    }
  }

  /**
   * Forgets the runs: empty paths, idle progress; a running loop rebuilds them and carries on.
   * A network experiment has no analytic runs: the paths are emptied, the progress and the status left to its session.
   */
  invalidate(): void {
    this.token++;
    this.preparedToken = -1;
    // New runs: the scrubber follows their newest step.
    if (this.store.getState().shownStep !== null) this.store.getState().showStep(null);
    const { experiment, status } = this.store.getState();
    if (!isAnalyticExperiment(experiment)) {
      this.store.getState().setPaths([]);
      return;
    }
    const capacity = experiment.steps + 1;
    const labels = pathLabels(experiment);
    const paths = experiment.optimizers.map((spec, index) =>
      emptyPath({ id: spec.id, label: labels[index], color: spec.color }, capacity),
    );
    this.store.getState().setPaths(paths);
    this.store.getState().setProgress(
      experiment.optimizers.map((spec) => ({
        id: spec.id,
        name: spec.name,
        step: 0,
        loss: null,
        status: 'idle',
        divergedAt: null,
        message: null,
      })),
    );
    if (status === 'done' || status === 'paused') this.store.getState().setStatus('idle');
    this.kick();
  }

  /** Queues one step (the store is already paused). */
  requestSingleStep(): void {
    this.singleSteps++;
    this.kick();
  }

  /** Starts the loop if the store wants steps and no loop is going. */
  kick(): void {
    const wanted = this.store.getState().status === 'running' || this.singleSteps > 0;
    if (wanted && !this.looping && this.worker !== null) void this.loop();
  }

  /** Mirrors a change of the whole run's status (e.g. a pause) onto each optimizer (of an analytic experiment). */
  syncStatuses(): void {
    if (!isAnalyticExperiment(this.store.getState().experiment)) return;
    const { status } = this.store.getState();
    const progress = selectProgress(this.store.getState());
    this.store.getState().setProgress(
      progress.map((p) => (p.status === 'diverged' || p.status === 'done' || p.step === 0 ? p : { ...p, status })),
    );
  }

  private async loop(): Promise<void> {
    this.looping = true;
    const worker = this.worker!;
    try {
      while (this.worker === worker) {
        // A network experiment is trained by its own session; this loop has nothing to do.
        if (!isAnalyticExperiment(this.store.getState().experiment)) break;
        const running = this.store.getState().status === 'running';
        if (!running && this.singleSteps === 0) break;
        const token = this.token;
        if (this.preparedToken !== token) {
          await this.prepare(worker, token);
          continue;
        }
        const experiment = this.store.getState().experiment;
        if (!isAnalyticExperiment(experiment)) break;
        const progress = selectProgress(this.store.getState());
        const live = progress.filter((p) => p.status !== 'diverged');
        const done = live.reduce((most, p) => Math.max(most, p.step), 0);
        if (live.length === 0 || done >= experiment.steps) {
          this.singleSteps = 0;
          this.store.getState().setStatus('done');
          this.syncStatuses();
          break;
        }
        const single = !running;
        let count = 1;
        if (single) {
          this.singleSteps--;
          this.pacing = null;
        } else {
          count = this.dueSteps(token, done, experiment.steps);
          if (count === 0) {
            await this.clock.wait(this.msUntilNextStep());
            continue;
          }
        }
        const started = this.clock.now();
        const batch = await this.guard(worker.step(count));
        if (token !== this.token || this.worker !== worker) continue;
        // The worker's own time when it says (the round trip also holds the page's delays: drawing, other tasks).
        const perStep = (batch.elapsedMs ?? this.clock.now() - started) / count;
        this.msPerStep = this.msPerStep === null ? perStep : 0.5 * (this.msPerStep + perStep);
        this.apply(batch, experiment.steps);
        if (!single) await this.clock.wait(BATCH_INTERVAL_MS - (this.clock.now() - started));
      }
    } catch (error) {
      if (this.worker === worker) {
        this.singleSteps = 0;
        if (this.store.getState().status === 'running') this.store.getState().setStatus('paused');
        this.onError(error);
      }
    } finally {
      if (this.worker === worker) this.looping = false;
      // A run that plays again later starts its clock afresh.
      this.pacing = null;
    }
  }

  /** The steps due now on the playing run's clock (started, or started again, when the run, the speed or the token changed). */
  private dueSteps(token: number, done: number, steps: number): number {
    const rate = stepsPerSecond(this.store.getState().runSpeed, steps);
    const now = this.clock.now();
    if (this.pacing === null || this.pacing.token !== token || this.pacing.rate !== rate) this.pacing = { token, rate, start: now, done };
    const due = this.pacing.done + 1 + (rate * (now - this.pacing.start)) / 1000;
    return batchSize(rate, due, done, steps - done, this.msPerStep);
  }

  /** Milliseconds until the next step is due on the run's clock (at least one). */
  private msUntilNextStep(): number {
    const pacing = this.pacing;
    if (pacing === null || !Number.isFinite(pacing.rate)) return 1;
    const elapsed = this.clock.now() - pacing.start;
    const nextDueAt = (1000 * (Math.floor(pacing.done + 1 + (pacing.rate * elapsed) / 1000) + 1 - pacing.done - 1)) / pacing.rate;
    return Math.max(1, nextDueAt - elapsed);
  }

  /** Creates the worker's runs for the current experiment and records the start as every path's first point. */
  private async prepare(worker: RunWorker, token: number): Promise<void> {
    const experiment = analyticOnly(this.store.getState().experiment);
    const initial = await this.guard(worker.startRuns(experiment));
    if (token !== this.token) return;
    const start = Float64Array.from(experiment.start);
    const startLoss = Float64Array.of(initial.loss);
    const { status } = this.store.getState();
    this.store.getState().setPaths(this.store.getState().paths.map((path) => appendToPath(path, start, startLoss, 'idle')));
    this.store.getState().setProgress(
      selectProgress(this.store.getState()).map((p) => ({ ...p, loss: initial.loss, status: statusOf(status, false, false) })),
    );
    this.preparedToken = token;
  }

  /** Writes one batch into the paths and the progress. */
  private apply(batch: StepBatch, steps: number): void {
    const state = this.store.getState();
    const paths: PathView[] = [...state.paths];
    const progress: OptimizerProgress[] = [...selectProgress(state)];
    for (const run of batch.runs) {
      const diverged = run.divergedAt !== null;
      const finished = run.stepCount >= steps;
      const status = statusOf(state.status, diverged, finished);
      paths[run.index] = appendToPath(paths[run.index], run.points, run.losses, status);
      const previous = progress[run.index];
      progress[run.index] = {
        ...previous,
        step: run.stepCount,
        loss: run.losses.length > 0 ? run.losses[run.losses.length - 1] : previous.loss,
        status,
        divergedAt: run.divergedAt,
        message: run.divergence,
      };
    }
    state.setPaths(paths);
    state.setProgress(progress);
  }
}

/** `experiment` as an analytic one (the loop checks before preparing, so anything else is a bug). */
function analyticOnly(experiment: Experiment): AnalyticExperiment {
  if (!isAnalyticExperiment(experiment)) throw new Error('The analytic runner was asked to run a network experiment');
  return experiment;
}

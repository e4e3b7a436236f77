/**
 * Drives the optimizer runs: when the store says "running" (or asks for a
 * single step) it pulls batches of steps from the worker, about one batch per
 * display frame, writes them into the paths' preallocated buffers and
 * reports each optimizer's progress. Pausing is simply not asking for the
 * next batch, so the page stays responsive and nothing is cancelled mid-step.
 */
import type { StartState, StepBatch } from '../../workers/engine/analytic/runs';
import { isAnalyticExperiment, type AnalyticExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { runLabels } from '../runs/runLabels';
import type { PathView } from '../scene/types';
import { appendToPath, emptyPath } from '../store/resultsSlice';
import type { OptimizerProgress, RunStatus } from '../store/runSlice';
import { selectProgress } from '../store/selectors';
import type { AppStore } from '../store/store';

/** The part of the worker the runner talks to. */
export interface RunWorker {
  startRuns(experiment: AnalyticExperiment): Promise<StartState>;
  step(count: number): Promise<StepBatch>;
}

/** Steps per batch: a run of `steps` updates animates over about {@link TARGET_BATCHES} batches. */
export const TARGET_BATCHES = 150;

/** Steps requested per batch for a run of `steps` updates. */
export function stepsPerBatch(steps: number): number {
  return Math.max(1, Math.ceil(steps / TARGET_BATCHES));
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
function statusOf(run: RunStatus, diverged: boolean, finished: boolean): OptimizerProgress['status'] {
  if (diverged) return 'diverged';
  if (finished || run === 'done') return 'done';
  return run;
}

/** Milliseconds between the starts of consecutive batches: about one display frame. */
export const BATCH_INTERVAL_MS = 16;

/**
 * Waits out the rest of the batch interval. A timer, not requestAnimationFrame:
 * the run keeps its pace even where drawing is slow (software rendering), and
 * the scene draws the newest points whenever it next can.
 */
const defaultPace = (elapsedMs: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, BATCH_INTERVAL_MS - elapsedMs)));

export class Runner {
  /** Changes whenever the runs must be rebuilt; a batch from an older token is dropped. */
  private token = 0;
  private preparedToken = -1;
  private looping = false;
  private singleSteps = 0;
  private worker: RunWorker | null = null;
  private guard: <T>(call: Promise<T>) => Promise<T> = (call) => call;

  constructor(
    private readonly store: AppStore,
    private readonly onError: (error: unknown) => void,
    private readonly pace: (elapsedMs: number) => Promise<void> = defaultPace,
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
        if (single) this.singleSteps--;
        const count = single ? 1 : Math.min(stepsPerBatch(experiment.steps), experiment.steps - done);
        const started = performance.now();
        const batch = await this.guard(worker.step(count));
        if (token !== this.token || this.worker !== worker) continue;
        this.apply(batch, experiment.steps);
        if (!single) await this.pace(performance.now() - started);
      }
    } catch (error) {
      if (this.worker === worker) {
        this.singleSteps = 0;
        if (this.store.getState().status === 'running') this.store.getState().setStatus('paused');
        this.onError(error);
      }
    } finally {
      if (this.worker === worker) this.looping = false;
    }
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

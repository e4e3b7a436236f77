/**
 * The network session: owns the training worker while the experiment is
 * about a network, and turns store changes into worker requests and worker
 * results into store updates.
 *
 * - data set, network, runs, seed or schedule changed → the job is rebuilt:
 *   the data and the evaluation at θ₀ arrive at once, the runs start over
 *   (and play again if they had finished);
 * - play / pause / single step → the training loop asks for batches of
 *   steps sized to take about {@link TARGET_BATCH_MS} each (fewer, with a
 *   pause after, at the page's pace in steps per second), writes them into
 *   the curves in place and refreshes the selected run's prediction field
 *   a few times a second;
 * - reset → every run back to θ₀ (the same numbers as the first time);
 * - steps raised after a run finished → playing carries on from there.
 *
 * Calls to the worker are queued one after another, so a rebuild never
 * lands in the middle of a step. The landscape worker asks the training
 * worker for parameters and trajectories itself, over the parameter channel
 * (app/workerClient.ts): the session hands each new worker its end. A
 * crashed worker or a lost GPU is replaced by a new worker without the GPU
 * backends; the runs start over, and the channel is made again.
 */
import type { PlaybackStatus } from '../../workers/engine/spec/vocabulary';
import * as Comlink from 'comlink';
import type { BackendName } from '../../workers/engine/backends/select';
import { isNetworkExperiment, type Experiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import type { TrainingWorkerApi, PredictionSource } from '../../workers/training.worker';
import type { Evaluation, PackedRunStep, PackedStepBatch, TrainingData } from '../../workers/engine/spec/messages/training';
import { applyRunStep, curvePlan, emptyRunCurves, withInitialEvaluation } from './curves';
import { runLabels } from '../runs/runLabels';
import { selectShownRunId, selectTrainingRuns } from '../store/networkSelectors';
import type { NetworkRunProgress } from '../store/runSlice';
import { sameData } from '../store/sameData';
import type { AppStore, Store } from '../store/store';
import type { TrainingDataView } from '../store/trainingSlice';
import type { RunCurves } from '../plots/types';
import { browserNetworkWatch, type NetworkWatch } from '../offline/missingFiles';
import { OfflineStart } from '../session/offlineStart';
import { errorMessage, WorkerSession, type MAX_RESTARTS } from '../session/workerSession';
import { startTrainingWorker, WORKER_SCRIPTS, type CrashListener, type ParameterChannel, type WorkerConnection } from '../workerClient';

/** How a worker is started (tests pass their own). */
export type TrainingWorkerFactory = (onCrash: CrashListener) => WorkerConnection<TrainingWorkerApi>;

/** Wall time one batch of steps should take: long enough to amortise a round trip, short enough to pause at once. */
export const TARGET_BATCH_MS = 100;
/** Most steps per batch, however fast the steps. */
const MAX_BATCH_STEPS = 200;
/** Shortest time between two prediction refreshes while training runs. */
export const PREDICTION_INTERVAL_MS = 250;

/** The experiment fields whose change rebuilds the job (the step count does not: raising it continues the runs). */
export function trainingFields(experiment: NetworkExperiment) {
  const { problem, optimizers, seed, evalEvery, sharpnessEvery } = experiment;
  return { problem, optimizers, seed, evalEvery, sharpnessEvery };
}

/** `select(state)` while the experiment is a network's, null otherwise. */
const whileNetwork =
  <T>(select: (state: Store & { experiment: NetworkExperiment }) => T) =>
  (state: Store): T | null =>
    isNetworkExperiment(state.experiment) ? select(state as Store & { experiment: NetworkExperiment }) : null;

/** Steps for the next batch, given the measured milliseconds per step (one step while unknown). */
export function batchStepCount(msPerStep: number | null, remaining: number): number {
  const wanted = msPerStep === null ? 1 : Math.round(TARGET_BATCH_MS / Math.max(msPerStep, 1e-3));
  return Math.max(1, Math.min(wanted, MAX_BATCH_STEPS, remaining));
}

/**
 * Steps for the next batch at a pace of `stepsPerSecond` (0: unpaced):
 * {@link batchStepCount}, but no more than the pace allows in one
 * {@link TARGET_BATCH_MS} batch.
 */
export function pacedStepCount(msPerStep: number | null, remaining: number, stepsPerSecond: number): number {
  const fast = batchStepCount(msPerStep, remaining);
  if (stepsPerSecond <= 0) return fast;
  return Math.max(1, Math.min(fast, Math.round((stepsPerSecond * TARGET_BATCH_MS) / 1000)));
}

/**
 * Milliseconds to wait after a batch of `count` steps begun at `startedAt`
 * (both from the same clock, `now` the time after it) so that the run goes
 * at `stepsPerSecond`: the batch's share of time, count/rate, less what it
 * took. 0 when unpaced or behind.
 */
export function paceDelay(count: number, stepsPerSecond: number, startedAt: number, now: number): number {
  if (stepsPerSecond <= 0) return 0;
  return Math.max(0, startedAt + (1000 * count) / stepsPerSecond - now);
}

/** The views' copy of the worker's data. */
function dataView(data: TrainingData): TrainingDataView {
  return { train: data.train, test: data.test, classNames: data.classNames, layers: data.layers, paramCount: data.paramCount };
}

/** The last value of `series`, or null when it is empty or not finite. */
function lastFinite(series: Float64Array): number | null {
  const value = series[series.length - 1];
  return series.length > 0 && Number.isFinite(value) ? value : null;
}


const defaultPace = (delayMs: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, delayMs)));

/** A training run's status after a batch: diverged, done at its last step, else as the playback is (running or paused). */
function runStatusAfter(run: PackedStepBatch['runs'][number], steps: number, playback: PlaybackStatus): NetworkRunProgress['status'] {
  if (run.divergedAt !== null) return 'diverged';
  if (run.stepCount >= steps) return 'done';
  return playback === 'running' ? 'running' : 'paused';
}

/** The training side of network mode; its worker is also where the landscape worker takes parameters and trajectories from. */
export class TrainingSession extends WorkerSession<TrainingWorkerApi> {
  private backendReport: { backend: BackendName; attempts: { backend: BackendName; ok: boolean; reason?: string }[] } | null = null;
  /** Why the training stopped for good (too many restarts in a row), or null: no worker is started any more. */
  private stoppedFor: string | null = null;
  /** Worker calls, one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Changes whenever the runs start over; results of an older token are dropped. */
  private token = 0;
  private configuredToken = -1;
  private preparing: Promise<void> = Promise.resolve();
  private initial: Evaluation | null = null;
  private looping = false;
  private singleSteps = 0;
  private msPerStep: number | null = null;
  private predictionVersion = 0;
  private lastPredictionAt = -Infinity;
  private predictionTimer: ReturnType<typeof setTimeout> | null = null;
  private channel: ParameterChannel | null = null;
  private unsubscribes: (() => void)[] = [];
  /** Waits for the network when the worker cannot start offline. */
  protected declare readonly offline: OfflineStart;

  constructor(
    private readonly store: AppStore,
    search: string,
    startWorker: TrainingWorkerFactory = startTrainingWorker,
    /** Waits between batches, at least as long as asked (the pace's delay in milliseconds; tests pass their own). */
    private readonly pace: (delayMs: number) => Promise<void> = defaultPace,
    network: NetworkWatch = browserNetworkWatch(WORKER_SCRIPTS.training),
  ) {
    super('the training worker', search, startWorker, new OfflineStart(network, 'the training'), 'training');
  }

  /** Begins following the store (the worker starts with the first network experiment): one subscription per thing the session reacts to. */
  start(): void {
    if (isNetworkExperiment(this.store.getState().experiment)) this.invalidate();
    const network = () => isNetworkExperiment(this.store.getState().experiment);
    const store = this.store;
    this.unsubscribes = [
      // Into network mode: its backend is shown; out of it: nothing in flight is wanted any more.
      store.subscribe((state) => isNetworkExperiment(state.experiment), (isNetwork) => (isNetwork ? this.publishBackend() : this.stop())),
      // Data set, network, runs, seed or schedule (by value): the job is rebuilt (also on entering network mode).
      // An edit after the runs finished plays them again, as an edit while they run carries on.
      store.subscribe(
        whileNetwork((state) => trainingFields(state.experiment)),
        (fields, previous) => {
          if (fields === null) return;
          const finished = previous !== null && this.store.getState().status === 'done';
          this.invalidate();
          if (finished) this.store.getState().play();
        },
        { equalityFn: sameData },
      ),
      // The step count alone: the runs carry on, or are done.
      store.subscribe(whileNetwork((state) => state.experiment.steps), (steps, previous) => steps !== null && previous !== null && this.syncStatuses()),
      store.subscribe((state) => state.resetRequests, () => network() && this.resetRuns()),
      store.subscribe(
        (state) => state.stepRequests,
        () => {
          if (!network()) return;
          this.singleSteps++;
          this.kick();
        },
      ),
      store.subscribe(
        (state) => state.status,
        (status) => {
          if (!network()) return;
          this.syncStatuses();
          this.kick();
          if (status !== 'running') this.schedulePrediction(true);
        },
      ),
      store.subscribe((state) => state.selectedRunId, () => network() && this.schedulePrediction(true)),
    ];
  }

  /**
   * Hands each training worker (this one, and every one that replaces it)
   * its end of `channel`, where the landscape worker asks for parameters.
   */
  useChannel(channel: ParameterChannel): void {
    this.channel = channel;
    this.offerChannel(this.connection);
  }

  /** Stops the worker and the subscriptions. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    if (this.predictionTimer !== null) clearTimeout(this.predictionTimer);
    this.offline.dispose();
    this.connection?.terminate();
    this.connection = null;
    this.offerChannel(null);
  }

  private connect(): WorkerConnection<TrainingWorkerApi> {
    return this.startConnection((report) => {
      this.backendReport = report;
      this.publishBackend();
    });
  }

  /** The worker is also the training end of the parameter channel. */
  protected adopt(connection: WorkerConnection<TrainingWorkerApi>): void {
    super.adopt(connection);
    this.offerChannel(connection);
  }

  protected showError(message: string): void {
    this.store.getState().setError(message);
  }

  /** Makes `connection`'s worker the training end of the parameter channel (null: there is none). */
  private offerChannel(connection: WorkerConnection<TrainingWorkerApi> | null): void {
    // Nothing waits for the answer: a worker that crashed meanwhile is replaced, and the channel made again.
    this.channel?.setTraining(connection && ((port) => void Promise.resolve(connection.api.serveParameters(Comlink.transfer(port, [port]))).catch(() => {})));
  }

  /** Shows this worker's backend in the status bar (while the experiment is a network's). */
  private publishBackend(): void {
    if (this.backendReport === null || !isNetworkExperiment(this.store.getState().experiment)) return;
    this.store.getState().setBackend(this.backendReport.backend, this.backendReport.attempts);
  }

  /** Queues `request` after every earlier call; it runs once the backend is chosen. */
  private call<T>(request: (api: WorkerConnection<TrainingWorkerApi>['api']) => Promise<T>): Promise<T> {
    const unavailable = this.stoppedFor ?? this.offline.blocked;
    if (unavailable !== null) return Promise.reject(new Error(unavailable));
    const connection = this.connection ?? this.connect();
    const run = this.queue.then(async () => {
      if (!(await this.ready)) throw new Error('no computation backend is available');
      return connection.guard(request(connection.api));
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** The experiment left network mode: nothing in flight is wanted any more. */
  private stop(): void {
    this.token++;
    this.configuredToken = -1;
    this.singleSteps = 0;
  }

  /** Forgets the runs and rebuilds the job; a running loop waits for it and carries on. */
  private invalidate(): void {
    this.token++;
    this.configuredToken = -1;
    this.msPerStep = null;
    const state = this.store.getState();
    const experiment = state.experiment as NetworkExperiment;
    const labels = runLabels(experiment.optimizers);
    state.setTrainingRuns(experiment.optimizers.map((run, index) => idleProgress(run.id, labels[index])));
    state.setCurves([]);
    state.setTrainingData(null);
    state.setRunPrediction(null);
    if (state.status === 'done' || state.status === 'paused') state.setStatus('idle');
    this.preparing = this.prepare(this.token, experiment);
    this.kick();
  }

  /** Configures the worker for `experiment` and shows its data and the evaluation at θ₀. */
  private async prepare(token: number, experiment: NetworkExperiment): Promise<void> {
    try {
      // Edits in quick succession (a slider dragged) queue several rebuilds: only the newest is made.
      const data = await this.call((api) => (token === this.token ? api.configure(experiment) : Promise.resolve(null)));
      if (data === null || token !== this.token) return;
      performance.mark('explorer:training-configured');
      const initial = await this.call((api) => api.initial());
      if (token !== this.token) return;
      performance.mark('explorer:training-initial');
      this.initial = initial;
      this.store.getState().setTrainingData(dataView(data));
      this.showInitial(experiment);
      this.configuredToken = token;
      if (this.store.getState().error !== null) this.store.getState().setError(null);
      this.schedulePrediction(true);
    } catch (error) {
      if (token === this.token) this.handleError(error);
    }
  }

  /** Curves and progress of runs standing at θ₀. */
  private showInitial(experiment: NetworkExperiment): void {
    const state = this.store.getState();
    const data = state.trainingData;
    const initial = this.initial;
    if (data === null || initial === null) return;
    const plan = curvePlan(experiment.steps, experiment.evalEvery, experiment.sharpnessEvery, data.test !== null, data.train.task !== 'regression');
    const labels = runLabels(experiment.optimizers);
    state.setCurves(
      experiment.optimizers.map((run, index) => withInitialEvaluation(emptyRunCurves({ id: run.id, label: labels[index], color: run.color }, plan), initial)),
    );
    state.setTrainingRuns(
      experiment.optimizers.map((run, index) => ({
        ...idleProgress(run.id, labels[index]),
        trainLoss: initial.trainLoss,
        testLoss: initial.testLoss,
        trainAccuracy: initial.trainAccuracy,
        testAccuracy: initial.testAccuracy,
      })),
    );
  }

  /** Every run back to θ₀ in the worker, and on screen; a loop started meanwhile waits for it. */
  private resetRuns(): void {
    if (this.configuredToken !== this.token) {
      this.invalidate();
      return;
    }
    const token = ++this.token;
    this.singleSteps = 0;
    this.preparing = this.reset(token);
  }

  private async reset(token: number): Promise<void> {
    try {
      await this.call((api) => api.reset());
      if (token !== this.token) return;
      this.showInitial(this.store.getState().experiment as NetworkExperiment);
      this.configuredToken = token;
      this.schedulePrediction(true);
    } catch (error) {
      if (token === this.token) this.handleError(error);
    }
  }

  /** Starts the loop if the store wants steps and no loop is going. */
  private kick(): void {
    const state = this.store.getState();
    const wanted = isNetworkExperiment(state.experiment) && (state.status === 'running' || this.singleSteps > 0);
    if (wanted && !this.looping) void this.loop();
  }

  /** Mirrors the whole run's status (and the step count) onto each run that has not finished or diverged. */
  private syncStatuses(): void {
    const { status, curves, experiment } = this.store.getState();
    const trainingRuns = selectTrainingRuns(this.store.getState());
    const steps = experiment.steps;
    const runs = trainingRuns.map((run): NetworkRunProgress => {
      if (run.status === 'diverged') return run;
      if (run.step >= steps) return { ...run, status: 'done' };
      return { ...run, status: run.step === 0 && status !== 'running' ? 'idle' : status === 'done' ? 'paused' : status };
    });
    this.store.getState().setTrainingRuns(runs);
    // The legends show each run's status too.
    this.store.getState().setCurves(curves.map((curve, index) => (runs[index] && curve.status !== runs[index].status ? { ...curve, status: runs[index].status } : curve)));
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      for (;;) {
        const state = this.store.getState();
        const experiment: Experiment = state.experiment;
        if (!isNetworkExperiment(experiment)) break;
        const running = state.status === 'running';
        if (!running && this.singleSteps === 0) break;
        const token = this.token;
        if (this.configuredToken !== token) {
          await this.preparing;
          if (this.configuredToken !== this.token && token === this.token) break; // the job could not be built
          continue;
        }
        const live = selectTrainingRuns(state).filter((run) => run.status !== 'diverged');
        const done = live.reduce((most, run) => Math.max(most, run.step), 0);
        if (live.length === 0 || done >= experiment.steps) {
          this.singleSteps = 0;
          this.store.getState().setStatus('done');
          this.syncStatuses();
          break;
        }
        const single = !running;
        if (single) this.singleSteps--;
        const count = single ? 1 : pacedStepCount(this.msPerStep, experiment.steps - done, state.stepsPerSecond);
        const started = performance.now();
        let batch: PackedStepBatch;
        try {
          batch = await this.call((api) => api.step(count));
        } catch (error) {
          // The runs started over meanwhile (a crashed worker was replaced): the failed step was of runs that are gone.
          if (token !== this.token) continue;
          throw error;
        }
        if (token !== this.token) continue;
        const perStep = (performance.now() - started) / count;
        this.msPerStep = this.msPerStep === null ? perStep : 0.5 * (this.msPerStep + perStep);
        this.apply(batch, experiment);
        // This worker computes: a crash from now on is a new mishap, not a crash loop.
        this.restarts = 0;
        this.schedulePrediction(single);
        if (!single) await this.pace(paceDelay(count, this.store.getState().stepsPerSecond, started, performance.now()));
      }
    } catch (error) {
      this.singleSteps = 0;
      if (this.store.getState().status === 'running') this.store.getState().setStatus('paused');
      this.handleError(error);
    } finally {
      this.looping = false;
    }
  }

  /** Writes one batch into the curves and the progress. */
  private apply(batch: PackedStepBatch, experiment: NetworkExperiment): void {
    const state = this.store.getState();
    const curves: RunCurves[] = [...state.curves];
    const progress: NetworkRunProgress[] = [...selectTrainingRuns(state)];
    for (const run of batch.runs) {
      const status = runStatusAfter(run, experiment.steps, state.status);
      if (curves[run.index]) curves[run.index] = applyRunStep(curves[run.index], run, status);
      if (progress[run.index]) progress[run.index] = progressAfter(progress[run.index], run, status);
    }
    state.setCurves(curves);
    state.setTrainingRuns(progress);
  }

  /**
   * Refreshes the selected run's prediction field: at once when `now` (a
   * pause, a single step, another run selected), otherwise at most every
   * {@link PREDICTION_INTERVAL_MS} while training runs.
   */
  private schedulePrediction(now: boolean): void {
    if (this.predictionTimer !== null) {
      if (!now) return;
      clearTimeout(this.predictionTimer);
    }
    const wait = now ? 0 : Math.max(0, this.lastPredictionAt + PREDICTION_INTERVAL_MS - performance.now());
    this.predictionTimer = setTimeout(() => {
      this.predictionTimer = null;
      this.lastPredictionAt = performance.now();
      void this.refreshPrediction();
    }, wait);
  }

  private async refreshPrediction(): Promise<void> {
    const token = this.token;
    if (this.configuredToken !== token) return;
    const state = this.store.getState();
    const selected = selectTrainingRuns(state).find((run) => run.id === selectShownRunId(state));
    if (selected === undefined) return;
    const source: PredictionSource = { runId: selected.id, which: 'latest' };
    try {
      const field = await this.call((api) => api.predict(source));
      if (token !== this.token) return;
      // The step the field shows: the run's progress may have moved on while it was computed, never back.
      const step = selectTrainingRuns(this.store.getState()).find((run) => run.id === selected.id)?.step ?? 0;
      this.store.getState().setRunPrediction(
        field === null ? null : { field: { ...field, version: ++this.predictionVersion }, caption: `${selected.label} — step ${step}` },
      );
    } catch (error) {
      if (token === this.token) this.handleError(error);
    }
  }

  /**
   * Replaces the worker (`from`, when given, must still be the current one)
   * with one that avoids the GPU backends; the runs start over from θ₀ and
   * keep playing if they were. After {@link MAX_RESTARTS} restarts in a row
   * without a completed step the training stops for good, paused, and says so.
   */
  protected restart(reason: string, from?: WorkerConnection<TrainingWorkerApi>): void {
    if (!this.dropForRestart(from)) return;
    const state = this.store.getState();
    if (this.givingUp) {
      this.stoppedFor = `The training stopped (${reason}) and could not be restarted: reload the page to try again.`;
      // Nothing runs any more: the runs are not left "running".
      this.token++;
      this.configuredToken = -1;
      this.singleSteps = 0;
      state.setError(this.stoppedFor);
      if (state.status === 'running') state.setStatus('paused');
      this.offerChannel(null);
      return;
    }
    this.avoidGpu();
    this.backendReport = null;
    state.addNotice(`The training stopped (${reason}); it was restarted without the GPU, and the runs started again from θ₀.`);
    if (isNetworkExperiment(state.experiment)) {
      state.setBackend(null, []);
      this.connect();
      this.invalidate();
    } else {
      this.offerChannel(null);
    }
  }

  /**
   * The worker (`connection`) could not start offline: it is stopped, the
   * message names the missing files, and once the network is back a new
   * worker rebuilds the job (and plays if the runs were playing).
   */
  protected waitForNetwork(connection: WorkerConnection<TrainingWorkerApi>): void {
    if (connection !== this.connection) return;
    this.connection = null;
    this.offerChannel(null);
    const state = this.store.getState();
    const wasRunning = state.status === 'running';
    if (wasRunning) state.setStatus('paused');
    this.offline.wait(
      (message) => this.store.getState().setError(message),
      () => {
        this.store.getState().setError(null);
        if (!isNetworkExperiment(this.store.getState().experiment)) return;
        this.invalidate();
        if (wasRunning) this.store.getState().play();
      },
    );
    connection.terminate();
  }

  private handleError(error: unknown): void {
    const message = errorMessage(error);
    // A lost GPU surfaces as a failed call before (or instead of) the lost callback.
    if (/backend was lost/.test(message)) this.restart(message);
    else if ((this.stoppedFor ?? this.offline.blocked) !== null) this.store.getState().setError(this.stoppedFor ?? this.offline.blocked);
    else if (!/worker was stopped/.test(message)) this.store.getState().setError(message);
  }
}

/** A run standing at θ₀ before any evaluation. */
function idleProgress(id: string, label: string): NetworkRunProgress {
  return {
    id,
    label,
    step: 0,
    epoch: 0,
    trainLoss: null,
    testLoss: null,
    trainAccuracy: null,
    testAccuracy: null,
    batchLoss: null,
    sharpness: null,
    lambdaMin: null,
    threshold: null,
    lastUpdate: null,
    rejectedSteps: 0,
    status: 'idle',
    divergedAt: null,
    message: null,
  };
}

/** A run's progress after its share `run` of a batch. */
function progressAfter(previous: NetworkRunProgress, run: PackedRunStep, status: NetworkRunProgress['status']): NetworkRunProgress {
  const { evaluation, sharpness } = run;
  const evaluated = evaluation.steps.length > 0;
  const measured = sharpness.steps.length > 0;
  return {
    ...previous,
    step: run.stepCount,
    epoch: run.epoch,
    trainLoss: evaluated ? lastFinite(evaluation.trainLoss) : previous.trainLoss,
    testLoss: evaluated ? lastFinite(evaluation.testLoss) : previous.testLoss,
    trainAccuracy: evaluated ? lastFinite(evaluation.trainAccuracy) : previous.trainAccuracy,
    testAccuracy: evaluated ? lastFinite(evaluation.testAccuracy) : previous.testAccuracy,
    batchLoss: run.batchLosses.length > 0 ? run.batchLosses[run.batchLosses.length - 1] : previous.batchLoss,
    sharpness: measured ? lastFinite(sharpness.lambdaMax) : previous.sharpness,
    lambdaMin: measured ? lastFinite(sharpness.lambdaMin) : previous.lambdaMin,
    threshold: measured ? lastFinite(sharpness.gradientDescentThreshold) : previous.threshold,
    lastUpdate: run.lastUpdate ?? previous.lastUpdate,
    rejectedSteps: previous.rejectedSteps + run.rejectedSteps,
    status,
    divergedAt: run.divergedAt,
    message: run.divergence,
  };
}

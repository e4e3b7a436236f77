/**
 * The landscape session: owns the landscape worker and turns the landscape
 * slice's intents into jobs, and the jobs' streamed results into store
 * updates.
 *
 * - slices follow training (`liveLandscape.ts` orders them: a coarse one at
 *   θ₀ as soon as the runs exist, then refined in place; coarse ones every
 *   `slice.liveEvery` steps while training runs; refined when it pauses),
 *   and "Compute slice" goes through the same orders, so the newest
 *   supersedes the others. For every slice the worker takes the vectors
 *   the slice needs from the
 *   training worker itself (over the parameter channel, app/workerClient.ts;
 *   the page names the runs, it never holds their parameters), evaluates
 *   the slice coarse to fine (the height field is refined in place, its
 *   version bumped per chunk), then every run's trajectory is projected
 *   onto it;
 * - a click on the surface probes that point (losses, predictions, λ_max/λ_min);
 * - "Compute spectrum": a curvature report at the chosen run's latest
 *   parameters or the probed point, the exact spectrum on request with its
 *   predicted time shown first.
 *
 * The session follows the store's intents with one selector subscription
 * each. A new request cancels the running job of its kind. The worker
 * starts (and builds the network) as soon as the experiment is a network's;
 * a crashed worker (or a lost GPU) is replaced at once by one without the
 * GPU backends, the parameter channel made again, and the job that was
 * running fails with the reason (chunks the dead worker had already sent
 * are ignored).
 */
import * as Comlink from 'comlink';
import type { Experiment, NetworkExperiment } from '../../workers/engine/spec/experiment';
import type { CurvatureSettings } from '../../workers/engine/spec/landscapeSettings';
import { MAX_EXACT_PARAMETERS } from '../../workers/engine/spec/limits';
import type { LandscapeWorkerApi } from '../../workers/landscape.worker';
import type { CurvatureAt, SliceChunk, SliceSummary } from '../../workers/engine/spec/messages/landscape';
import type { HeightField } from '../scene/types';
import type { JobProgress } from '../plots/types';
import { ProgressUntilSettled } from '../session/progressUntilSettled';
import { emptyLandscapeState, targetWithoutProbe, type CurvatureTargetChoice, type LandscapeState, type ProbeState } from '../store/landscapeSlice';
import { sameData } from '../store/sameData';
import type { AppStore } from '../store/store';
import { browserNetworkWatch, type NetworkWatch } from '../offline/missingFiles';
import { OfflineStart } from '../session/offlineStart';
import { errorMessage, WorkerSession } from '../session/workerSession';
import { startLandscapeWorker, WorkerCrashedError, WORKER_SCRIPTS, type CrashListener, type ParameterChannel, type WorkerConnection } from '../workerClient';
import {
  criticalMarkers,
  faithfulnessItems,
  lineMarks,
  lineSliceOf,
  projectedPaths,
  sliceWindow,
  type RunLook,
} from './landscapeViews';
import { LatestOnly } from '../session/latestOnly';
import { LiveLandscape, type SliceOrder, type SliceOutcome } from './liveLandscape';
import { refinesShown } from './liveSchedule';
import { runLabels } from '../runs/runLabels';
import { formatCoordinate, typographicMinus } from '../ui/format';

/** How the worker is started (tests pass their own). */
export type LandscapeWorkerFactory = (onCrash: CrashListener) => WorkerConnection<LandscapeWorkerApi>;

/** Share of a slice's progress bar given to choosing its directions (Lanczos for 'hessian'). */
const DIRECTIONS_SHARE = 0.1;
/** Least milliseconds between two redraws of a refining slice (the newest field is shown; none is queued). */
const FIELD_PUBLISH_MS = 200;

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function isNetwork(experiment: Experiment): experiment is NetworkExperiment {
  return experiment.problem.kind === 'network';
}

/** The runs as the landscape labels and colours them, named as everywhere else ("Gradient descent, batch 8"). */
export function runLooks(experiment: NetworkExperiment): RunLook[] {
  const labels = runLabels(experiment.optimizers);
  return experiment.optimizers.map((run, index) => ({ id: run.id, label: labels[index], color: run.color }));
}

/** Landscape jobs on the landscape worker, driven by the store (see the module comment). */
export class LandscapeSession extends WorkerSession<LandscapeWorkerApi> {
  private channel: ParameterChannel | null = null;
  private unsubscribes: (() => void)[] = [];
  private sliceToken = 0;
  private probeToken = 0;
  private curvatureToken = 0;
  private fieldVersion = 0;
  /** Points per axis at which the shown field is exact (null: none shown), so a live slice never shows a coarser one. */
  private shownExact: number | null = null;
  private live: LiveLandscape | null = null;
  private predictionVersion = 0;
  /** Waits for the network when the worker cannot start offline. */
  protected declare readonly offline: OfflineStart;

  constructor(
    private readonly store: AppStore,
    search: string,
    startWorker: LandscapeWorkerFactory = startLandscapeWorker,
    network: NetworkWatch = browserNetworkWatch(WORKER_SCRIPTS.landscape),
  ) {
    super('the landscape worker', search, startWorker, new OfflineStart(network, 'the landscape'), 'landscape');
  }

  /**
   * Links each landscape worker (the first, and every one that replaces a
   * crashed one) to the training worker through `channel`, where it asks
   * for parameters and trajectories.
   */
  useChannel(channel: ParameterChannel): void {
    this.channel = channel;
    this.offerChannel(this.connection);
  }

  /** Begins following the store's landscape intents, one subscription each. */
  start(): void {
    const store = this.store;
    this.unsubscribes = [
      store.subscribe((state) => state.sliceCancels, () => this.cancel('slice')),
      store.subscribe(
        (state) => state.probeRequest,
        (request) => (request !== null ? void this.probe(request.alpha, request.beta) : this.forgetProbe()),
      ),
      store.subscribe((state) => state.curvatureRequest, (request) => request !== null && void this.computeCurvature(request.exact)),
      store.subscribe((state) => state.curvatureCancels, () => this.cancel('curvature')),
      store.subscribe((state) => state.exactEstimateRequests, () => void this.estimateExact()),
      // A different problem (by value) makes every result stale.
      store.subscribe((state) => state.experiment.problem, () => this.forgetResults(), { equalityFn: sameData }),
      // The worker starts, and builds the network, as soon as there is one: the first slice then waits only for its own work.
      store.subscribe((state) => (isNetwork(state.experiment) ? state.experiment.problem : null), (problem) => problem !== null && void this.warmUp(), {
        equalityFn: sameData,
        fireImmediately: true,
      }),
    ];
    // "Compute slice" and the slices that follow training go through one schedule, so the newest supersedes the others.
    this.live = new LiveLandscape(store, (order) => this.computeSlice(order));
    this.live.start();
  }

  /** Stops the worker and the subscriptions. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    this.live?.dispose();
    this.live = null;
    this.offline.dispose();
    this.connection?.terminate();
    this.connection = null;
    this.offerChannel(null);
  }

  private patch(patch: Partial<LandscapeState>): void {
    this.store.getState().patchLandscape(patch);
  }

  private landscape(): LandscapeState {
    return this.store.getState().landscape;
  }

  /** A different problem makes every result stale: the slice, the probe, the report, the exact spectrum's predicted time (estimated again). */
  private forgetResults(): void {
    this.sliceToken++;
    this.probeToken++;
    this.curvatureToken++;
    this.shownExact = null;
    // Everything back to empty but the curvature target, which is a choice, not a result (a clicked point's is gone with the point).
    const { curvatureTarget: _kept, ...empty } = emptyLandscapeState();
    this.patch({ ...empty, curvatureTarget: targetWithoutProbe(this.landscape().curvatureTarget) });
    // The exact spectrum's button showed a predicted time (the curvature view asked for one): predict it for the new network.
    if (this.store.getState().exactEstimateRequests > 0) void this.estimateExact();
  }

  /** Starts the worker (its backend chosen) and builds the experiment's network in it, ahead of any request. */
  private async warmUp(): Promise<void> {
    try {
      const network = this.networkExperiment();
      const connection = await this.worker();
      const info = await connection.guard(connection.api.setProblem(network.problem));
      if (sameData(this.store.getState().experiment.problem, network.problem)) this.patch({ info });
    } catch {
      // The first request reports what is wrong (no backend, a crashed worker).
    }
  }

  /** The point was forgotten: a probe still running is stopped and its answer ignored. */
  private forgetProbe(): void {
    this.probeToken++;
    void this.connection?.api.cancel('probe');
  }

  private cancel(kind: 'slice' | 'curvature'): void {
    void this.connection?.api.cancel(kind);
    if (kind === 'slice') void this.connection?.api.cancel('projection');
  }

  /** The worker, started (and its backend chosen) on first use. */
  private async worker(): Promise<WorkerConnection<LandscapeWorkerApi>> {
    if (this.offline.blocked !== null) throw new Error(this.offline.blocked);
    if (this.connection === null) this.connect();
    const connection = this.connection!;
    if (!(await this.ready)) throw new Error(this.offline.blocked ?? 'no computation backend is available for the landscape');
    return connection;
  }

  private connect(): void {
    this.startConnection();
  }

  /** The worker is also the landscape end of the parameter channel. */
  protected adopt(connection: WorkerConnection<LandscapeWorkerApi>): void {
    super.adopt(connection);
    this.offerChannel(connection);
  }

  protected showError(message: string): void {
    this.patch({ error: message });
  }

  /** The worker (`connection`) could not start offline: stopped, the message names the missing files; the next request after the network is back starts a new one. */
  protected waitForNetwork(connection: WorkerConnection<LandscapeWorkerApi>): void {
    if (connection !== this.connection) return;
    this.connection = null;
    this.offerChannel(null);
    this.offline.wait(
      (message) => this.patch({ error: message }),
      () => this.patch({ error: null }),
    );
    connection.terminate();
  }

  /** Makes `connection`'s worker the landscape end of the parameter channel (null: there is none). */
  private offerChannel(connection: WorkerConnection<LandscapeWorkerApi> | null): void {
    this.channel?.setLandscape(
      // Nothing waits for the answer: a worker that crashed meanwhile is replaced, and the channel made again.
      connection && ((port) => void Promise.resolve(connection.api.linkTraining(port && Comlink.transfer(port, [port]))).catch(() => {})),
    );
  }

  /** Replaces the worker with one that avoids the GPU backends; running jobs have failed (their calls reject). */
  protected restart(reason: string, from?: WorkerConnection<LandscapeWorkerApi>): void {
    if (!this.dropForRestart(from)) return;
    this.offerChannel(null);
    if (this.givingUp) {
      this.patch({ error: `The landscape computation stopped (${reason}) and could not be restarted.` });
      return;
    }
    this.avoidGpu();
    this.store.getState().addNotice(`The landscape computation stopped (${reason}); it was restarted without the GPU.`);
    // The new worker starts at once (linked to the training worker again), so the next request finds it ready.
    this.connect();
  }

  /** What a failed job says: a crash names the worker that crashed, any other error speaks for itself. */
  private failureMessage(error: unknown): string {
    if (this.offline.blocked !== null) return this.offline.blocked;
    return error instanceof WorkerCrashedError ? `the landscape worker crashed: ${error.message}` : errorMessage(error);
  }

  /** The network experiment, or a clear error. */
  private networkExperiment(): NetworkExperiment {
    const experiment = this.store.getState().experiment;
    if (!isNetwork(experiment)) throw new Error('landscapes of parameter space need a neural-network problem');
    return experiment;
  }


  private job(label: string, state: JobProgress['state'], fraction: number | null, message?: string, estimateSeconds?: number): JobProgress {
    return { label, state, fraction, ...(message === undefined ? {} : { message }), ...(estimateSeconds === undefined ? {} : { estimateSeconds }) };
  }

  /**
   * Computes the slice `order` describes (see the module comment), then
   * projects every run onto it. A newer slice supersedes it: its job in the
   * worker is cancelled and its results dropped.
   */
  async computeSlice(order: SliceOrder): Promise<SliceOutcome> {
    const token = ++this.sliceToken;
    const stale = () => token !== this.sliceToken;
    const { settings, label } = order;
    const requested = order.kind === 'requested';
    let field: HeightField | null = null;
    let begun = false;
    // The user's slice clears the stage once the worker has its vectors and starts on it;
    // a live one keeps the shown field until it has a picture at least as fine.
    const begin = () => {
      if (begun || stale()) return;
      begun = true;
      if (requested) {
        this.shownExact = null;
        this.patch({ slice: null, field: null, line: null, markers: [], paths: [], faithfulness: [], fieldDone: 0, fieldChunks: 0, fieldTotal: settings.dims === 2 ? settings.resolution ** 2 : settings.resolution });
      }
    };
    // Chunks arrive every ~250 ms; the page shows the newest at most every FIELD_PUBLISH_MS.
    // Chunk callbacks come on their own message port, so one can arrive after the result: ignore it then.
    let settled = false;
    const chunks = new LatestOnly<SliceChunk>((chunk) => {
      if (stale() || settled) return;
      const fraction = DIRECTIONS_SHARE + (1 - DIRECTIONS_SHARE) * (chunk.done / chunk.total);
      const patch: Partial<LandscapeState> = { sliceJob: this.job(label, 'running', fraction) };
      if (field !== null && refinesShown(chunk.exactStride, settings.resolution, this.shownExact)) {
        // The same array, rewritten in place; the new version tells the scene to redraw it.
        field.values.set(chunk.values);
        patch.field = { ...field, version: ++this.fieldVersion };
        patch.fieldDone = chunk.done;
        patch.fieldTotal = chunk.total;
        if (chunk.exactStride > 0) this.shownExact = Math.floor((settings.resolution - 1) / chunk.exactStride) + 1;
      }
      this.patch(patch);
    }, FIELD_PUBLISH_MS);
    // The worker starts this slice's job, which cancels the one running there; a projection of the old one is stopped too.
    void this.connection?.api.cancel('projection');
    this.probeToken++;
    this.patch({
      sliceJob: this.job(label, 'running', 0),
      sliceKind: order.kind,
      error: null,
      probe: null,
      probeJob: null,
      curvatureTarget: targetWithoutProbe(this.landscape().curvatureTarget),
    });
    try {
      const network = this.networkExperiment();
      const connection = await this.worker();
      const info = await connection.guard(connection.api.setProblem(network.problem));
      if (stale()) return 'superseded';
      this.patch({ info });
      field =
        settings.dims === 2
          ? { nx: settings.resolution, ny: settings.resolution, window: sliceWindow(settings), values: new Float32Array(settings.resolution ** 2), version: 0 }
          : null;
      const onDirections = Comlink.proxy((done: number, total: number) => {
        // A late report (its own port is not ordered with the answer's) must not reopen a settled slice.
        if (settled) return;
        begin();
        if (!stale()) this.patch({ sliceJob: this.job(`${label}: directions`, 'running', (DIRECTIONS_SHARE * done) / Math.max(total, 1)) });
      });
      let chunkCount = 0;
      const onChunk = Comlink.proxy((chunk: SliceChunk) => {
        begin();
        if (chunkCount === 0) performance.mark('explorer:slice-first-chunk');
        chunkCount++;
        chunks.push(chunk);
      });
      const runIds = network.optimizers.map((run) => run.id);
      const summary = await connection.guard(connection.api.computeSlice(settings, runIds, onChunk, onDirections));
      settled = true;
      chunks.cancel();
      if (stale()) return 'superseded';
      begin();
      this.patch({ fieldChunks: chunkCount });
      this.publishSlice(summary, field, network);
      if (settings.dims === 2) await this.projectRuns(connection, network, stale);
      if (stale()) return 'superseded';
      this.patch({ sliceJob: this.job(label, 'done', 1, `${summary.nx}×${summary.ny} in ${(summary.elapsedMs / 1000).toFixed(1)} s`) });
      return 'done';
    } catch (error) {
      if (stale()) {
        settled = true;
        chunks.cancel();
        return 'superseded';
      }
      if (isAbort(error)) {
        // A cancelled slice keeps the field as far as it was refined.
        chunks.flush();
        settled = true;
        this.patch({ sliceJob: this.job(label, 'cancelled', null) });
        return 'cancelled';
      }
      // Chunks the worker sent before it failed (or died) may still arrive on their own port: they are ignored from now on.
      settled = true;
      chunks.cancel();
      const message = this.failureMessage(error);
      this.patch({ sliceJob: this.job(label, 'failed', null, message), error: message });
      return 'failed';
    }
  }

  private publishSlice(summary: SliceSummary, field: HeightField | null, experiment: NetworkExperiment): void {
    const looks = runLooks(experiment);
    const patch: Partial<LandscapeState> = { slice: summary, markers: criticalMarkers(summary.critical), fieldDone: summary.nx * summary.ny, fieldTotal: summary.nx * summary.ny };
    this.shownExact = summary.nx;
    if (field !== null) {
      field.values.set(summary.values);
      patch.field = { ...field, version: ++this.fieldVersion };
    }
    if (summary.line !== null) patch.line = lineSliceOf(summary, summary.line, lineMarks(summary.settings, looks), ++this.fieldVersion);
    this.patch(patch);
  }

  /** Every run's trajectory on the slice (the worker takes them from the training worker): paths on the surface and faithfulness badges. */
  private async projectRuns(connection: WorkerConnection<LandscapeWorkerApi>, experiment: NetworkExperiment, stale: () => boolean): Promise<void> {
    this.patch({ sliceJob: this.job('Slice: projecting the runs', 'running', 1) });
    const projected = await connection.guard(connection.api.projectRuns(experiment.optimizers.map((run) => run.id)));
    if (stale()) return;
    const looks = runLooks(experiment);
    this.patch({ paths: projectedPaths(projected, looks), faithfulness: faithfulnessItems(projected, looks) });
  }

  /** Probes the point (α, β) of the current slice. */
  private async probe(alpha: number, beta: number): Promise<void> {
    const token = ++this.probeToken;
    const stale = () => token !== this.probeToken;
    const label = 'Probe';
    if (this.landscape().slice === null) return;
    this.patch({ probeJob: this.job(label, 'running', 0) });
    try {
      const connection = await this.worker();
      const progress = new ProgressUntilSettled((done: number, total: number) => {
        if (!stale()) this.patch({ probeJob: this.job(label, 'running', done / Math.max(total, 1)) });
      });
      const result = await progress.during(connection.guard(connection.api.probe(alpha, beta, Comlink.proxy(progress.report))));
      if (stale()) return;
      const line = this.landscape().slice?.ny === 1;
      // Three digits and true minus signs: the caption is prose.
      const show = (value: number) => typographicMinus(formatCoordinate(value, 3));
      const caption = line ? `clicked point α = ${show(alpha)}` : `clicked point (α, β) = (${show(alpha)}, ${show(beta)})`;
      const probe: ProbeState = {
        alpha,
        beta,
        loss: result.train.loss,
        accuracy: result.train.accuracy,
        testLoss: result.test?.loss ?? null,
        testAccuracy: result.test?.accuracy ?? null,
        lambdaMax: result.curvature?.lambdaMax ?? null,
        lambdaMin: result.curvature?.lambdaMin ?? null,
        prediction: result.prediction && { ...result.prediction, version: ++this.predictionVersion },
        caption,
      };
      // The clicked point becomes what the curvature view describes.
      this.patch({ probe, probeJob: this.job(label, 'done', 1), curvatureTarget: { kind: 'probe' }, exactEstimate: null });
    } catch (error) {
      if (stale()) return;
      this.patch({ probeJob: isAbort(error) ? this.job(label, 'cancelled', null) : this.job(label, 'failed', null, this.failureMessage(error)) });
    }
  }

  /** The parameters the curvature view describes, as the worker finds them (a run's latest, or the clicked point of the slice), with a caption. */
  private curvatureTarget(target: CurvatureTargetChoice, experiment: NetworkExperiment): { at: CurvatureAt; caption: string } {
    if (target.kind === 'probe') {
      const probe = this.landscape().probe;
      if (probe === null) throw new Error('no clicked point: click the slice first');
      return { at: { kind: 'point', alpha: probe.alpha, beta: probe.beta }, caption: probe.caption };
    }
    const runId = target.kind === 'run' ? target.runId : (this.store.getState().selectedRunId ?? experiment.optimizers[0].id);
    const index = experiment.optimizers.findIndex((run) => run.id === runId);
    if (index < 0) throw new Error(`the experiment has no run "${runId}"`);
    return { at: { kind: 'run', runId }, caption: `${runLooks(experiment)[index].label}, latest parameters` };
  }

  /** Predicts the time of the exact spectrum at the chosen target, for the button that starts it. */
  private async estimateExact(): Promise<void> {
    const token = this.curvatureToken;
    try {
      const experiment = this.networkExperiment();
      const connection = await this.worker();
      this.patch({ info: await connection.guard(connection.api.setProblem(experiment.problem)) });
      const target = this.curvatureTarget(this.landscape().curvatureTarget, experiment);
      const estimate = await connection.guard(connection.api.estimateExact(target.at, experiment.curvature));
      // A report started meanwhile measures the machine itself; this estimate would only be older.
      if (token === this.curvatureToken) this.patch({ exactEstimate: estimate });
    } catch {
      // Without an estimate the button simply shows none; the report itself will say what is wrong.
    }
  }

  /** The curvature report of the experiment's settings at the chosen target; with `exact`, every eigenvalue (its time estimated first). */
  private async computeCurvature(exact: boolean): Promise<void> {
    const token = ++this.curvatureToken;
    const stale = () => token !== this.curvatureToken;
    const label = exact ? 'Spectrum (exact)' : 'Spectrum';
    this.patch({ curvatureJob: this.job(label, 'running', null) });
    try {
      const experiment = this.networkExperiment();
      const settings: CurvatureSettings = structuredClone(experiment.curvature);
      const connection = await this.worker();
      this.patch({ info: await connection.guard(connection.api.setProblem(experiment.problem)) });
      const target = this.curvatureTarget(this.landscape().curvatureTarget, experiment);
      let estimateSeconds: number | undefined;
      if (exact) {
        const estimate = await connection.guard(connection.api.estimateExact(target.at, settings));
        if (stale()) return;
        if (!estimate.feasible) throw new Error(`the exact spectrum is offered up to ${MAX_EXACT_PARAMETERS} parameters; this network has ${estimate.size}`);
        estimateSeconds = estimate.seconds;
        this.patch({ exactEstimate: estimate });
      }
      this.patch({ curvatureJob: this.job(label, 'running', 0, undefined, estimateSeconds) });
      const progress = new ProgressUntilSettled((done: number, total: number) => {
        if (!stale()) this.patch({ curvatureJob: this.job(label, 'running', done / Math.max(total, 1), undefined, estimateSeconds) });
      });
      const summary = await progress.during(connection.guard(connection.api.curvature(target.at, settings, exact, Comlink.proxy(progress.report))));
      if (stale()) return;
      this.patch({ curvature: { summary, caption: target.caption }, curvatureJob: this.job(label, 'done', 1, `${(summary.elapsedMs / 1000).toFixed(1)} s`) });
    } catch (error) {
      if (stale()) return;
      if (isAbort(error)) this.patch({ curvatureJob: this.job(label, 'cancelled', null) });
      else this.patch({ curvatureJob: this.job(label, 'failed', null, this.failureMessage(error)) });
    }
  }
}

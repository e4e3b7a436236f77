/**
 * The landscape session: owns the landscape worker and turns the landscape
 * slice's intents into jobs, and the jobs' streamed results into store
 * updates.
 *
 * - "Compute slice": the vectors the slice needs are fetched from the
 *   training side (a `ParameterSource`), the worker evaluates the slice
 *   coarse to fine (the height field is refined in place, its version
 *   bumped per chunk), then every run's trajectory is projected onto it;
 * - a click on the surface probes that point (losses, predictions, λ_max/λ_min);
 * - "Compute spectrum": a curvature report at the chosen run's latest
 *   parameters or the probed point, the exact spectrum on request with its
 *   predicted time shown first.
 *
 * A new request cancels the running job of its kind. The worker starts on
 * the first request; a crashed worker (or a lost GPU) is replaced by one
 * without the GPU backends, and the job that was running reports failure.
 */
import * as Comlink from 'comlink';
import type { BackendName } from '../../workers/engine/backends/select';
import type { Experiment, NetworkExperiment } from '../../workers/engine/spec/experiment';
import { INITIAL_PARAMS, type CurvatureSettings, type RunReference, type SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import { MAX_EXACT_PARAMETERS } from '../../workers/engine/spec/limits';
import type { LandscapeWorkerApi } from '../../workers/landscape.worker';
import type { SliceChunk, SliceSummary } from '../../workers/engine/spec/messages/landscape';
import { referencedRuns, sliceNeeds, type SliceVectors } from '../../workers/engine/spec/sliceInputs';
import type { HeightField } from '../scene/types';
import type { JobProgress } from '../plots/types';
import { emptyLandscapeState, type CurvatureTargetChoice, type LandscapeState, type ProbeState } from '../store/landscapeSlice';
import type { AppStore } from '../store/store';
import { startLandscapeWorker, type WorkerConnection } from '../workerClient';
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
import { paramsKey } from '../session/paramsKey';
import { runLabels } from '../runs/runLabels';

/** Where the parameters of the training runs come from (the training worker, through the page). */
export interface ParameterSource {
  /** Run `runId`'s parameters: θ₀ (shared by every run), its latest, or those after step `which`. */
  getParams(runId: string, which: 'init' | 'latest' | number): Promise<Float32Array>;
  /** Run `runId`'s kept snapshots, T × P row-major (θ₀ first, the latest last). */
  getTrajectory(runId: string): Promise<Float32Array>;
}

/** How the worker is started (tests pass their own). */
export type LandscapeWorkerFactory = (onCrash: (reason: string) => void) => WorkerConnection<LandscapeWorkerApi>;

const GPU_BACKENDS: BackendName[] = ['webgpu', 'webgl'];
const MAX_RESTARTS = 3;
/** Share of a slice's progress bar given to choosing its directions (Lanczos for 'hessian'). */
const DIRECTIONS_SHARE = 0.1;
/** Least milliseconds between two redraws of a refining slice (the newest field is shown; none is queued). */
const FIELD_PUBLISH_MS = 200;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function isNetwork(experiment: Experiment): experiment is NetworkExperiment {
  return experiment.problem.kind === 'network';
}

/** Short numbers for captions: 3 significant digits, "−" for minus. */
export function formatCoordinate(value: number): string {
  return Number(value.toPrecision(3)).toString().replace('-', '−');
}

/** The runs as the landscape labels and colours them, named as everywhere else ("Gradient descent, batch 8"). */
export function runLooks(experiment: NetworkExperiment): RunLook[] {
  const labels = runLabels(experiment.optimizers);
  return experiment.optimizers.map((run, index) => ({ id: run.id, label: labels[index], color: run.color }));
}

/** Landscape jobs on the landscape worker, driven by the store (see the module comment). */
export class LandscapeSession {
  private connection: WorkerConnection<LandscapeWorkerApi> | null = null;
  private ready: Promise<boolean> = Promise.resolve(false);
  private exclude: BackendName[] = [];
  private restarts = 0;
  private source: ParameterSource | null = null;
  private unsubscribe: () => void = () => {};
  private sliceToken = 0;
  private probeToken = 0;
  private curvatureToken = 0;
  private fieldVersion = 0;
  private predictionVersion = 0;

  constructor(
    private readonly store: AppStore,
    private readonly search: string,
    private readonly startWorker: LandscapeWorkerFactory = startLandscapeWorker,
  ) {}

  /** Where parameters come from (the training session provides them once it runs). */
  setParameterSource(source: ParameterSource | null): void {
    this.source = source;
  }

  /** Begins following the store's landscape intents. */
  start(): void {
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.sliceRequests !== previous.sliceRequests) void this.computeSlice();
      if (state.sliceCancels !== previous.sliceCancels) this.cancel('slice');
      if (state.probeRequest !== previous.probeRequest) {
        if (state.probeRequest !== null) void this.probe(state.probeRequest.alpha, state.probeRequest.beta);
        else this.forgetProbe();
      }
      if (state.curvatureRequest !== previous.curvatureRequest && state.curvatureRequest !== null) void this.computeCurvature(state.curvatureRequest.exact);
      if (state.curvatureCancels !== previous.curvatureCancels) this.cancel('curvature');
      if (state.exactEstimateRequests !== previous.exactEstimateRequests) void this.estimateExact();
      const problemEdited = state.experiment !== previous.experiment && state.experiment.problem !== previous.experiment.problem;
      if (problemEdited && JSON.stringify(state.experiment.problem) !== JSON.stringify(previous.experiment.problem)) this.forgetResults();
    });
  }

  /** Stops the worker and the subscription. */
  dispose(): void {
    this.unsubscribe();
    this.connection?.terminate();
    this.connection = null;
  }

  /** Test hook: makes the worker crash. */
  simulateCrash(): void {
    void this.connection?.api.crashForTesting();
  }

  private patch(patch: Partial<LandscapeState>): void {
    this.store.getState().patchLandscape(patch);
  }

  private landscape(): LandscapeState {
    return this.store.getState().landscape;
  }

  /** A different problem makes every result stale: the slice, the probe, the report. */
  private forgetResults(): void {
    this.sliceToken++;
    this.probeToken++;
    this.curvatureToken++;
    // Everything back to empty but the curvature target, which is a choice, not a result.
    const { curvatureTarget: _kept, ...empty } = emptyLandscapeState();
    this.patch(empty);
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
    if (this.connection === null) this.connect();
    const connection = this.connection!;
    if (!(await this.ready)) throw new Error('no computation backend is available for the landscape');
    return connection;
  }

  private connect(): void {
    const connection = this.startWorker((reason) => this.restart(`the landscape worker crashed: ${reason}`));
    this.connection = connection;
    const onLost = Comlink.proxy((reason: string) => this.restart(`the GPU backend was lost: ${reason}`));
    this.ready = connection
      .guard(connection.api.init(this.search, this.exclude, onLost))
      .then(() => true)
      .catch((error) => {
        if (this.connection === connection) this.patch({ error: errorMessage(error) });
        return false;
      });
  }

  /** Replaces the worker with one that avoids the GPU backends; running jobs have failed (their calls reject). */
  private restart(reason: string): void {
    const old = this.connection;
    if (old === null) return;
    this.connection = null;
    old.terminate();
    this.restarts++;
    if (this.restarts > MAX_RESTARTS) {
      this.patch({ error: `The landscape computation stopped (${reason}) and could not be restarted.` });
      return;
    }
    this.exclude = [...new Set([...this.exclude, ...GPU_BACKENDS])];
    this.store.getState().addNotice(`The landscape computation stopped (${reason}); it will restart without the GPU at the next request.`);
  }

  /** The network experiment, or a clear error. */
  private networkExperiment(): NetworkExperiment {
    const experiment = this.store.getState().experiment;
    if (!isNetwork(experiment)) throw new Error('landscapes of parameter space need a neural-network problem');
    return experiment;
  }

  private parameterSource(): ParameterSource {
    if (this.source === null) throw new Error('no training runs to take parameters from yet: train first');
    return this.source;
  }

  /** The parameters a run reference names: a run's latest, or θ₀ (taken from the first run). */
  private async paramsOf(run: RunReference, experiment: NetworkExperiment): Promise<Float32Array> {
    const source = this.parameterSource();
    if (run === INITIAL_PARAMS) return source.getParams(experiment.optimizers[0].id, 'init');
    return source.getParams(run, 'latest');
  }

  private async sliceVectors(settings: SliceSettings, experiment: NetworkExperiment): Promise<SliceVectors> {
    const ids = new Set(experiment.optimizers.map((run) => run.id));
    const missing = referencedRuns(settings).filter((run) => run !== INITIAL_PARAMS && !ids.has(run));
    if (missing.length > 0) throw new Error(`the slice refers to run ${missing.map((id) => `"${id}"`).join(' and ')}, which the experiment does not have`);
    const vectors: SliceVectors = {};
    for (const need of sliceNeeds(settings)) {
      vectors[need.role] =
        need.what === 'trajectory' ? await this.parameterSource().getTrajectory(need.run === INITIAL_PARAMS ? experiment.optimizers[0].id : need.run) : await this.paramsOf(need.run, experiment);
    }
    return vectors;
  }

  private job(label: string, state: JobProgress['state'], fraction: number | null, message?: string, estimateSeconds?: number): JobProgress {
    return { label, state, fraction, ...(message === undefined ? {} : { message }), ...(estimateSeconds === undefined ? {} : { estimateSeconds }) };
  }

  /** Computes the experiment's slice (see the module comment), then projects every run onto it. */
  private async computeSlice(): Promise<void> {
    const token = ++this.sliceToken;
    const stale = () => token !== this.sliceToken;
    const label = 'Slice';
    let field: HeightField | null = null;
    // Chunks arrive every ~250 ms; the page shows the newest at most every FIELD_PUBLISH_MS.
    const chunks = new LatestOnly<SliceChunk>((chunk) => {
      if (stale()) return;
      const fraction = DIRECTIONS_SHARE + (1 - DIRECTIONS_SHARE) * (chunk.done / chunk.total);
      const patch: Partial<LandscapeState> = { fieldDone: chunk.done, fieldTotal: chunk.total, sliceJob: this.job(label, 'running', fraction) };
      if (field !== null) {
        // The same array, rewritten in place; the new version tells the scene to redraw it.
        field.values.set(chunk.values);
        patch.field = { ...field, version: ++this.fieldVersion };
      }
      this.patch(patch);
    }, FIELD_PUBLISH_MS);
    this.probeToken++;
    this.patch({ sliceJob: this.job(label, 'running', 0), error: null, probe: null, probeJob: null });
    try {
      const experiment = this.networkExperiment();
      const settings = structuredClone(experiment.slice);
      const connection = await this.worker();
      const info = await connection.guard(connection.api.setProblem(experiment.problem));
      this.patch({ info });
      const vectors = await this.sliceVectors(settings, experiment);
      if (stale()) return;
      field =
        settings.dims === 2
          ? { nx: settings.resolution, ny: settings.resolution, window: sliceWindow(settings), values: new Float32Array(settings.resolution ** 2), version: 0 }
          : null;
      this.patch({ slice: null, field: null, line: null, markers: [], paths: [], faithfulness: [], fieldDone: 0, fieldTotal: settings.dims === 2 ? settings.resolution ** 2 : settings.resolution });
      const onDirections = Comlink.proxy((done: number, total: number) => {
        if (!stale()) this.patch({ sliceJob: this.job(`${label}: directions`, 'running', (DIRECTIONS_SHARE * done) / Math.max(total, 1)) });
      });
      const onChunk = Comlink.proxy((chunk: SliceChunk) => chunks.push(chunk));
      const summary = await connection.guard(connection.api.computeSlice(settings, vectors, onChunk, onDirections));
      chunks.cancel();
      if (stale()) return;
      this.publishSlice(summary, field, experiment);
      if (settings.dims === 2) await this.projectRuns(connection, experiment, stale);
      if (!stale()) this.patch({ sliceJob: this.job(label, 'done', 1, `${summary.nx}×${summary.ny} in ${(summary.elapsedMs / 1000).toFixed(1)} s`) });
    } catch (error) {
      if (stale()) {
        chunks.cancel();
        return;
      }
      if (isAbort(error)) {
        // A cancelled slice keeps the field as far as it was refined.
        chunks.flush();
        this.patch({ sliceJob: this.job(label, 'cancelled', null) });
      } else {
        chunks.cancel();
        this.patch({ sliceJob: this.job(label, 'failed', null, errorMessage(error)), error: errorMessage(error) });
      }
    }
  }

  private publishSlice(summary: SliceSummary, field: HeightField | null, experiment: NetworkExperiment): void {
    const looks = runLooks(experiment);
    const patch: Partial<LandscapeState> = { slice: summary, markers: criticalMarkers(summary.critical), fieldDone: summary.nx * summary.ny };
    if (field !== null) {
      field.values.set(summary.values);
      patch.field = { ...field, version: ++this.fieldVersion };
    }
    if (summary.line !== null) patch.line = lineSliceOf(summary, summary.line, lineMarks(summary.settings, looks), ++this.fieldVersion);
    this.patch(patch);
  }

  /** Every run's trajectory on the slice: paths on the surface and faithfulness badges. */
  private async projectRuns(connection: WorkerConnection<LandscapeWorkerApi>, experiment: NetworkExperiment, stale: () => boolean): Promise<void> {
    const source = this.parameterSource();
    const runs = [];
    for (const run of experiment.optimizers) runs.push({ runId: run.id, snapshots: await source.getTrajectory(run.id) });
    if (stale()) return;
    this.patch({ sliceJob: this.job('Slice: projecting the runs', 'running', 1) });
    const projected = await connection.guard(connection.api.projectRuns(runs));
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
      const onProgress = Comlink.proxy((done: number, total: number) => {
        if (!stale()) this.patch({ probeJob: this.job(label, 'running', done / Math.max(total, 1)) });
      });
      const result = await connection.guard(connection.api.probe(alpha, beta, onProgress));
      if (stale()) return;
      const line = this.landscape().slice?.ny === 1;
      const caption = line ? `clicked point α = ${formatCoordinate(alpha)}` : `clicked point (α, β) = (${formatCoordinate(alpha)}, ${formatCoordinate(beta)})`;
      const probe: ProbeState = {
        alpha,
        beta,
        params: result.params,
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
      this.patch({ probeJob: isAbort(error) ? this.job(label, 'cancelled', null) : this.job(label, 'failed', null, errorMessage(error)) });
    }
  }

  /** The parameters the curvature view describes, with a caption and a key naming their contents. */
  private async curvatureTarget(target: CurvatureTargetChoice, experiment: NetworkExperiment): Promise<{ params: Float32Array; key: string; caption: string }> {
    if (target.kind === 'probe') {
      const probe = this.landscape().probe;
      if (probe === null) throw new Error('no clicked point: click the slice first');
      return { params: probe.params, key: `probe:${paramsKey(probe.params)}`, caption: probe.caption };
    }
    const runId = target.kind === 'run' ? target.runId : (this.store.getState().selectedRunId ?? experiment.optimizers[0].id);
    const index = experiment.optimizers.findIndex((run) => run.id === runId);
    if (index < 0) throw new Error(`the experiment has no run "${runId}"`);
    const params = await this.paramsOf(runId, experiment);
    return { params, key: `run:${paramsKey(params)}`, caption: `${runLooks(experiment)[index].label}, latest parameters` };
  }

  /** Predicts the time of the exact spectrum at the chosen target, for the button that starts it. */
  private async estimateExact(): Promise<void> {
    const token = this.curvatureToken;
    try {
      const experiment = this.networkExperiment();
      const connection = await this.worker();
      this.patch({ info: await connection.guard(connection.api.setProblem(experiment.problem)) });
      const target = await this.curvatureTarget(this.landscape().curvatureTarget, experiment);
      const estimate = await connection.guard(connection.api.estimateExact({ key: target.key, params: target.params }, experiment.curvature));
      // A report started meanwhile measures the machine itself; this estimate would only be older.
      if (token === this.curvatureToken) this.patch({ exactEstimate: { ...estimate, targetKey: target.key } });
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
      const target = await this.curvatureTarget(this.landscape().curvatureTarget, experiment);
      let estimateSeconds: number | undefined;
      if (exact) {
        const estimate = await connection.guard(connection.api.estimateExact({ key: target.key, params: target.params }, settings));
        if (stale()) return;
        if (!estimate.feasible) throw new Error(`the exact spectrum is offered up to ${MAX_EXACT_PARAMETERS} parameters; this network has ${estimate.size}`);
        estimateSeconds = estimate.seconds;
        this.patch({ exactEstimate: { ...estimate, targetKey: target.key } });
      }
      this.patch({ curvatureJob: this.job(label, 'running', 0, undefined, estimateSeconds) });
      const onProgress = Comlink.proxy((done: number, total: number) => {
        if (!stale()) this.patch({ curvatureJob: this.job(label, 'running', done / Math.max(total, 1), undefined, estimateSeconds) });
      });
      const summary = await connection.guard(connection.api.curvature({ key: target.key, params: target.params }, settings, exact, onProgress));
      if (stale()) return;
      this.patch({ curvature: { summary, caption: target.caption }, curvatureJob: this.job(label, 'done', 1, `${(summary.elapsedMs / 1000).toFixed(1)} s`) });
    } catch (error) {
      if (stale()) return;
      if (isAbort(error)) this.patch({ curvatureJob: this.job(label, 'cancelled', null) });
      else this.patch({ curvatureJob: this.job(label, 'failed', null, errorMessage(error)) });
    }
  }
}

/**
 * The analytic session: owns the worker, and turns store changes into worker
 * requests and worker results into store updates. It follows the store with
 * one selector subscription per thing it reacts to, parts of the experiment
 * compared by value:
 *
 * - problem, window or grid changed → surface: a coarse preview, then the full grid;
 * - problem, window or start changed → markers (critical points and start, with curvature);
 * - problem, start, steps, optimizers or seed changed → the runs start over (and play
 *   again if they had finished); reset → the runs start over;
 * - play / pause / single step → the runner.
 *
 * A crashed worker or a lost GPU is replaced by a new worker on the
 * WebAssembly or CPU backend; the experiment (in the store) is untouched.
 */
import { isAnalyticExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import type { AnalyticWorkerApi, BackendReport, MarkerReport } from '../../workers/analytic.worker';
import { sameData } from '../store/sameData';
import type { AppStore } from '../store/store';
import type { MarkerView } from '../scene/types';
import { startAnalyticWorker, type WorkerConnection } from '../workerClient';
import { errorMessage, WorkerSession } from '../session/workerSession';
import { coarseGridFor } from './coarseGrid';
import { Runner, runFields } from './runner';

/** How a worker is started (tests pass their own). */
export type WorkerFactory = (onCrash: (reason: string) => void) => WorkerConnection<AnalyticWorkerApi>;

/** Wait after an edit before recomputing the surface, so typing a number costs one evaluation. */
const SURFACE_DEBOUNCE_MS = 40;

/** What the surface depends on. */
const surfaceFields = (e: Experiment) => [e.problem, e.window, e.grid];
/** What the markers depend on. */
const markerFields = (e: Experiment) => [e.problem, e.window, e.start];

export class AnalyticSession extends WorkerSession<AnalyticWorkerApi> {
  private surfaceToken = 0;
  private markerToken = 0;
  private surfaceTimer: ReturnType<typeof setTimeout> | null = null;
  private fieldVersion = 0;
  /** The backend the worker chose, shown whenever the experiment is analytic. */
  private backendReport: BackendReport | null = null;
  private readonly runner: Runner;
  private unsubscribes: (() => void)[] = [];

  constructor(
    private readonly store: AppStore,
    search: string,
    startWorker: WorkerFactory = startAnalyticWorker,
    private readonly now: () => number = () => performance.now(),
  ) {
    super('the worker', search, startWorker, null, 'analytic');
    this.runner = new Runner(store, (error) => this.handleError(error));
  }

  /**
   * Begins following the store; the worker starts with the first analytic
   * experiment (at once for an analytic link). A page opened on a network
   * leaves it unstarted: its TensorFlow.js start-up would take CPU from the
   * training and landscape workers' on a machine with few cores.
   */
  start(): void {
    const store = this.store;
    const analytic = () => isAnalyticExperiment(store.getState().experiment);
    if (analytic()) this.connect();
    const byValue = { equalityFn: sameData };
    this.unsubscribes = [
      store.subscribe(
        (state) => isAnalyticExperiment(state.experiment),
        (isAnalytic) => {
          if (!isAnalytic) return;
          if (this.connection === null && !this.givingUp) this.connect();
          this.publishBackend();
        },
      ),
      store.subscribe((state) => surfaceFields(state.experiment), () => this.scheduleSurface(), byValue),
      store.subscribe((state) => markerFields(state.experiment), () => void this.refreshMarkers(), byValue),
      // An edit restarts the runs; a switch of mode only forgets them.
      store.subscribe(
        (state) => runFields(state.experiment),
        (fields, previous) => (fields.problem.kind === previous.problem.kind ? this.runner.restartAfterEdit() : this.runner.invalidate()),
        byValue,
      ),
      // Play, pause, step and reset belong to the network's session while the experiment is a network's.
      store.subscribe((state) => state.resetRequests, () => analytic() && this.runner.invalidate()),
      store.subscribe((state) => state.stepRequests, () => analytic() && this.runner.requestSingleStep()),
      store.subscribe(
        (state) => state.status,
        () => {
          if (!analytic()) return;
          this.runner.syncStatuses();
          this.runner.kick();
        },
      ),
    ];
  }

  /** Stops the worker and the subscriptions. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    if (this.surfaceTimer !== null) clearTimeout(this.surfaceTimer);
    this.connection?.terminate();
    this.connection = null;
  }

  private connect(): void {
    const connection = this.startConnection((report) => {
      this.backendReport = report;
      this.publishBackend();
    });
    this.runner.attach(
      { startRuns: (e) => this.afterReady(() => connection.api.startRuns(e)), step: (n) => connection.api.step(n) },
      (call) => connection.guard(call),
    );
    void this.refreshSurface();
    void this.refreshMarkers();
  }

  /** Shows this worker's backend in the status bar, while the experiment is analytic (a network's is the training worker's). */
  private publishBackend(): void {
    if (this.backendReport === null || !isAnalyticExperiment(this.store.getState().experiment)) return;
    this.store.getState().setBackend(this.backendReport.backend, this.backendReport.attempts);
  }

  /** Runs `call` once the backend is chosen (rejects if it could not be). */
  private async afterReady<T>(call: () => Promise<T>): Promise<T> {
    if (!(await this.ready)) throw new Error('no computation backend is available');
    return call();
  }

  protected showError(message: string): void {
    this.store.getState().setError(message);
  }

  /** Replaces the worker with one that avoids the GPU backends. */
  protected restart(reason: string, from?: WorkerConnection<AnalyticWorkerApi>): void {
    if (!this.dropForRestart(from)) return;
    if (this.givingUp) {
      this.store.getState().setError(`The computation stopped (${reason}) and could not be restarted.`);
      this.store.getState().setBackend(null, this.store.getState().backendAttempts);
      return;
    }
    this.avoidGpu();
    this.store.getState().addNotice(`The computation stopped (${reason}); it was restarted without the GPU.`);
    this.backendReport = null;
    this.store.getState().setBackend(null, []);
    // The runs start over on the new worker (and keep playing if they were).
    this.connect();
  }

  private handleError(error: unknown): void {
    const message = errorMessage(error);
    // A lost GPU surfaces as a failed call before (or instead of) the lost callback.
    if (/backend was lost/.test(message)) this.restart(message);
    else if (!/worker was stopped/.test(message)) this.store.getState().setError(message);
  }

  private scheduleSurface(): void {
    if (this.surfaceTimer !== null) clearTimeout(this.surfaceTimer);
    this.surfaceTimer = setTimeout(() => {
      this.surfaceTimer = null;
      void this.refreshSurface();
    }, SURFACE_DEBOUNCE_MS);
  }

  /** Computes the surface: a coarse preview first (if the grid is large), then the full grid. */
  private async refreshSurface(): Promise<void> {
    const token = ++this.surfaceToken;
    const connection = this.connection;
    if (connection === null) return;
    const experiment = this.store.getState().experiment;
    // Network experiments have no analytic surface (their landscape is a slice, computed elsewhere).
    if (!isAnalyticExperiment(experiment)) return;
    const { nx, ny } = experiment.grid;
    const stale = () => token !== this.surfaceToken || connection !== this.connection;
    try {
      const coarse = coarseGridFor(nx, ny);
      if (coarse !== null && this.store.getState().field === null) {
        // The preview only matters before anything is shown; later, the old surface stays until the new one is ready.
        // It comes from float64 closed forms, so it does not wait for the backend to start.
        const preview = await connection.guard(connection.api.previewSurface(experiment, coarse.nx, coarse.ny));
        if (stale()) return;
        this.publishField(experiment, coarse.nx, coarse.ny, preview, 'coarse');
      }
      if (!(await this.ready) || stale()) return;
      const values = await connection.guard(connection.api.surface(experiment, nx, ny));
      if (stale()) return;
      this.publishField(experiment, nx, ny, values, 'full');
    } catch (error) {
      if (!stale()) this.handleError(error);
    }
  }

  private publishField(experiment: Experiment, nx: number, ny: number, values: Float32Array, phase: 'coarse' | 'full'): void {
    const state = this.store.getState();
    performance.mark(`explorer:surface-${phase}`);
    state.setField({ nx, ny, window: { ...experiment.window }, values, version: ++this.fieldVersion });
    state.setSurfacePhase(phase);
    if (state.firstSurfaceMs === null) state.setFirstSurfaceMs(Math.round(this.now()));
    if (state.error !== null) state.setError(null);
  }

  /** Fetches the markers (critical points in the window, and the start) with f and the Hessian's eigenvalues. */
  private async refreshMarkers(): Promise<void> {
    const token = ++this.markerToken;
    const connection = this.connection;
    const experiment = this.store.getState().experiment;
    if (!isAnalyticExperiment(experiment)) return;
    // Until the worker answers, show the start without numbers.
    this.store.getState().setMarkers([{ x: experiment.start[0], y: experiment.start[1], kind: 'start' }]);
    if (connection === null || !(await this.ready)) return;
    try {
      const reports = await connection.guard(connection.api.markers(experiment));
      if (token !== this.markerToken || connection !== this.connection) return;
      this.store.getState().setMarkers(reports.map(toMarkerView));
    } catch (error) {
      if (token === this.markerToken) this.handleError(error);
    }
  }
}

function toMarkerView(report: MarkerReport): MarkerView {
  return { x: report.x, y: report.y, kind: report.kind, loss: report.loss, eigenvalues: [...report.eigenvalues] };
}

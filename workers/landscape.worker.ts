/**
 * The landscape worker: a thin comlink entry over `landscape/`. It
 * rebuilds the experiment's network problem (the same seeds give the same
 * data as the training worker's: a built network's tensors belong to the
 * worker that made them), asks the training worker for the runs' parameter
 * vectors and trajectories over the port the page hands over with
 * `linkTraining`, and runs slices, projections, probes and curvature
 * reports with streamed progress. A new job cancels the running job of its
 * kind; `cancel(kind)` stops one on request.
 */
import * as Comlink from 'comlink';
// tfjs-core alone registers no gradient functions; Hessian-vector products need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { BackendReport } from './analytic.worker';
import { BackendLossWatch } from './backendLoss';
import { holdLifeline } from './lifeline';
import { TestFaults, type CrashMoment } from './testFaults';
import { selectBrowserBackend } from './engine/backends/browser';
import { engineFromQuery, preferNetworkEngine } from './engine/networks/fast/engine';
import type { BackendName } from './engine/backends/select';
import { LandscapeService, type LandscapeRequests } from './landscape/landscapeRequests';

/** The worker's API, as the page sees it through comlink. */
export interface LandscapeWorkerApi extends LandscapeRequests {
  /** Selects the first working backend (as the analytic worker does); `onBackendLost` fires if the GPU goes away later. */
  init(search: string, exclude: BackendName[], onBackendLost: (reason: string) => void): Promise<BackendReport>;
  /** Test hook: makes the GPU device or WebGL context go away. */
  loseBackendForTesting(): void;
  /** Test hook: throws an uncaught error, as a worker crash would (at once, or inside the next step). */
  crashForTesting(moment?: CrashMoment): void;
  /** Test hook: the worker stops without a word (`self.close()`). */
  closeForTesting(): void;
}

/** Set when the GPU goes away: every later call then fails with the reason instead of hanging. */
const backendLoss = new BackendLossWatch();
/** The test hooks' faults (crashes, a silent stop). */
const faults = new TestFaults();
const service = new LandscapeService(() => backendLoss.assertUsable());

const api: LandscapeWorkerApi = {
  async init(search, exclude, onBackendLost) {
    const { backend, attempts } = await selectBrowserBackend(search, exclude);
    // ?engine=fast|tfjs forces the network engine, as ?backend= forces the backend.
    preferNetworkEngine(engineFromQuery(search));
    backendLoss.watch(backend, onBackendLost);
    return { backend, attempts };
  },

  linkTraining: (port) => service.linkTraining(port),
  setProblem: (problem) => service.setProblem(problem),
  computeSlice: (settings, runIds, onChunk, onDirectionsProgress) => service.computeSlice(settings, runIds, onChunk, onDirectionsProgress),
  projectRuns: (runIds) => service.projectRuns(runIds),
  probe: (alpha, beta, onProgress) => service.probe(alpha, beta, onProgress),
  estimateExact: (target, settings) => service.estimateExact(target, settings),
  curvature: (target, settings, exact, onProgress) => service.curvature(target, settings, exact, onProgress),
  cancel: (kind) => service.cancel(kind),

  loseBackendForTesting() {
    backendLoss.loseForTesting();
  },

  crashForTesting(moment) {
    faults.crash(moment);
  },

  closeForTesting() {
    faults.closeSilently();
  },
};

Comlink.expose(api);
// The page learns from this lock when the worker is gone, even silently (workers/lifeline.ts).
holdLifeline();

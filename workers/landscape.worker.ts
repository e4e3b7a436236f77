/**
 * The landscape worker: a thin comlink entry over `landscape/`. It
 * rebuilds the experiment's network problem (the same seeds give the same
 * data as the training worker's), receives parameter vectors and
 * trajectories from the page, and runs slices, projections, probes and
 * curvature reports with streamed progress. A new job cancels the running
 * job of its kind; `cancel(kind)` stops one on request.
 */
import * as Comlink from 'comlink';
// tfjs-core alone registers no gradient functions; Hessian-vector products need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { BackendReport } from './analytic.worker';
import { BackendLossWatch } from './backendLoss';
import { selectBrowserBackend } from './engine/backends/browser';
import { engineFromQuery, preferNetworkEngine } from './engine/networks/fast/engine';
import type { BackendName } from './engine/backends/select';
import type { CurvatureSettings, SliceSettings } from './engine/spec/landscapeSettings';
import type { NetworkProblem } from './engine/spec/networkProblem';
import { CurvatureJobs, type CurvatureTarget } from './landscape/curvatureJobs';
import type { JobKind } from './landscape/jobRegistry';
import { LandscapeJobs, type Progress } from './landscape/landscapeJobs';
import type {
  CurvatureSummary,
  ExactEstimate,
  NetworkInfo,
  ProbeSummary,
  ProjectedRun,
  SliceChunk,
  SliceSummary,
} from './engine/spec/messages/landscape';
import type { SliceVectors } from './engine/spec/sliceInputs';

/** The worker's API, as the page sees it through comlink. */
export interface LandscapeWorkerApi {
  /** Selects the first working backend (as the analytic worker does); `onBackendLost` fires if the GPU goes away later. */
  init(search: string, exclude: BackendName[], onBackendLost: (reason: string) => void): Promise<BackendReport>;
  /** Builds the network of `problem` (kept while the problem is unchanged). */
  setProblem(problem: NetworkProblem): Promise<NetworkInfo>;
  /** Chooses the directions and evaluates the slice, streaming the field after every chunk. */
  computeSlice(
    settings: SliceSettings,
    vectors: SliceVectors,
    onChunk: (chunk: SliceChunk) => void,
    onDirectionsProgress: Progress,
  ): Promise<SliceSummary>;
  /** Each run's snapshots projected onto the last slice, with the true metric at each. */
  projectRuns(runs: { runId: string; snapshots: Float32Array }[]): Promise<ProjectedRun[]>;
  /** The point (α, β) of the last slice: losses, predictions, λ_max and λ_min. */
  probe(alpha: number, beta: number, onProgress: Progress): Promise<ProbeSummary>;
  /** The predicted seconds of the exact spectra at `target`. */
  estimateExact(target: CurvatureTarget, settings: CurvatureSettings): Promise<ExactEstimate>;
  /** A curvature report at `target` (with every eigenvalue when `exact`). */
  curvature(target: CurvatureTarget, settings: CurvatureSettings, exact: boolean, onProgress: Progress): Promise<CurvatureSummary>;
  /** Cancels the running job of `kind` (its call rejects with an AbortError). */
  cancel(kind: JobKind): void;
  /** Test hook: makes the GPU device or WebGL context go away. */
  loseBackendForTesting(): void;
  /** Test hook: throws an uncaught error, as a worker crash would. */
  crashForTesting(): void;
}

const landscape = new LandscapeJobs();
const curvature = new CurvatureJobs(landscape);
/** Set when the GPU goes away: every later call then fails with the reason instead of hanging. */
const backendLoss = new BackendLossWatch();
const assertUsable = () => backendLoss.assertUsable();

const api: LandscapeWorkerApi = {
  async init(search, exclude, onBackendLost) {
    const { backend, attempts } = await selectBrowserBackend(search, exclude);
    // ?engine=fast|tfjs forces the network engine, as ?backend= forces the backend.
    preferNetworkEngine(engineFromQuery(search));
    backendLoss.watch(backend, onBackendLost);
    return { backend, attempts };
  },

  async setProblem(problem) {
    assertUsable();
    return landscape.setProblem(problem);
  },

  async computeSlice(settings, vectors, onChunk, onDirectionsProgress) {
    assertUsable();
    return landscape.computeSlice(settings, vectors, onChunk, onDirectionsProgress);
  },

  async projectRuns(runs) {
    assertUsable();
    return landscape.projectRuns(runs);
  },

  async probe(alpha, beta, onProgress) {
    assertUsable();
    return landscape.probe(alpha, beta, onProgress);
  },

  async estimateExact(target, settings) {
    assertUsable();
    return curvature.estimateExact(target, settings);
  },

  async curvature(target, settings, exact, onProgress) {
    assertUsable();
    return curvature.compute(target, settings, exact, onProgress);
  },

  cancel(kind) {
    landscape.cancel(kind);
  },

  loseBackendForTesting() {
    backendLoss.loseForTesting();
  },

  crashForTesting() {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    });
  },
};

Comlink.expose(api);

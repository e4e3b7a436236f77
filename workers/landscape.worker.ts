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
// tfjs-core alone registers no gradient functions; Hessian-vector products need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { serveWorker, workerBase, type WorkerBaseApi } from './workerBase';
import { engineFromQuery, preferNetworkEngine } from './engine/networks/fast/engine';
import { LandscapeService, type LandscapeRequests } from './landscape/landscapeRequests';

/** The worker's API, as the page sees it through comlink. */
export interface LandscapeWorkerApi extends LandscapeRequests, WorkerBaseApi {}

// ?engine=fast|tfjs forces the network engine, as ?backend= forces the backend.
const { backendLoss, api: base } = workerBase((search) => preferNetworkEngine(engineFromQuery(search)));
// The service itself is served (comlink calls its methods on it), with the shared part added.
const api: LandscapeWorkerApi = Object.assign(new LandscapeService(() => backendLoss.assertUsable()), base);

serveWorker(api);

/**
 * What every worker answers besides its own work: the choice of backend
 * (watched for the loss of its GPU afterwards) and the test hooks of the
 * page's recovery. Each `*.worker.ts` spreads `workerBase(…).api` into its
 * own API and serves the whole with `serveWorker`.
 */
import * as Comlink from 'comlink';
import { BackendLossWatch } from './backendLoss';
import { holdLifeline } from './lifeline';
import { TestFaults, type CrashMoment } from './testFaults';
import { selectBrowserBackend } from './engine/backends/browser';
import type { BackendAttempt, BackendName } from './engine/backends/select';

/** Which backend the worker runs on and why the ones before it were passed over. */
export interface BackendReport {
  backend: BackendName;
  attempts: BackendAttempt[];
}

/** The part of every worker's API, as the page sees it through comlink, that is the same in each. */
export interface WorkerBaseApi {
  /**
   * Selects the first working backend (see `selectBrowserBackend`: the page's
   * `?backend=` forces one; `exclude` skips backends that failed before; a
   * software-rendered WebGL is passed over).
   * `onBackendLost` is called if the GPU device or context is lost later.
   */
  init(search: string, exclude: BackendName[], onBackendLost: (reason: string) => void): Promise<BackendReport>;
  /** Test hook: makes the GPU device or WebGL context go away, as a driver reset would. */
  loseBackendForTesting(): void;
  /** Test hook: throws an uncaught error, as a worker crash would (at once, or inside the next step). */
  crashForTesting(moment?: CrashMoment): void;
  /** Test hook: the worker stops without a word (`self.close()`). */
  closeForTesting(): void;
}

/** One worker's shared state and the API part built on it. */
export interface WorkerBase {
  /** Set when the GPU goes away: every later call then fails with the reason instead of hanging. */
  backendLoss: BackendLossWatch;
  /** The test hooks' faults (crashes, a silent stop). */
  faults: TestFaults;
  api: WorkerBaseApi;
}

/**
 * The shared part of a worker. `onInit` reads the worker's own settings
 * from the page's query as the backend is chosen (the network workers'
 * `?engine=`; passed in, so that a worker without networks does not bundle
 * their engines).
 */
export function workerBase(onInit: (search: string) => void = () => {}): WorkerBase {
  const backendLoss = new BackendLossWatch();
  const faults = new TestFaults();
  const api: WorkerBaseApi = {
    async init(search, exclude, onBackendLost) {
      const { backend, attempts } = await selectBrowserBackend(search, exclude);
      onInit(search);
      backendLoss.watch(backend, onBackendLost);
      return { backend, attempts };
    },
    loseBackendForTesting: () => backendLoss.loseForTesting(),
    crashForTesting: (moment) => faults.crash(moment),
    closeForTesting: () => faults.closeSilently(),
  };
  return { backendLoss, faults, api };
}

/** Serves `api` to the page, and holds the lock by which the page learns when the worker is gone, even silently (workers/lifeline.ts). */
export function serveWorker(api: object): void {
  Comlink.expose(api);
  holdLifeline();
}

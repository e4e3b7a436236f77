/**
 * Creates the computation workers and wraps them with comlink, and tells
 * the sessions when one dies: an uncaught error, an unreadable message, or
 * a silent stop (the worker's lifeline, workers/lifeline.ts). Vite bundles
 * each worker because it is created with the literal
 * `new Worker(new URL('../workers/….worker.ts', import.meta.url), { type: 'module' })`.
 */
import * as Comlink from 'comlink';
import type { AnalyticWorkerApi } from '../workers/analytic.worker';
import type { TrainingWorkerApi } from '../workers/training.worker';
import type { LandscapeWorkerApi } from '../workers/landscape.worker';
import { lifelineName, type LifelineLocks } from '../workers/engine/spec/messages/lifeline';
// The built URLs of the workers' scripts (the same bundles as below), to find which files are missing offline.
import analyticWorkerScript from '../workers/analytic.worker.ts?worker&url';
import landscapeWorkerScript from '../workers/landscape.worker.ts?worker&url';
import trainingWorkerScript from '../workers/training.worker.ts?worker&url';

/** Where each worker's script is. */
export const WORKER_SCRIPTS = { analytic: analyticWorkerScript, landscape: landscapeWorkerScript, training: trainingWorkerScript } as const;

/**
 * Told when a worker dies: why, and `started` false if it never started
 * (sent nothing): it could not load its script or its imports.
 */
export type CrashListener = (reason: string, started?: boolean) => void;

/** A running worker. */
export interface WorkerConnection<Api> {
  api: Comlink.Remote<Api>;
  /**
   * `call` settles like `call` or rejects as soon as the worker crashes (a
   * crashed worker never answers, so awaiting it alone would hang).
   */
  guard<T>(call: Promise<T>): Promise<T>;
  /** Stops the worker; pending calls reject. */
  terminate(): void;
}

/** Thrown by guarded calls when the worker died. */
export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerCrashedError';
  }
}

/** Why a worker that ended without an error is taken for crashed. */
export const SILENT_STOP_REASON = 'it stopped without a word (the worker closed)';

/**
 * Watches the lifeline a worker names in a message on `endpoint`
 * (workers/lifeline.ts): queues for its lock, which is granted once the
 * worker is gone, and then calls `onGone`. `stop` ends the watch (a worker
 * the page stops itself is not reported).
 */
export function watchLifeline(
  endpoint: Pick<EventTarget, 'addEventListener'>,
  onGone: () => void,
  locks: LifelineLocks | undefined = (globalThis.navigator as { locks?: LifelineLocks } | undefined)?.locks,
): { stop(): void } {
  const watch = new AbortController();
  let watching = false;
  endpoint.addEventListener('message', (event) => {
    const name = lifelineName((event as MessageEvent).data);
    if (name === null || watching || locks === undefined || watch.signal.aborted) return;
    watching = true;
    locks
      .request(name, { signal: watch.signal }, () => {
        if (!watch.signal.aborted) onGone();
      })
      .catch(() => {}); // aborted: the page stopped the worker itself
  });
  return { stop: () => watch.abort() };
}

function connect<Api>(worker: Worker, onCrash: CrashListener): WorkerConnection<Api> {
  let rejectAll: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    rejectAll = reject;
  });
  crashed.catch(() => {}); // observed through guard(); never an unhandled rejection
  let ended = false;
  // The first message (its lifeline's, or an answer) says the worker loaded.
  let started = false;
  worker.addEventListener('message', () => (started = true), { once: true });
  const fail = (reason: string) => {
    rejectAll(new WorkerCrashedError(reason));
    if (ended) return;
    ended = true;
    lifeline.stop();
    onCrash(reason, started);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(event.message || 'the worker stopped with an error');
  });
  worker.addEventListener('messageerror', () => fail('a message from the worker could not be read'));
  // A worker that closes itself fires no event: its lifeline says it is gone.
  const lifeline = watchLifeline(worker, () => fail(SILENT_STOP_REASON));
  const api = Comlink.wrap<Api>(worker);
  return {
    api,
    guard: (call) => Promise.race([call, crashed]),
    terminate: () => {
      ended = true;
      lifeline.stop();
      rejectAll(new WorkerCrashedError('the worker was stopped'));
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Starts the analytic-function worker; `onCrash` is called if it dies (uncaught error). */
export function startAnalyticWorker(onCrash: CrashListener): WorkerConnection<AnalyticWorkerApi> {
  const worker = new Worker(new URL('../workers/analytic.worker.ts', import.meta.url), { type: 'module' });
  return connect<AnalyticWorkerApi>(worker, onCrash);
}

/** Starts the landscape worker (network slices, probes and curvature); `onCrash` is called if it dies. */
export function startLandscapeWorker(onCrash: CrashListener): WorkerConnection<LandscapeWorkerApi> {
  const worker = new Worker(new URL('../workers/landscape.worker.ts', import.meta.url), { type: 'module' });
  return connect<LandscapeWorkerApi>(worker, onCrash);
}

/** Starts the training worker (network experiments trained live); `onCrash` is called if it dies. */
export function startTrainingWorker(onCrash: CrashListener): WorkerConnection<TrainingWorkerApi> {
  const worker = new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module' });
  return connect<TrainingWorkerApi>(worker, onCrash);
}

/** One end of the parameter channel: a worker that takes its port (null: the end is gone). */
export type ChannelEnd = (port: MessagePort) => void;

/**
 * The MessageChannel between the training worker and the landscape worker,
 * over which the landscape worker asks for the runs' parameters and
 * trajectories directly: the vectors never cross the page. The page makes
 * the channel and transfers one port to each worker; whenever either worker
 * is started or replaced, a new channel is made (the landscape worker's
 * requests waiting on the old one then fail with the reason). While there is
 * no training worker the landscape worker is told so, and its requests fail
 * with a clear message.
 */
export class ParameterChannel {
  private training: ChannelEnd | null = null;
  private landscape: ((port: MessagePort | null) => void) | null = null;
  private channels = 0;

  /** Channels made so far (one per pairing of the two workers). */
  get made(): number {
    return this.channels;
  }

  /** The training worker now serving parameters (null: none, e.g. it stopped). */
  setTraining(end: ChannelEnd | null): void {
    if (end === this.training) return;
    this.training = end;
    this.remake();
  }

  /** The landscape worker now asking for them (null: none). */
  setLandscape(end: ((port: MessagePort | null) => void) | null): void {
    if (end === this.landscape) return;
    this.landscape = end;
    this.remake();
  }

  private remake(): void {
    if (this.landscape === null) return;
    if (this.training === null) {
      this.landscape(null);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    this.channels++;
    this.training(port1);
    this.landscape(port2);
  }
}

/**
 * What every session (analytic, training, landscape) does with its worker:
 * starts it and has it choose a backend; replaces it when it crashes or
 * loses its GPU backend (the subclass's `restart`, which then avoids the
 * GPU); and, when the offline copy cannot start it, waits for the network
 * instead (`OfflineStart`), since a restart would only fail again. A failure
 * of a worker already replaced concerns nobody.
 */
import * as Comlink from 'comlink';
import type { BackendName } from '../../workers/engine/backends/select';
import type { BackendReport } from '../../workers/analytic.worker';
import type { CrashListener, WorkerConnection } from '../workerClient';
import { WorkerFaults, type FaultHooks } from '../workerFaults';
import type { OfflineStart } from './offlineStart';

/** Backends skipped after a crash or a lost device: the GPU ones. */
const GPU_BACKENDS: BackendName[] = ['webgpu', 'webgl'];

/**
 * More restarts than this in a row means something is broken beyond a
 * flaky driver (the training counts only those none of whose workers
 * completed a step).
 */
export const MAX_RESTARTS = 3;

/** The text of a thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What every worker's API starts with: choosing a backend (avoiding `exclude`), and a call for when it is lost. */
export interface BackendInit extends FaultHooks {
  init(search: string, exclude: BackendName[], onBackendLost: (reason: string) => void): Promise<BackendReport>;
}

/** A session's worker, started and recovered as the module comment says. */
export abstract class WorkerSession<Api extends BackendInit> {
  protected connection: WorkerConnection<Api> | null = null;
  /** Test hooks: make the current worker crash, stop without a word, or lose its GPU. */
  readonly faults = new WorkerFaults(() => this.connection);
  /** Whether the current worker has a backend. */
  protected ready: Promise<boolean> = Promise.resolve(false);
  /** Backends the next worker must not use (the GPU ones after a restart). */
  protected exclude: BackendName[] = [];
  protected restarts = 0;

  /**
   * @param name names the worker in a crash's reason ("the landscape worker")
   * @param search the page's query, where the backend options are
   * @param offline waits for the network when the worker cannot start offline (null: a crash always restarts)
   * @param phase names the start-up marks `explorer:PHASE-worker-start` and `explorer:PHASE-ready` (the Performance panel, the end-to-end log)
   */
  constructor(
    private readonly name: string,
    protected readonly search: string,
    private readonly startWorker: (onCrash: CrashListener) => WorkerConnection<Api>,
    protected readonly offline: OfflineStart | null,
    private readonly phase: string,
  ) {}

  /** Replaces the worker `from` (when given, it must still be the current one), saying why. */
  protected abstract restart(reason: string, from?: WorkerConnection<Api>): void;

  /** Shows why the worker has no backend. */
  protected abstract showError(message: string): void;

  /** `connection` could not start offline: it is stopped until the network is back. */
  protected waitForNetwork(_connection: WorkerConnection<Api>): void {}

  /**
   * Stops and forgets the worker `from` (when given, it must still be the
   * current one) so that another can replace it, and counts the restart.
   * @returns false when there is no such worker (a replaced one's failure concerns nobody)
   */
  protected dropForRestart(from?: WorkerConnection<Api>): boolean {
    const old = this.connection;
    if (old === null || (from !== undefined && from !== old)) return false;
    this.connection = null;
    old.terminate();
    this.restarts++;
    return true;
  }

  /** Whether there were more than {@link MAX_RESTARTS} restarts in a row: the session gives up and says so. */
  protected get givingUp(): boolean {
    return this.restarts > MAX_RESTARTS;
  }

  /** The next workers avoid the GPU backends. */
  protected avoidGpu(): void {
    this.exclude = [...new Set([...this.exclude, ...GPU_BACKENDS])];
  }

  /** Takes `connection` as the current worker, before its backend is chosen. */
  protected adopt(connection: WorkerConnection<Api>): void {
    this.connection = connection;
  }

  /**
   * Starts a new worker (see the module comment) and sets `ready`.
   * @param onReady given the backend the worker chose
   */
  protected startConnection(onReady: (report: BackendReport) => void = () => {}): WorkerConnection<Api> {
    performance.mark(`explorer:${this.phase}-worker-start`);
    const connection: WorkerConnection<Api> = this.startWorker((reason, started) => {
      // A worker that could not load offline would only fail again: wait for the network instead.
      if (this.offline?.explains({ started })) this.waitForNetwork(connection);
      else this.restart(`${this.name} crashed: ${reason}`, connection);
    });
    this.adopt(connection);
    const onLost = Comlink.proxy((reason: string) => this.restart(`the GPU backend was lost: ${reason}`, connection));
    this.ready = connection
      .guard(connection.api.init(this.search, this.exclude, onLost))
      .then((report) => {
        performance.mark(`explorer:${this.phase}-ready`);
        onReady(report);
        return true;
      })
      .catch((error) => {
        if (this.connection !== connection) return false;
        // No backend because their modules or binaries are not in the offline copy: wait for the network.
        if (this.offline?.explains({ error })) this.waitForNetwork(connection);
        else this.showError(errorMessage(error));
        return false;
      });
    return connection;
  }
}

/**
 * A session's worker that cannot start because the app is offline and its
 * offline copy lacks files (the worker's script, a chunk it imports, a
 * backend's module or binary). Restarting such a worker only fails again,
 * so instead the session waits for the network: it says once which files
 * are missing, and starts the worker again when the network is back.
 */
import type { NetworkWatch } from '../offline/missingFiles';
import { offlineMessage } from '../offline/missingFiles';

/** Whether `error` says that no computation backend could be started (each one's module or binary failing to load, for one). */
export function isNoBackendError(error: unknown): boolean {
  return error instanceof Error && /No TensorFlow\.js backend works here/.test(error.message);
}

/** The waiting state of one session (see the module comment). */
export class OfflineStart {
  private stopWaiting: (() => void) | null = null;
  private reason: string | null = null;

  /**
   * @param network the network's state and the worker's missing files
   * @param what what cannot start, for the message ("the training")
   */
  constructor(
    private readonly network: NetworkWatch,
    private readonly what: string,
  ) {}

  /** The message while waiting for the network (null when not waiting). */
  get blocked(): string | null {
    return this.reason;
  }

  /** Whether a worker's failure is the network's: it never started, or started without a backend, while the app is offline. */
  explains(failure: { started?: boolean } | { error: unknown }): boolean {
    const atStart = 'error' in failure ? isNoBackendError(failure.error) : failure.started === false;
    return atStart && this.network.isOffline();
  }

  /**
   * Waits for the network: `report` gets the message with the missing files
   * (at once, then with the files once they are known), `resume` is called
   * when the network is back. Waiting already, it does nothing.
   */
  wait(report: (message: string) => void, resume: () => void): void {
    if (this.reason !== null) return;
    this.reason = offlineMessage(this.what, []);
    report(this.reason);
    this.stopWaiting = this.network.onceOnline(() => {
      this.reason = null;
      this.stopWaiting = null;
      resume();
    });
    void this.network.missingFiles().then(
      (missing) => {
        if (this.reason === null) return;
        this.reason = offlineMessage(this.what, missing);
        report(this.reason);
      },
      () => {},
    );
  }

  /** Stops waiting (the session is disposed). */
  dispose(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
    this.reason = null;
  }
}

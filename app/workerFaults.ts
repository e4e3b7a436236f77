/**
 * The test hooks of a session: they make its current worker fail in each
 * way the session recovers from (a crash, a silent stop, a lost GPU), so the
 * end-to-end tests can check the recovery (see `testHandle.ts`).
 */
import type { CrashMoment } from '../workers/testFaults';
import type { WorkerConnection } from './workerClient';

/** The hooks every worker answers (workers/*.worker.ts, over workers/testFaults.ts). */
export interface FaultHooks {
  crashForTesting(moment?: CrashMoment): void;
  closeForTesting(): void;
  loseBackendForTesting(): void;
}

/** Faults for whichever worker `current` names at the time (none: nothing happens). */
export class WorkerFaults {
  constructor(private readonly current: () => WorkerConnection<FaultHooks> | null) {}

  /** Makes the worker crash (at once, or inside its next step). */
  crash(moment?: CrashMoment): void {
    void this.current()?.api.crashForTesting(moment);
  }

  /** Makes the worker stop without a word. */
  silentStop(): void {
    void this.current()?.api.closeForTesting();
  }

  /** Makes the worker's GPU device (or context) disappear. */
  loseBackend(): void {
    void this.current()?.api.loseBackendForTesting();
  }
}

/**
 * The landscape worker's end of its channel to the training worker: the
 * runs' parameters and trajectories are asked for there directly (the page
 * makes the channel and hands each worker one port), so the vectors never
 * pass through the page. The page re-makes the channel whenever either
 * worker is replaced; a request in flight on the old one then fails with
 * the reason instead of waiting for an answer that will never come.
 */
import type { ParamsWhich } from '../engine/spec/messages/training';
import type { ParameterServer } from '../engine/spec/messages/parameters';

/** Thrown by requests made while no training worker is linked. */
const NO_TRAINING = 'no training runs to take parameters from yet: train first';

/** The training worker as the landscape worker reaches it (see the module comment). */
export class TrainingLink {
  private server: ParameterServer | null = null;
  private release: () => void = () => {};
  private abandon: (error: Error) => void = () => {};
  private abandoned: Promise<never> = new Promise<never>(() => {});

  /**
   * Asks `server` from now on (null: there is no training worker); requests
   * in flight on the previous one fail. `release` closes the new server's
   * port when it is replaced in turn.
   */
  connect(server: ParameterServer | null, release: () => void = () => {}): void {
    if (this.server !== null) {
      this.abandon(new Error(server === null ? 'the training worker stopped before it answered' : 'the training worker was replaced before it answered'));
      this.release();
    }
    this.server = server;
    this.release = release;
    this.abandoned = new Promise<never>((_, reject) => {
      this.abandon = reject;
    });
    this.abandoned.catch(() => {}); // observed through the requests' races, never unhandled
  }

  /** Run `runId`'s parameters: θ₀, its latest, or those after step `which`. */
  params(runId: string, which: ParamsWhich): Promise<Float32Array> {
    return this.ask((server) => server.getParams(runId, which));
  }

  /** Run `runId`'s kept snapshots, T × P row-major (θ₀ first, the latest last). */
  trajectory(runId: string): Promise<Float32Array> {
    return this.ask((server) => server.getTrajectory(runId));
  }

  /** Closes the port (the worker is being shut down). */
  dispose(): void {
    this.connect(null);
    this.release();
  }

  private async ask<T>(request: (server: ParameterServer) => Promise<T>): Promise<T> {
    if (this.server === null) throw new Error(NO_TRAINING);
    return Promise.race([request(this.server), this.abandoned]);
  }
}

/**
 * What the training worker answers the landscape worker over the
 * MessageChannel the page makes between them (one port each): a run's
 * parameters and its kept trajectory, as flat float32 vectors in the
 * parameter order of `networks/` (transferred, never through the page).
 */
import type { ParamsWhich } from './training';

/** The training worker's side of the channel, as the landscape worker calls it. */
export interface ParameterServer {
  /** Run `runId`'s parameters θ (P values): θ₀ (shared by every run), its latest, or those after step `which`. */
  getParams(runId: string, which: ParamsWhich): Promise<Float32Array>;
  /** Run `runId`'s kept snapshots θ_{t_0}, …, θ_{t_{T−1}}, T × P row-major (θ₀ first, the latest last). */
  getTrajectory(runId: string): Promise<Float32Array>;
  /** The steps t_k of `getTrajectory`'s snapshots. */
  getTrajectorySteps(runId: string): Promise<Int32Array>;
}

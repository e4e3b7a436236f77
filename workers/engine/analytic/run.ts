/**
 * Optimizer runs on the analytic functions: a whole trajectory at once, or
 * (re-exported from runs.ts) several runs stepped together for streaming.
 */
import type { RuleConfig } from '../optimizers/optimizers';
import type { AnalyticProblem } from '../spec/functions';
import { AnalyticRuns, MAX_STEPS_PER_CALL } from './runs';

export { AnalyticRuns, DIVERGENCE_BOUND, MAX_STEPS_PER_CALL } from './runs';
export type { RunProgress, StartState, StepBatch } from './runs';

/** A finished run: the points visited and f at each. */
export interface AnalyticTrajectory {
  /**
   * (m + 1) × 2 interleaved: the start, then the point after each accepted
   * update (m = steps, or divergedAt − 1 if the run diverged).
   */
  path: Float64Array;
  /** f at each point of `path` (m + 1 entries). */
  losses: Float64Array;
  /**
   * The first step t (from 1) whose new point was not finite or had a
   * coordinate beyond ±DIVERGENCE_BOUND, or whose loss was not finite; that
   * point is not in `path`. 0 if f is not finite at the start; null if all
   * `steps` updates were usable.
   */
  divergedAt: number | null;
}

/**
 * Runs `config` for `steps` updates on `problem` from `start`, exactly as the
 * fixtures' trajectories are defined: path[0] = start, path[t] = θ after update t.
 */
export async function analyticTrajectory(
  problem: AnalyticProblem,
  config: RuleConfig,
  start: [number, number],
  steps: number,
): Promise<AnalyticTrajectory> {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`steps must be an integer ≥ 0, got ${steps}`);
  }
  const runs = new AnalyticRuns(problem, [config], start);
  const initial = await runs.initial();
  const path: number[] = [start[0], start[1]];
  const losses: number[] = [initial.loss];
  // Every run stops at step 0 when f is not finite at the start.
  let divergedAt: number | null = runs.live === 0 ? 0 : null;
  for (let done = 0; done < steps && divergedAt === null; done += MAX_STEPS_PER_CALL) {
    const [run] = (await runs.step(Math.min(MAX_STEPS_PER_CALL, steps - done))).runs;
    path.push(...run.points);
    losses.push(...run.losses);
    divergedAt = run.divergedAt;
  }
  return { path: Float64Array.from(path), losses: Float64Array.from(losses), divergedAt };
}

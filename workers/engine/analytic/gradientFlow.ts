/**
 * Gradient flow, the continuous-time limit of gradient descent:
 *
 *   dθ/dt = −∇f(θ),   θ(0) = θ₀.
 *
 * Gradient descent with rate η is the explicit Euler method on it with step
 * η, so its k-th iterate approximates θ(kη) with an error of order η (while
 * ηλ stays small for the curvatures λ it meets). The flow is integrated here
 * by an adaptive Dormand–Prince method in float64 (math/ode) on the closed-
 * form gradients, and sampled at t_k = kη, so that step k of a descent run
 * and point k of its flow can be compared side by side.
 */
import { integrateAutonomous } from '../math/ode/dormandPrince';
import type { AnalyticProblem } from '../spec/functions';
import { derivatives64 } from './closedForms64';
import { value64 } from './preview';
import { DIVERGENCE_BOUND } from './runs';

/** The flow sampled at t_k = k·η, k = 0 … m. */
export interface GradientFlowPath {
  /** (x_k, y_k) for k = 0 … m, interleaved (length 2(m + 1)). */
  path: Float64Array;
  /** f(x_k, y_k). */
  losses: Float64Array;
  /** t_k = k·η. */
  times: Float64Array;
  /**
   * Why the path ends before step `steps`: it left |x|, |y| ≤ DIVERGENCE_BOUND
   * (a flow down an unbounded valley, e.g. away from a saddle), or the
   * integrator gave up (a stiff flow); null when it reached every sample.
   */
  stopped: 'left-window' | 'integrator' | null;
}

/** Options of {@link gradientFlowPath}. */
export interface GradientFlowOptions {
  /** Relative tolerance of the integrator (default 1e-9). */
  rtol?: number;
}

/**
 * The gradient flow of `problem` from `start`, sampled every `timeStep`
 * (a run's learning rate η) for `steps` samples after the start.
 */
export function gradientFlowPath(
  problem: AnalyticProblem,
  start: readonly [number, number],
  timeStep: number,
  steps: number,
  options: GradientFlowOptions = {},
): GradientFlowPath {
  if (!(timeStep > 0 && Number.isFinite(timeStep))) throw new RangeError(`gradientFlowPath: the time step must be > 0, got ${timeStep}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`gradientFlowPath: steps must be an integer ≥ 0, got ${steps}`);
  const outputs = Float64Array.from({ length: steps + 1 }, (_, k) => k * timeStep);
  const rtol = options.rtol ?? 1e-9;
  let left = false;
  const solution = integrateAutonomous(
    (theta, out) => {
      const { grad } = derivatives64(problem, theta[0], theta[1]);
      out[0] = -grad[0];
      out[1] = -grad[1];
    },
    start,
    outputs,
    {
      rtol,
      atol: rtol * 1e-3,
      stopAt: (_t, theta) => (left = Math.max(Math.abs(theta[0]), Math.abs(theta[1])) > DIVERGENCE_BOUND),
    },
  );
  const count = solution.times.length - (left ? 1 : 0);
  const path = solution.states.slice(0, 2 * count);
  const losses = Float64Array.from({ length: count }, (_, k) => value64(problem, path[2 * k], path[2 * k + 1]));
  const stopped = left ? 'left-window' : solution.stopped === null ? null : 'integrator';
  return { path, losses, times: solution.times.slice(0, count), stopped };
}

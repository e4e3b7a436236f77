/**
 * Adaptive explicit Runge–Kutta integration of an autonomous system
 * y' = F(y), y ∈ ℝⁿ, by the Dormand–Prince 5(4) pair (Dormand & Prince 1980,
 * "A family of embedded Runge–Kutta formulae"; the method of MATLAB's ode45):
 * seven stages (the last reused as the next step's first, "FSAL"), a fifth-
 * order solution propagated and a fourth-order one whose difference
 * estimates the local error. A step of size h is accepted when
 *
 *   err = sqrt( (1/n) Σ_i (e_i / (atol + rtol · max(|y_i|, |y_new,i|)))² ) ≤ 1,
 *
 * and the next step is h · min(5, max(0.2, 0.9 · err^(−1/5))).
 *
 * The solution is reported at requested output times exactly: a step never
 * overshoots the next output time (it is shortened to land on it), which
 * costs a few extra steps but needs no interpolation.
 */

/** The right-hand side F(y); writes F(y) into `out` (length n). */
export type VectorField = (y: Float64Array, out: Float64Array) => void;

/** Options of {@link integrateAutonomous}. */
export interface OdeOptions {
  /** Relative tolerance (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance (default 1e-10). */
  atol?: number;
  /** Most accepted plus rejected steps in all (default 100 000): a stiff or blowing-up system stops here. */
  maxSteps?: number;
  /** First step size (default chosen from ‖F(y₀)‖). */
  initialStep?: number;
  /** Called after each output time with its state; returning true stops the integration there. */
  stopAt?: (t: number, y: Float64Array) => boolean;
}

/** What {@link integrateAutonomous} computed. */
export interface OdeSolution {
  /** The output times reached, t₀ first. */
  times: Float64Array;
  /** The state at each reached output time, row-major (times.length × n). */
  states: Float64Array;
  /** Accepted and rejected steps. */
  accepted: number;
  rejected: number;
  /** Why it ended before the last output time, or null if it reached it. */
  stopped: 'stopAt' | 'maxSteps' | 'notFinite' | null;
}

// Dormand–Prince 5(4) coefficients (Butcher tableau). The system is
// autonomous, so the stage times c_i are not needed; the fifth-order weights
// equal the last row of A, so the seventh stage's point is the new solution.
const A: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
/** Fifth minus fourth-order weights: the error estimate's. */
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

/**
 * Integrates y' = F(y) from y(t₀) = `y0` through the increasing output times
 * `outputs` (the first must be t₀), returning the state at each one reached.
 * Throws a RangeError for bad arguments.
 */
export function integrateAutonomous(field: VectorField, y0: ArrayLike<number>, outputs: ArrayLike<number>, options: OdeOptions = {}): OdeSolution {
  const n = y0.length;
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-10;
  const maxSteps = options.maxSteps ?? 100_000;
  if (n < 1) throw new RangeError('integrateAutonomous: the state needs at least one component');
  if (outputs.length < 1) throw new RangeError('integrateAutonomous: give at least the start time');
  for (let k = 1; k < outputs.length; k++) {
    if (!(outputs[k] > outputs[k - 1])) throw new RangeError('integrateAutonomous: output times must increase');
  }
  if (!(rtol > 0 && atol > 0)) throw new RangeError('integrateAutonomous: tolerances must be positive');

  const y = Float64Array.from(y0);
  const k = Array.from({ length: 7 }, () => new Float64Array(n));
  const stage = new Float64Array(n);
  const next = new Float64Array(n);
  const times: number[] = [outputs[0]];
  const states: number[] = Array.from(y);
  field(y, k[0]);
  let t = outputs[0];
  let h = options.initialStep ?? initialStep(y, k[0], rtol, atol);
  let accepted = 0;
  let rejected = 0;
  let stopped: OdeSolution['stopped'] = null;
  if (options.stopAt?.(t, y)) return result('stopAt');

  for (let out = 1; out < outputs.length; out++) {
    const target = outputs[out];
    while (t < target) {
      if (accepted + rejected >= maxSteps) return result('maxSteps');
      const step = Math.min(h, target - t);
      // Stages 2..7 from stage 1 (k[0]).
      for (let s = 1; s < 7; s++) {
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let j = 0; j < s; j++) sum += A[s][j] * k[j][i];
          stage[i] = y[i] + step * sum;
        }
        if (s === 6) next.set(stage);
        field(stage, k[s]);
      }
      let squares = 0;
      for (let i = 0; i < n; i++) {
        let e = 0;
        for (let j = 0; j < 7; j++) e += E[j] * k[j][i];
        const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next[i]));
        squares += ((step * e) / scale) ** 2;
      }
      const err = Math.sqrt(squares / n);
      if (!Number.isFinite(err)) {
        if (step < 1e-14 * Math.max(1, Math.abs(t))) return result('notFinite');
        rejected++;
        h = step * 0.2;
        continue;
      }
      const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
      if (err <= 1) {
        accepted++;
        t = step === target - t ? target : t + step;
        y.set(next);
        k[0].set(k[6]);
        // A shortened last step says nothing about the step size the system allows.
        if (step === h || factor < 1) h = step * factor;
      } else {
        rejected++;
        h = step * factor;
      }
    }
    times.push(t);
    states.push(...y);
    if (options.stopAt?.(t, y)) return result('stopAt');
  }
  return result(stopped);

  function result(why: OdeSolution['stopped']): OdeSolution {
    stopped = why;
    return { times: Float64Array.from(times), states: Float64Array.from(states), accepted, rejected, stopped };
  }
}

/** A first step of about 1% of the time y needs to change by its own size at speed ‖F(y₀)‖ (Hairer et al., simplified). */
function initialStep(y: Float64Array, f: Float64Array, rtol: number, atol: number): number {
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < y.length; i++) {
    const scale = atol + rtol * Math.abs(y[i]);
    d0 += (y[i] / scale) ** 2;
    d1 += (f[i] / scale) ** 2;
  }
  d0 = Math.sqrt(d0 / y.length);
  d1 = Math.sqrt(d1 / y.length);
  return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
}

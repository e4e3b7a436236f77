/**
 * Several optimizers walking the same analytic function from the same
 * start, stepped together so that every step costs ONE batched
 * derivativesAt call for all runs still going. A run whose point or loss
 * stops being a usable number stops and says at which step; the others go on.
 */
import { createOptimizer, optimizerNeedsHessian, type Optimizer, type RuleConfig } from '../optimizers/optimizers';
import { runLabels } from '../spec/runLabels';
import { divergenceMessage } from '../spec/divergenceMessage';
import { derivativesAt, type PointDerivatives } from './evaluate';
import { validateProblem, type AnalyticProblem } from '../spec/functions';

/** A coordinate beyond this magnitude counts as divergence (float32 would soon overflow). */
export const DIVERGENCE_BOUND = 1e6;

/** Most steps one `step` call may take, so a worker stays responsive to cancellation. */
export const MAX_STEPS_PER_CALL = 100_000;

/** Points of a run's path with f and ‖∇f‖ at each (which points: where the type is used). */
export interface PathSeries {
  /** The points, interleaved (x, y); m points. */
  points: Float64Array;
  /** f at each of those points (m entries). */
  losses: Float64Array;
  /** ‖∇f‖ at each of those points (m entries). */
  gradNorms: Float64Array;
}

/** The names of the {@link PathSeries} series. */
export const PATH_SERIES: readonly (keyof PathSeries)[] = ['points', 'losses', 'gradNorms'];

/** Where a run stands after its latest update. */
export interface RunStanding {
  /** Updates completed so far, all calls together. */
  stepCount: number;
  /** The step whose result was unusable, or null while the run goes on. */
  divergedAt: number | null;
  /** Why the run stopped, naming the optimizer and the step; null while it goes on. */
  divergence: string | null;
}

/** What one run did during one `step` call: `points` are the point after each update made in this call. */
export interface RunProgress extends PathSeries, RunStanding {
  /** Position of the run in the constructor's `configs`. */
  index: number;
  /** Step number t (from 1) of the first entry of `points`. */
  firstStep: number;
}

/** The outcome of one `step` call for every run. */
export interface StepBatch {
  runs: RunProgress[];
  /** How many runs are still going. */
  live: number;
}

/** f and ∇f at the common start. */
export interface StartState {
  loss: number;
  grad: [number, number];
  gradNorm: number;
}

interface RunState {
  optimizer: Optimizer;
  /** The run's label, as its card shows it ("Adam 2"). */
  label: string;
  point: Float64Array;
  grad: Float64Array;
  hessian: Float64Array;
  divergedAt: number | null;
  divergence: string | null;
}

const isUsable = (values: ArrayLike<number>) => Array.prototype.every.call(values, Number.isFinite);

/**
 * Runs `configs` on `problem` from `start`. Derivatives come from
 * derivativesAt in float32; the optimizers' state and the points are float64.
 */
export class AnalyticRuns {
  readonly problem: AnalyticProblem;
  readonly start: [number, number];
  private readonly runs: RunState[];
  private startState: StartState | null = null;
  private busy = false;

  /** Validates the problem and the start (the configs come checked, see `resolveOptimizer`); throws a clear error otherwise. */
  constructor(problem: AnalyticProblem, configs: readonly RuleConfig[], start: [number, number]) {
    validateProblem(problem);
    if (!start.every((c) => Number.isFinite(c) && Math.abs(c) <= DIVERGENCE_BOUND)) {
      throw new RangeError(
        `Start must be two finite numbers of magnitude ≤ ${DIVERGENCE_BOUND}, got (${start.join(', ')})`,
      );
    }
    this.problem = problem;
    this.start = [start[0], start[1]];
    const labels = runLabels(configs, 'analytic');
    this.runs = configs.map((config, index) => ({
      optimizer: createOptimizer(config, 2),
      label: labels[index],
      point: Float64Array.from(start),
      grad: new Float64Array(2),
      hessian: new Float64Array(4),
      divergedAt: null,
      divergence: null,
    }));
  }

  /** The number of runs. */
  get size(): number {
    return this.runs.length;
  }

  /** How many runs have not diverged. */
  get live(): number {
    return this.runs.filter((run) => run.divergedAt === null).length;
  }

  /** f and ∇f at the start (computed once); runs cannot start if f is not finite there. */
  async initial(): Promise<StartState> {
    if (this.startState === null) {
      const [at] = await derivativesAt(this.problem, Float64Array.from(this.start));
      this.startState = { loss: at.loss, grad: at.grad, gradNorm: Math.hypot(at.grad[0], at.grad[1]) };
      for (const run of this.runs) {
        if (!isUsable([at.loss, ...at.grad, ...at.hessian])) {
          this.stop(run, 0, `f or its derivatives are not finite at the start (${this.start.join(', ')})`);
        }
        run.grad.set(at.grad);
        run.hessian.set(at.hessian);
      }
    }
    return this.startState;
  }

  /**
   * Applies up to `count` updates to every live run, one batched derivative
   * evaluation per update, and reports the new points. Throws if `count` is
   * not an integer in [1, MAX_STEPS_PER_CALL] or if another call is running.
   */
  async step(count = 1): Promise<StepBatch> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_STEPS_PER_CALL) {
      throw new RangeError(`step count must be an integer in [1, ${MAX_STEPS_PER_CALL}], got ${count}`);
    }
    if (this.busy) throw new Error('AnalyticRuns.step is already running; await it before stepping again');
    this.busy = true;
    try {
      return await this.stepUnguarded(count);
    } finally {
      this.busy = false;
    }
  }

  private async stepUnguarded(count: number): Promise<StepBatch> {
    await this.initial();
    const recorded = this.runs.map((run) => ({
      firstStep: run.optimizer.stepCount + 1,
      points: [] as number[],
      losses: [] as number[],
      gradNorms: [] as number[],
    }));
    for (let s = 0; s < count && this.live > 0; s++) {
      const moved = this.updateLiveRuns();
      if (moved.length === 0) break;
      const points = new Float64Array(2 * moved.length);
      moved.forEach((i, k) => points.set(this.runs[i].point, 2 * k));
      const derivatives = await derivativesAt(this.problem, points);
      moved.forEach((i, k) => this.accept(i, derivatives[k], recorded[i]));
    }
    return {
      runs: this.runs.map((run, index) => ({
        index,
        firstStep: recorded[index].firstStep,
        points: Float64Array.from(recorded[index].points),
        losses: Float64Array.from(recorded[index].losses),
        gradNorms: Float64Array.from(recorded[index].gradNorms),
        // A diverged run's last update was rejected: it completed the steps before it.
        stepCount: run.divergedAt === null ? run.optimizer.stepCount : Math.max(0, run.divergedAt - 1),
        divergedAt: run.divergedAt,
        divergence: run.divergence,
      })),
      live: this.live,
    };
  }

  /** One update of every live run; returns the indices whose new point is usable. */
  private updateLiveRuns(): number[] {
    const moved: number[] = [];
    this.runs.forEach((run, i) => {
      if (run.divergedAt !== null) return;
      const needsHessian = optimizerNeedsHessian(run.optimizer.config.name);
      run.optimizer.step(run.point, run.grad, needsHessian ? run.hessian : undefined);
      const t = run.optimizer.stepCount;
      const [x, y] = run.point;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        this.stop(run, t, `the point became (${x}, ${y})`);
      } else if (Math.max(Math.abs(x), Math.abs(y)) > DIVERGENCE_BOUND) {
        const where = `(${x.toPrecision(4)}, ${y.toPrecision(4)})`;
        this.stop(run, t, `the point ${where} left |x|, |y| ≤ ${DIVERGENCE_BOUND}`);
      } else {
        moved.push(i);
      }
    });
    return moved;
  }

  /** Records the derivatives at run i's new point, or stops the run if they are unusable. */
  private accept(
    i: number,
    at: PointDerivatives,
    record: { points: number[]; losses: number[]; gradNorms: number[] },
  ): void {
    const run = this.runs[i];
    const t = run.optimizer.stepCount;
    if (!Number.isFinite(at.loss)) {
      this.stop(run, t, `the loss became ${at.loss} at (${run.point[0]}, ${run.point[1]})`);
      return;
    }
    const needsHessian = optimizerNeedsHessian(run.optimizer.config.name);
    if (!isUsable(at.grad) || (needsHessian && !isUsable(at.hessian))) {
      this.stop(run, t, `the derivatives overflowed at (${run.point[0]}, ${run.point[1]})`);
      return;
    }
    run.grad.set(at.grad);
    run.hessian.set(at.hessian);
    record.points.push(run.point[0], run.point[1]);
    record.losses.push(at.loss);
    record.gradNorms.push(Math.hypot(at.grad[0], at.grad[1]));
  }

  private stop(run: RunState, step: number, reason: string): void {
    run.divergedAt = step;
    // The update of `step` was rejected: the run completed the steps before it.
    run.divergence = divergenceMessage(run.label, step, Math.max(0, step - 1), reason);
  }
}

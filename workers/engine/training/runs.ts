/**
 * Live training of one network by several runs that start from THE SAME
 * initialisation θ₀, each with its own optimizer and batch size, stepped
 * together so that they can be compared step for step.
 *
 * Step t of a run (t from 1):
 *   1. its minibatch: all rows (batch size 0, or ≥ N), else the next batch
 *      of `minibatchOrder(N, batchSize, seed, epoch)`, epoch after epoch;
 *   2. the loss L_t and gradient at θ_{t−1} on that batch: with dropout
 *      masks from the run's own stream Rng.derive(seed, 'dropout:' + id) for
 *      first-order optimizers, without dropout for curvature-based ones
 *      (their models and acceptance tests need one deterministic function);
 *   3. the optimizer's update θ_{t−1} → θ_t (float64 master copy; the float32
 *      parameters the objectives see are its rounding);
 *   4. every `evalEvery` steps: the full training loss and accuracy and the
 *      test loss and accuracy at θ_t, for all runs in one batched pass; every
 *      `sharpness.every` steps: λ_max and λ_min of the full-batch Hessian;
 *      every `snapshotEvery` steps: a trajectory snapshot.
 * A run whose loss, gradient or parameters stop being finite stops at that
 * step, with a message naming it; the others go on. Same network, configs
 * and seed give bit-identical numbers on one backend.
 */
import { minibatchOrder } from '../data/minibatch';
import { subsetRows } from '../data/subset';
import type { BuiltNetwork } from '../networks/build';
import { RegularizedObjective } from '../networks/regularizedObjective';
import { Rng } from '../math/rng';
import { dropoutMasks } from './dropout';
import { evaluateAt, type EvaluationRecord } from './evaluation';
import { createNetworkOptimizer } from '../optimizers/networkOptimizer';
import { methodOf } from '../spec/optimizers/registry';
import { NETWORK_TRAINING_LIMITS } from '../spec/limits';
import type { TrainingOptions, TrainingRunConfig } from '../spec/networkRuns';
import type { NetworkOptimizer, StepObjective, StepReport } from '../optimizers/optimizerTypes';
import { lossGrewTooMuch, lossGrowthReason } from './divergence';
import { NonFiniteCurvatureError, SharpnessTracker, type SharpnessRecord } from './sharpness';
import { createTrainingGradient } from '../networks/fast/engine';
import type { MinibatchGradient } from './trainingGradient';
import { ParameterTrajectory, type TrajectorySnapshots } from './trajectory';

/** What one run did during one `step` call. */
export interface RunStepResult {
  /** Position in the constructor's run list. */
  index: number;
  id: string;
  /** Step number of `batchLosses[0]` (from 1). */
  firstStep: number;
  /** L_t (penalty included) of each step made in this call, at θ_{t−1} on step t's minibatch. */
  batchLosses: Float64Array;
  /** The optimizer's report of each of those steps (learning rate, ρ, radius, damping, …). */
  reports: StepReport[];
  /** Evaluations made in this call (step 0's in the first call), in step order. */
  evaluations: EvaluationRecord[];
  /** Sharpness measurements made in this call, in step order. */
  sharpness: SharpnessRecord[];
  /** Updates completed so far, all calls together. */
  stepCount: number;
  /** Epochs begun so far (0-based epoch of the last minibatch). */
  epoch: number;
  /** The step that could not be completed, or null while the run goes on. */
  divergedAt: number | null;
  /** Why the run stopped, naming it and the step; null while it goes on. */
  divergence: string | null;
}

/** The outcome of one `step` call. */
export interface TrainingStepBatch {
  runs: RunStepResult[];
  /** Runs still going. */
  live: number;
}

export type { EvaluationRecord } from './evaluation';

/** Defaults of the optional `TrainingOptions`. */
export const TRAINING_DEFAULTS = { evalEvery: NETWORK_TRAINING_LIMITS.evalEvery.default, snapshotEvery: 1, maxSnapshots: 512 } as const;

/** Most steps per `step` call, so that a worker stays responsive to cancellation between calls. */
export const MAX_STEPS_PER_CALL = 10_000;

interface RunState {
  config: TrainingRunConfig;
  optimizer: NetworkOptimizer;
  label: string;
  params64: Float64Array;
  params32: Float32Array;
  stepCount: number;
  epoch: number;
  batches: Int32Array[];
  batchIndex: number;
  dropoutRng: Rng;
  trajectory: ParameterTrajectory;
  sharpness: SharpnessTracker | null;
  divergedAt: number | null;
  divergence: string | null;
  /** The loss of its first update, the start the growth rule measures from (null before it). */
  firstLoss: number | null;
}

/** One run's next update: its minibatch and, for first-order runs, the loss and gradient already computed. */
interface StepPlan {
  run: RunState;
  log: RunLog;
  rows: Int32Array | null;
  value?: { loss: number; grad: Float32Array };
}

/** Collects one run's results during a call. */
interface RunLog {
  firstStep: number;
  batchLosses: number[];
  reports: StepReport[];
  evaluations: EvaluationRecord[];
  sharpness: SharpnessRecord[];
}

const isFiniteArray = (values: ArrayLike<number>) => Array.prototype.every.call(values, Number.isFinite);

/** Several training runs of one network from one initialisation. */
export class TrainingSession {
  readonly network: BuiltNetwork;
  readonly seed: number;
  readonly evalEvery: number;
  private readonly runs: RunState[];
  private readonly gradient: MinibatchGradient;
  private readonly hiddenWidths: readonly number[];
  private initialPending = true;
  private busy = false;
  private disposed = false;

  /**
   * Validates the runs (ids unique, `NETWORK_TRAINING_LIMITS.runCount` of them, batch
   * sizes integers ≥ 0; their optimizer configs come checked) and options;
   * throws a RangeError naming the fault. The caller keeps ownership of `network`.
   */
  constructor(network: BuiltNetwork, runs: readonly TrainingRunConfig[], options: TrainingOptions) {
    const { runCount } = NETWORK_TRAINING_LIMITS;
    if (runs.length < runCount.min || runs.length > runCount.max) {
      throw new RangeError(`A training session needs ${runCount.min} to ${runCount.max} runs, got ${runs.length}`);
    }
    const ids = runs.map((run) => run.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) throw new RangeError(`Run ids must be unique; "${repeated}" appears twice`);
    if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer from 0 to 2³² − 1, got ${options.seed}`);
    }
    this.evalEvery = options.evalEvery ?? TRAINING_DEFAULTS.evalEvery;
    if (!Number.isInteger(this.evalEvery) || this.evalEvery < 1) {
      throw new RangeError(`evalEvery must be an integer ≥ 1, got ${this.evalEvery}`);
    }
    this.network = network;
    this.seed = options.seed;
    const paramCount = network.objective.paramCount;
    this.runs = runs.map((config) => {
      if (!Number.isInteger(config.batchSize) || config.batchSize < 0) {
        throw new RangeError(`Run "${config.id}": batchSize must be an integer ≥ 0 (0 = full batch), got ${config.batchSize}`);
      }
      const optimizer = createNetworkOptimizer(config.optimizer, paramCount);
      const sharpness = options.sharpness
        ? new SharpnessTracker(network.objective, options.sharpness, Rng.derive(options.seed, `sharpness:${config.id}`).nextUint32())
        : null;
      return {
        config: { ...config },
        optimizer,
        label: methodOf(optimizer.name).label,
        params64: new Float64Array(paramCount),
        params32: new Float32Array(paramCount),
        stepCount: 0,
        epoch: 0,
        batches: [],
        batchIndex: 0,
        dropoutRng: new Rng(0),
        trajectory: new ParameterTrajectory(
          paramCount,
          options.snapshotEvery ?? TRAINING_DEFAULTS.snapshotEvery,
          options.maxSnapshots ?? TRAINING_DEFAULTS.maxSnapshots,
        ),
        sharpness,
        divergedAt: null,
        divergence: null,
        firstLoss: null,
      };
    });
    this.hiddenWidths = network.spec.layers.slice(1, -1);
    this.gradient = createTrainingGradient(network.spec, network.train, network.problem.weightDecay, network.engine);
    this.resetRuns();
  }

  /** The number of runs. */
  get size(): number {
    return this.runs.length;
  }

  /** How many runs have not diverged. */
  get live(): number {
    return this.runs.filter((run) => run.divergedAt === null).length;
  }

  /** Updates run `index` has completed. */
  stepCount(index: number): number {
    return this.run(index).stepCount;
  }

  /** A copy of run `index`'s current (float32) parameters. */
  params(index: number): Float32Array {
    return Float32Array.from(this.run(index).params32);
  }

  /** Run `index`'s trajectory: θ₀, the kept snapshots and the current parameters. */
  trajectory(index: number): TrajectorySnapshots {
    const run = this.run(index);
    return run.trajectory.read(run.stepCount, run.params32);
  }

  /**
   * Applies `count` updates to every live run. The first call after
   * construction or `reset()` also reports the evaluation (and sharpness)
   * at step 0. Throws if `count` is not an integer in [1, MAX_STEPS_PER_CALL]
   * or another call is running.
   */
  async step(count = 1): Promise<TrainingStepBatch> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_STEPS_PER_CALL) {
      throw new RangeError(`step count must be an integer in [1, ${MAX_STEPS_PER_CALL}], got ${count}`);
    }
    this.beginCall();
    try {
      const logs = this.runs.map((run): RunLog => ({
        firstStep: run.stepCount + 1,
        batchLosses: [],
        reports: [],
        evaluations: [],
        sharpness: [],
      }));
      if (this.initialPending) {
        await this.observe(0, logs);
        this.initialPending = false;
      }
      for (let i = 0; i < count && this.live > 0; i++) {
        const step = await this.advanceAll(logs);
        if (step > 0) await this.observe(step, logs);
      }
      return this.result(logs);
    } finally {
      this.busy = false;
    }
  }

  /** Returns every run to θ₀ with fresh optimizer state, minibatch order, dropout stream and trajectory. */
  reset(): void {
    if (this.busy) throw new Error('TrainingSession.reset cannot run while a step is in progress');
    this.resetRuns();
  }

  /** Frees the session's tensors (the network stays the caller's). */
  dispose(): void {
    if (this.disposed) return;
    this.gradient.dispose();
    this.disposed = true;
  }

  private beginCall(): void {
    if (this.disposed) throw new Error('This TrainingSession has been disposed');
    if (this.busy) throw new Error('TrainingSession.step is already running; await it before stepping again');
    this.busy = true;
  }

  private resetRuns(): void {
    for (const run of this.runs) {
      run.params32.set(this.network.initialParams);
      run.params64.set(this.network.initialParams);
      run.optimizer.reset();
      run.stepCount = 0;
      run.epoch = 0;
      run.batches = [];
      run.batchIndex = 0;
      run.dropoutRng = Rng.derive(this.seed, `dropout:${run.config.id}`);
      run.trajectory.restart(this.network.initialParams);
      run.sharpness?.reset();
      run.divergedAt = null;
      run.divergence = null;
      run.firstLoss = null;
    }
    this.initialPending = true;
  }

  private run(index: number): RunState {
    const run = this.runs[index];
    if (run === undefined) throw new RangeError(`No run ${index}; the session has ${this.runs.length}`);
    return run;
  }

  /** The rows of the run's next minibatch, or null for the whole training set. */
  private nextRows(run: RunState): Int32Array | null {
    const n = this.network.train.n;
    const { batchSize } = run.config;
    if (batchSize === 0 || batchSize >= n) return null;
    if (run.batchIndex >= run.batches.length) {
      if (run.batches.length > 0) run.epoch++;
      run.batches = minibatchOrder(n, batchSize, this.seed, run.epoch);
      run.batchIndex = 0;
    }
    return run.batches[run.batchIndex++];
  }

  /**
   * The next update of every live run (steps 1–3 of the module comment);
   * returns its step number, or 0 if no run completed it. First-order runs
   * on the same minibatch share one batched gradient pass.
   */
  private async advanceAll(logs: RunLog[]): Promise<number> {
    const plans: StepPlan[] = this.runs
      .map((run, index) => ({ run, log: logs[index] }))
      .filter(({ run }) => run.divergedAt === null)
      .map(({ run, log }) => ({ run, log, rows: this.nextRows(run) }));
    const groups = new Map<string, StepPlan[]>();
    for (const plan of plans) {
      if (plan.run.optimizer.usesCurvature) continue;
      // Runs at the same place of the same batch schedule draw the same rows.
      const key = plan.rows === null ? 'full' : `${plan.run.config.batchSize}/${plan.run.epoch}/${plan.run.batchIndex}`;
      groups.set(key, [...(groups.get(key) ?? []), plan]);
    }
    for (const group of groups.values()) {
      const members = group.map(({ run, rows }) => ({ params: run.params32, masks: this.dropoutFor(run, rows) }));
      const values = await this.gradient.lossAndGradBatch(members, group[0].rows);
      group.forEach((plan, k) => (plan.value = values[k]));
    }
    let step = 0;
    for (const plan of plans) {
      await this.update(plan);
      if (plan.run.divergedAt === null) step = plan.run.stepCount;
    }
    return step;
  }

  /** Applies one planned update: the curvature methods' loss and gradient, the divergence checks, the optimizer. */
  private async update({ run, log, rows, value: given }: StepPlan): Promise<void> {
    const t = run.stepCount + 1;
    let batchObjective: RegularizedObjective | null = null;
    try {
      let objective: StepObjective = this.network.objective;
      let value = given;
      if (value === undefined) {
        if (rows !== null) {
          const data = this.network.dataObjective(subsetRows(this.network.train, rows));
          batchObjective = new RegularizedObjective(data, this.network.problem.weightDecay);
          objective = batchObjective;
        }
        value = await objective.lossAndGrad(run.params32);
      }
      if (!Number.isFinite(value.loss) || !isFiniteArray(value.grad)) {
        this.stop(run, t, `the minibatch loss or its gradient is not finite (loss ${value.loss})`);
        return;
      }
      run.firstLoss ??= value.loss;
      if (lossGrewTooMuch(run.firstLoss, value.loss)) {
        this.stop(run, t, lossGrowthReason(run.firstLoss, value.loss));
        return;
      }
      const report = await run.optimizer.step({
        params: run.params64,
        loss: value.loss,
        grad: Float64Array.from(value.grad),
        objective,
      });
      run.params32.set(run.params64);
      if (!isFiniteArray(run.params32)) {
        this.stop(run, t, 'the parameters are no longer finite');
        return;
      }
      run.stepCount = t;
      log.batchLosses.push(value.loss);
      log.reports.push(report);
      run.trajectory.record(t, run.params32);
    } finally {
      batchObjective?.dispose();
    }
  }

  /** Dropout masks for the run's minibatch from its own stream (a rate p > 0 and hidden layers), else null. */
  private dropoutFor(run: RunState, rows: Int32Array | null): Float32Array[] | null {
    const rate = this.network.problem.dropout;
    if (rate === 0 || this.hiddenWidths.length === 0) return null;
    return dropoutMasks(run.dropoutRng, rows?.length ?? this.network.train.n, this.hiddenWidths, rate);
  }

  private stop(run: RunState, t: number, why: string): void {
    run.divergedAt = t;
    run.divergence = `Run "${run.config.id}" (${run.label}) diverged at step ${t}: ${why}`;
  }

  /** The evaluations and sharpness measurements due after update `step`, for every live run at that step. */
  private async observe(step: number, logs: RunLog[]): Promise<void> {
    const live = this.runs
      .map((run, index) => ({ run, index }))
      .filter(({ run }) => run.divergedAt === null && run.stepCount === step);
    if (live.length === 0) return;
    if (step % this.evalEvery === 0) {
      const records = await evaluateAt(this.network, live.map(({ run }) => run.params32));
      live.forEach(({ index }, k) => logs[index].evaluations.push({ step, ...records[k] }));
    }
    for (const { run, index } of live) {
      if (!run.sharpness?.due(step)) continue;
      try {
        logs[index].sharpness.push(await run.sharpness.measure(run.params32, step, run.optimizer.config));
      } catch (error) {
        // A run whose Hessian is no longer finite has diverged; the other runs go on.
        if (!(error instanceof NonFiniteCurvatureError)) throw error;
        this.stop(run, step, error.message);
      }
    }
  }

  private result(logs: RunLog[]): TrainingStepBatch {
    return {
      runs: this.runs.map((run, index) => ({
        index,
        id: run.config.id,
        firstStep: logs[index].firstStep,
        batchLosses: Float64Array.from(logs[index].batchLosses),
        reports: logs[index].reports,
        evaluations: logs[index].evaluations,
        sharpness: logs[index].sharpness,
        stepCount: run.stepCount,
        epoch: run.epoch,
        divergedAt: run.divergedAt,
        divergence: run.divergence,
      })),
      live: this.live,
    };
  }
}

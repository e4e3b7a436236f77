/**
 * The training schedule of a network experiment and the limits of its runs,
 * as plain data with checks (no TensorFlow.js, so the main thread and the
 * URL codec can use them). The runs themselves are `runs.ts`'s.
 */
import { NETWORK_TRAINING_LIMITS } from './limits';
import type { ResolvedOptimizerConfig } from './optimizers/validate';

/** The schedule fields of a network experiment. */
export interface TrainingSchedule {
  evalEvery: number;
  sharpnessEvery: number;
}

const isIntegerIn = (value: unknown, range: { min: number; max: number }) =>
  typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;

/** Every way the evaluation and sharpness schedule breaks the rules; empty when valid. */
export function trainingScheduleProblems(schedule: TrainingSchedule): string[] {
  const problems: string[] = [];
  const { evalEvery, sharpnessEvery } = NETWORK_TRAINING_LIMITS;
  if (!isIntegerIn(schedule.evalEvery, evalEvery)) {
    problems.push(`evalEvery must be an integer from ${evalEvery.min} to ${evalEvery.max}, got ${schedule.evalEvery}`);
  }
  if (!isIntegerIn(schedule.sharpnessEvery, sharpnessEvery)) {
    problems.push(
      `sharpnessEvery must be an integer from ${sharpnessEvery.min} (off) to ${sharpnessEvery.max}, got ${schedule.sharpnessEvery}`,
    );
  }
  return problems;
}

/*
 * The engine's training session (training/runs.ts) takes the runs and the
 * schedule in the shapes below; they are plain data, declared here so that
 * presets can name them without importing the engine.
 */

/** One run: an optimizer and a batch size. */
export interface TrainingRunConfig {
  /** Stable identifier, unique in the session (e.g. the experiment's optimizer id); names the run's dropout stream. */
  id: string;
  /** Checked where it entered (`resolveOptimizer`, `checkedExperiment`). */
  optimizer: ResolvedOptimizerConfig;
  /** Rows per minibatch; 0 = the whole training set at every step. */
  batchSize: number;
}

/** Session-wide settings. */
export interface TrainingOptions {
  /** Seed of the minibatch orders, dropout masks and Lanczos starts. */
  seed: number;
  /** Full train/test evaluation every this many steps (default 10). */
  evalEvery?: number;
  /** Trajectory snapshot every this many steps (default 1), thinned past `maxSnapshots`. */
  snapshotEvery?: number;
  /** Cap on stored snapshots per run (default 512). */
  maxSnapshots?: number;
  /** Sharpness tracking, or null/absent for none. */
  sharpness?: SharpnessOptions | null;
}

/** How often and how precisely sharpness is measured. */
export interface SharpnessOptions {
  /** Measure after every `every`-th step (and at step 0); integer ≥ 1. */
  every: number;
  /** Most Hessian-vector products per measurement (default 20). */
  maxIterations?: number;
  /** Lanczos residual tolerance relative to the largest |eigenvalue| (default 1e-3). */
  tolerance?: number;
}

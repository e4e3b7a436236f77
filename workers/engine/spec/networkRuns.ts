/**
 * The training schedule of a network experiment and the limits of its runs,
 * as plain data with checks (no TensorFlow.js, so the main thread and the
 * URL codec can use them). The runs themselves are `runs.ts`'s.
 */
/** The accepted range of the training fields (inclusive). */
export const NETWORK_TRAINING_LIMITS = {
  /** Runs trained side by side (the engine's TrainingSession takes 1 to 8). */
  runCount: { min: 1, max: 8 },
  /** 0 = full batch; data sets hold at most 5000 samples, so larger sizes mean the same. */
  batchSize: { min: 0, max: 5000 },
  /** Updates a network experiment makes by default (the analytic default is shorter). */
  steps: { default: 500 },
  /** Full train/test evaluation every this many steps. */
  evalEvery: { min: 1, max: 1000, default: 10 },
  /** λ_max / λ_min of the Hessian every this many steps; 0 = no sharpness tracking. */
  sharpnessEvery: { min: 0, max: 1000, default: 0 },
} as const;

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

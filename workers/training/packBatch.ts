/**
 * A training session's step results as parallel typed arrays, so that the
 * worker can transfer them to the page instead of copying lists of objects.
 */
import type { TrainingStepBatch, RunStepResult } from '../engine/training/runs';
import type { PackedRunStep, PackedStepBatch, UpdateReport } from '../engine/spec/messages/training';

/** The last update's report of a curvature-based run, or null for a first-order one (nothing to show beyond η). */
function lastUpdateOf(run: RunStepResult): UpdateReport | null {
  const report = run.reports[run.reports.length - 1];
  if (report === undefined) return null;
  const { ratio, radius, damping, cgIterations, accepted } = report;
  if (ratio === null && radius === null && cgIterations === null && accepted) return null;
  return { step: run.firstStep + run.reports.length - 1, accepted, ratio, radius, damping, cgIterations };
}

/** `value`, or NaN for a value that does not exist. */
const orNaN = (value: number | null | undefined): number => value ?? Number.NaN;

/** One run's results (see {@link PackedRunStep}). */
export function packRunStep(run: RunStepResult): PackedRunStep {
  const evaluations = run.evaluations;
  const sharpness = run.sharpness;
  const lastReport = run.reports[run.reports.length - 1];
  return {
    index: run.index,
    id: run.id,
    firstStep: run.firstStep,
    batchLosses: Float64Array.from(run.batchLosses),
    evaluation: {
      steps: Float64Array.from(evaluations, (record) => record.step),
      trainLoss: Float64Array.from(evaluations, (record) => record.trainLoss),
      testLoss: Float64Array.from(evaluations, (record) => orNaN(record.testLoss)),
      trainAccuracy: Float64Array.from(evaluations, (record) => orNaN(record.trainAccuracy)),
      testAccuracy: Float64Array.from(evaluations, (record) => orNaN(record.testAccuracy)),
    },
    sharpness: {
      steps: Float64Array.from(sharpness, (record) => record.step),
      lambdaMax: Float64Array.from(sharpness, (record) => record.lambdaMax),
      lambdaMin: Float64Array.from(sharpness, (record) => record.lambdaMin),
      gradientDescentThreshold: Float64Array.from(sharpness, (record) => orNaN(record.gradientDescentThreshold)),
      momentumThreshold: Float64Array.from(sharpness, (record) => orNaN(record.momentumThreshold)),
    },
    stepCount: run.stepCount,
    epoch: run.epoch,
    learningRate: lastReport?.lr ?? null,
    lastUpdate: lastUpdateOf(run),
    rejectedSteps: run.reports.filter((report) => !report.accepted).length,
    divergedAt: run.divergedAt,
    divergence: run.divergence,
  };
}

/** Every run's results of one `step` call. */
export function packStepBatch(batch: TrainingStepBatch): PackedStepBatch {
  return { runs: batch.runs.map(packRunStep), live: batch.live };
}

/** The buffers of a packed batch, to transfer rather than copy. */
export function transferablesOf(batch: PackedStepBatch): ArrayBuffer[] {
  return batch.runs.flatMap((run) => [
    run.batchLosses.buffer,
    ...Object.values(run.evaluation).map((series) => series.buffer),
    ...Object.values(run.sharpness).map((series) => series.buffer),
  ]) as ArrayBuffer[];
}

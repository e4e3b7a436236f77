/**
 * Training curves as the views take them (`RunCurves`, app/plots/types.ts):
 * step series preallocated for the whole run and written in place as step
 * batches arrive. Each write returns a new wrapper over the same arrays with
 * its `version` bumped; a series outgrows its arrays only when the run is
 * extended past its planned steps, and then moves to arrays twice as large.
 */
import type { PackedRunStep } from '../../workers/engine/spec/messages/training';
import type { RunCurves, StepSeries } from '../plots/types';

/** An empty series with room for `capacity` points. */
export function emptySeries(capacity: number): StepSeries {
  const size = Math.max(1, Math.ceil(capacity));
  return { steps: new Float64Array(size), values: new Float64Array(size), length: 0 };
}

/**
 * `series` with the points (steps[i], values[i]) appended whose step is
 * beyond its last one (a repeated step, such as the evaluation at θ₀ that a
 * reset reports again, is skipped). The arrays are written in place; the
 * same object is returned when nothing was appended.
 */
export function appendToSeries(series: StepSeries, steps: ArrayLike<number>, values: ArrayLike<number>): StepSeries {
  let { steps: stepArray, values: valueArray } = series;
  let length = series.length;
  for (let i = 0; i < steps.length; i++) {
    if (length > 0 && steps[i] <= stepArray[length - 1]) continue;
    if (length === stepArray.length) {
      const grownSteps = new Float64Array(2 * stepArray.length);
      const grownValues = new Float64Array(2 * stepArray.length);
      grownSteps.set(stepArray);
      grownValues.set(valueArray);
      stepArray = grownSteps;
      valueArray = grownValues;
    }
    stepArray[length] = steps[i];
    valueArray[length] = values[i];
    length++;
  }
  return length === series.length ? series : { steps: stepArray, values: valueArray, length };
}

/** What a run's curves show, decided by the data set and the experiment. */
export interface CurvePlan {
  /** Evaluations expected: steps / evalEvery + 1. */
  evaluations: number;
  /** Sharpness measurements expected, or 0 when tracking is off. */
  sharpness: number;
  /** Whether there is a test set. */
  hasTest: boolean;
  /** Whether accuracy means something (classification). */
  hasAccuracy: boolean;
}

/** The capacities of `steps` updates evaluated every `evalEvery` and measured every `sharpnessEvery` (0 = never). */
export function curvePlan(steps: number, evalEvery: number, sharpnessEvery: number, hasTest: boolean, hasAccuracy: boolean): CurvePlan {
  return {
    evaluations: Math.floor(steps / evalEvery) + 1,
    sharpness: sharpnessEvery > 0 ? Math.floor(steps / sharpnessEvery) + 1 : 0,
    hasTest,
    hasAccuracy,
  };
}

/** Empty curves of one run. */
export function emptyRunCurves(run: { id: string; label: string; color: string }, plan: CurvePlan): RunCurves {
  const evaluations = () => emptySeries(plan.evaluations);
  return {
    id: run.id,
    label: run.label,
    color: run.color,
    trainLoss: evaluations(),
    testLoss: evaluations(),
    trainAccuracy: plan.hasAccuracy ? evaluations() : null,
    testAccuracy: plan.hasAccuracy && plan.hasTest ? evaluations() : null,
    sharpness: plan.sharpness > 0 ? emptySeries(plan.sharpness) : null,
    minEigenvalue: plan.sharpness > 0 ? emptySeries(plan.sharpness) : null,
    thresholds: null,
    status: 'idle',
    version: 0,
  };
}

/** Appends `values` at `steps` to a series that may be absent. */
const appendMaybe = (series: StepSeries | null, steps: ArrayLike<number>, values: ArrayLike<number>) =>
  series === null ? null : appendToSeries(series, steps, values);

/**
 * The curves after one batch of run `step`: its evaluations and sharpness
 * appended, the stability thresholds of its latest measurement (2/η, and
 * the momentum rule's when it has one), and `status`.
 */
export function applyRunStep(curves: RunCurves, step: PackedRunStep, status: RunCurves['status']): RunCurves {
  const { evaluation, sharpness } = step;
  const last = sharpness.steps.length - 1;
  let thresholds = curves.thresholds;
  if (last >= 0 && Number.isFinite(sharpness.gradientDescentThreshold[last])) {
    const momentum = sharpness.momentumThreshold[last];
    thresholds = { gd: sharpness.gradientDescentThreshold[last], ...(Number.isFinite(momentum) ? { momentum } : {}) };
  }
  return {
    ...curves,
    trainLoss: appendToSeries(curves.trainLoss, evaluation.steps, evaluation.trainLoss),
    testLoss: appendToSeries(curves.testLoss, evaluation.steps, evaluation.testLoss),
    trainAccuracy: appendMaybe(curves.trainAccuracy, evaluation.steps, evaluation.trainAccuracy),
    testAccuracy: appendMaybe(curves.testAccuracy, evaluation.steps, evaluation.testAccuracy),
    sharpness: appendMaybe(curves.sharpness, sharpness.steps, sharpness.lambdaMax),
    minEigenvalue: appendMaybe(curves.minEigenvalue, sharpness.steps, sharpness.lambdaMin),
    thresholds,
    status,
    message: step.divergence ?? undefined,
    version: curves.version + 1,
  };
}

/** The curves holding only the evaluation at θ₀ (step 0), where every run starts. */
export function withInitialEvaluation(
  curves: RunCurves,
  initial: { trainLoss: number; testLoss: number | null; trainAccuracy: number | null; testAccuracy: number | null },
): RunCurves {
  const at0 = (value: number | null) => [value ?? Number.NaN];
  return {
    ...curves,
    trainLoss: appendToSeries(curves.trainLoss, [0], at0(initial.trainLoss)),
    testLoss: appendToSeries(curves.testLoss, [0], at0(initial.testLoss)),
    trainAccuracy: appendMaybe(curves.trainAccuracy, [0], at0(initial.trainAccuracy)),
    testAccuracy: appendMaybe(curves.testAccuracy, [0], at0(initial.testAccuracy)),
    version: curves.version + 1,
  };
}

/**
 * The engine measurements made in the benchmark page's worker, on whichever
 * backend is active, for the default network problem (two-arm spiral,
 * 2-16-16-1 tanh, 320 training samples, 337 parameters) at θ₀:
 * - a 2-D slice at 65×65 and 129×129 (as the plan says) through `runSliceJob` (the landscape
 *   module's slice entry, progressive and chunked, so whatever evaluation it
 *   uses is what is timed), the same grid through one generic
 *   `evaluateBatch` call per grid, and one `loss` call per point (timed on a
 *   sample of points, scaled by the grid size: its cost does not depend on
 *   the point);
 * - one Hessian-vector product against one gradient;
 * - full-batch Adam training steps per second through `TrainingSession`.
 * Every time is the median of a few repeats after untimed warm-up runs
 * (shader compilation, first allocations); the counts are small because a
 * software-rendered GPU backend is slow.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sliceDirections } from '../../workers/engine/landscape/directions';
import { planePoint, pointsOnPlane, type Plane } from '../../workers/engine/math/plane/plane';
import { runSliceJob } from '../../workers/engine/landscape/sliceJob';
import { sliceGeometry } from '../../workers/engine/landscape/sliceRequest';
import { buildNetwork } from '../../workers/engine/networks/build';
import { DEFAULT_NETWORK_PROBLEM } from '../../workers/engine/spec/networkProblem';
import type { RegularizedObjective } from '../../workers/engine/networks/regularizedObjective';
import { Rng } from '../../workers/engine/math/rng';
import { gridCoordinates, gridIndexRange } from '../../workers/engine/math/plane/gridIndex';
import { resolveOptimizer } from '../../workers/engine/spec/optimizers/validate';
import { TrainingSession } from '../../workers/engine/training/runs';
import { timeMedianMs, type TimingPlan } from '../harness';
import type { Measurement } from '../types';
import type { BrowserBenchBackend } from './records';

/** How much work each measurement gets on one backend. */
export interface BrowserBenchPlan {
  /** Points evaluated one by one for the per-point time, and its timing. */
  perPointSample: number;
  perPoint: TimingPlan;
  /** Grid sides sliced through runSliceJob, and through one generic evaluateBatch call. */
  sliceJobSides: readonly number[];
  evaluateBatchSides: readonly number[];
  /** Timing of each slice (a warm-up is a whole extra slice). */
  slice: TimingPlan;
  /** Timing of the gradient and of the Hessian-vector product. */
  curvature: TimingPlan;
  /** Adam steps per timed repeat, and the repeats. */
  trainingSteps: number;
  training: TimingPlan;
}

/** WebGL and WebGPU share one plan (see below). */
const GPU_BACKEND_PLAN: BrowserBenchPlan = {
  perPointSample: 8,
  perPoint: { warmup: 1, repeats: 3 },
  sliceJobSides: [65],
  evaluateBatchSides: [65],
  slice: { warmup: 0, repeats: 1 },
  curvature: { warmup: 1, repeats: 3 },
  trainingSteps: 3,
  training: { warmup: 1, repeats: 3 },
};

/**
 * Sized for this 2-core machine. On software-rendered WebGL and WebGPU one
 * 65×65 runSliceJob takes about two minutes (its chunk sizes follow the
 * measured speed, and every new chunk shape compiles new shader programs),
 * so those backends slice 65×65 only, once, unless the full plan is asked for.
 */
export const BROWSER_BENCH_PLANS: Readonly<Record<BrowserBenchBackend, BrowserBenchPlan>> = {
  webgl: GPU_BACKEND_PLAN,
  webgpu: GPU_BACKEND_PLAN,
  wasm: {
    perPointSample: 100,
    perPoint: { warmup: 1, repeats: 3 },
    sliceJobSides: [65, 129],
    evaluateBatchSides: [65, 129],
    slice: { warmup: 1, repeats: 3 },
    curvature: { warmup: 3, repeats: 9 },
    trainingSteps: 20,
    training: { warmup: 2, repeats: 5 },
  },
};

const FULL_SIDES = [65, 129] as const;

/** `plan` with every slice measured at 65×65 and 129×129 both ways (the benchmark page's `?full=1`). */
export function fullPlan(plan: BrowserBenchPlan): BrowserBenchPlan {
  return { ...plan, sliceJobSides: FULL_SIDES, evaluateBatchSides: FULL_SIDES };
}

const ALPHA_RANGE: [number, number] = [-1, 1];

/** Slice figures at one grid side: runSliceJob and/or generic evaluateBatch, and per point (scaled). */
async function sliceFigures(
  log: (message: string) => void,
  objective: RegularizedObjective,
  plane: Plane,
  side: number,
  msPerPoint: number,
  plan: BrowserBenchPlan,
): Promise<Measurement[]> {
  const request = { plane, alphaRange: ALPHA_RANGE, nx: side };
  const count = side * side;
  const prefix = `slice${side}`;
  const perPointMs = msPerPoint * count;
  const figures: Measurement[] = [
    { name: `${prefix}.per_point_ms`, value: perPointMs, unit: 'ms', note: `${msPerPoint.toFixed(2)} ms per point on a sample, scaled ×${count}` },
  ];
  if (plan.sliceJobSides.includes(side)) {
    log(`slice ${side}×${side} through runSliceJob`);
    const sliceMs = await timeMedianMs(() => runSliceJob(objective, request), plan.slice);
    figures.push(
      { name: `${prefix}.batched_ms`, value: sliceMs, unit: 'ms', note: `runSliceJob, ${count} points, progressive chunks` },
      { name: `${prefix}.speedup`, value: perPointMs / sliceMs, unit: 'x', note: 'per point / runSliceJob' },
    );
  }
  if (plan.evaluateBatchSides.includes(side)) {
    log(`slice ${side}×${side} through one evaluateBatch`);
    // The whole grid in one generic batched call (the objective splits it into
    // passes by its own memory bound); the points are made once, outside the timing.
    const { alphas, betas } = sliceGeometry(request, objective.paramCount);
    const points = pointsOnPlane(plane, gridCoordinates(alphas, betas, gridIndexRange(0, count)));
    const batchMs = await timeMedianMs(() => objective.evaluateBatch(points, count), plan.slice);
    figures.push(
      { name: `${prefix}.evaluate_batch_ms`, value: batchMs, unit: 'ms', note: `generic evaluateBatch of all ${count} points (points made beforehand)` },
      { name: `${prefix}.evaluate_batch_speedup`, value: perPointMs / batchMs, unit: 'x', note: 'per point / evaluateBatch' },
    );
  }
  return figures;
}

/** Median full-batch Adam steps per second (evaluation every 10 steps, as the page trains). */
async function adamStepsPerSecond(plan: BrowserBenchPlan): Promise<number> {
  const network = buildNetwork({ ...DEFAULT_NETWORK_PROBLEM }, { engine: 'tfjs' });
  const session = new TrainingSession(network, [{ id: 'adam', optimizer: resolveOptimizer({ name: 'adam', lr: 0.01 }, 'network'), batchSize: 0 }], { seed: 1, evalEvery: 10 });
  try {
    const ms = await timeMedianMs(() => session.step(plan.trainingSteps), plan.training);
    return (1000 * plan.trainingSteps) / ms;
  } finally {
    session.dispose();
    network.dispose();
  }
}

/**
 * Runs every measurement on the active backend with `plan`, logging each
 * stage with `log`. Ends with `tensors_left`, the growth of
 * `tf.memory().numTensors` over the whole run (0 unless something leaks).
 */
export async function measureBrowserBackend(plan: BrowserBenchPlan, log: (message: string) => void): Promise<Measurement[]> {
  const tensorsBefore = tf.memory().numTensors;
  const measurements: Measurement[] = [];
  const network = buildNetwork({ ...DEFAULT_NETWORK_PROBLEM }, { engine: 'tfjs' });
  try {
    const objective = network.objective;
    const params = network.initialParams;
    const plane = await sliceDirections(objective, { kind: 'random', centre: params, seed: 1 });

    log(`per point, ${plan.perPointSample} points`);
    const sample = Array.from({ length: plan.perPointSample }, (_, k) => planePoint(plane, -1 + (2 * k) / plan.perPointSample, 0.5));
    const sampleMs = await timeMedianMs(async () => {
      for (const point of sample) await objective.loss(point);
    }, plan.perPoint);
    const msPerPoint = sampleMs / plan.perPointSample;

    const sides = [...new Set([...plan.sliceJobSides, ...plan.evaluateBatchSides])].sort((a, b) => a - b);
    for (const side of sides) measurements.push(...(await sliceFigures(log, objective, plane, side, msPerPoint, plan)));

    log('gradient and Hessian-vector product');
    const v = Rng.derive(1, 'bench-hvp').fillNormal(new Float32Array(objective.paramCount));
    const gradientMs = await timeMedianMs(() => objective.lossAndGrad(params), plan.curvature);
    const hvpMs = await timeMedianMs(() => objective.hvp(params, v), plan.curvature);
    measurements.push(
      { name: 'gradient_ms', value: gradientMs, unit: 'ms', note: `loss and gradient, ${objective.paramCount} parameters` },
      { name: 'hvp_ms', value: hvpMs, unit: 'ms', note: 'one Hessian-vector product (double back-propagation)' },
      { name: 'hvp_over_gradient', value: hvpMs / gradientMs, unit: 'x', note: 'one HVP / one gradient' },
    );
  } finally {
    network.dispose();
  }

  log(`Adam, full batch, ${plan.trainingSteps} steps per repeat`);
  measurements.push({
    name: 'adam_full_batch',
    value: await adamStepsPerSecond(plan),
    unit: 'steps/s',
    note: `${plan.trainingSteps} steps per repeat, evaluation every 10`,
  });
  measurements.push({
    name: 'tensors_left',
    value: tf.memory().numTensors - tensorsBefore,
    unit: 'tensors',
    note: 'tensor count growth over the whole run (0 = no leak)',
  });
  return measurements;
}

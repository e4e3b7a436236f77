/**
 * Catastrophic forgetting through the curvature of the first task.
 *
 * One network learns task A, reaching θ_A, then task B from θ_A. Task A's
 * loss after B has moved the parameters by Δ = θ − θ_A is, to second order,
 *   L_A(θ_A + Δ) − L_A(θ_A) ≈ g_Aᵀ Δ + ½ Δᵀ H_A Δ,
 * g_A, H_A the gradient (≈ 0 after training) and Hessian of L_A at θ_A: the
 * rise is large exactly where B's updates have weight on H_A's sharp
 * eigenvectors. Recorded along task B: the measured rise, the predicted one
 * (and its quadratic part alone), and the overlaps ‖Q_kᵀ u‖² / ‖u‖² of the
 * cumulative change Δ and of each update u with the span of H_A's top-k
 * eigenvectors Q_k.
 *
 * Orthogonal gradient descent in the manner of Farajtabar, Azizan, Mott &
 * Li (2020, "Orthogonal Gradient Descent for Continual Learning"), with
 * H_A's top eigenvectors as the directions to protect: B's gradient and
 * update are projected by P = I − Q_k Q_kᵀ, so B moves only where A's loss
 * is (to second order) flat, and the forgetting shrinks.
 *
 * Tasks: two losses of one network (`NetworkObjective`s of the same spec),
 * e.g. two class pairs of one data set (`classPairTask`).
 */
import { extremeEigenvalues } from '../math/krylov/extremes';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import { symmetricEigen } from '../math/linalg/symmetricEigen';
import { curvatureOperator } from '../curvature/operators';
import type { NetworkObjective } from '../networks/regularizedObjective';
import type { RuleConfig } from '../optimizers/optimizers';
import { descend, plainGradient } from './descent';

/** What a task needs to provide. */
export type TaskObjective = Pick<
  NetworkObjective,
  'paramCount' | 'loss' | 'lossAndGrad' | 'hvpBatch' | 'gnvpBatch' | 'fullHessian' | 'evaluateBatch'
>;

/** Settings of a forgetting experiment. */
export interface ForgettingOptions extends LongRunOptions {
  /** The optimizer of both phases. */
  optimizer: RuleConfig;
  stepsA: number;
  stepsB: number;
  /** Top eigenvectors of H_A to measure overlaps with and to project off (1 … P; at most 20 by Lanczos). */
  topK: number;
  /** Record along task B every this many updates (default 1), and at step 0. */
  recordEvery?: number;
  /** Default 'exact' (dense H_A) up to 400 parameters, else Lanczos. */
  method?: 'exact' | 'lanczos';
  /** Seed of the Lanczos start. */
  seed?: number;
}

/** Task B's phase, with or without the projection. */
export interface TaskBRun {
  projected: boolean;
  /** Steps of task B recorded (0 = θ_A). */
  steps: Int32Array;
  lossA: Float32Array;
  lossB: Float32Array;
  accuracyA: Float32Array | null;
  /** L_A(θ_t) − L_A(θ_A). */
  measuredRise: Float64Array;
  /** g_Aᵀ Δ + ½ Δᵀ H_A Δ. */
  predictedRise: Float64Array;
  /** ½ Δᵀ H_A Δ alone. */
  quadraticRise: Float64Array;
  /** ‖Q_kᵀ Δ‖² / ‖Δ‖² (NaN at Δ = 0). */
  cumulativeOverlap: Float64Array;
  /** ‖Q_kᵀ u_t‖² / ‖u_t‖² of the update u_t that led to each recorded step (NaN at step 0). */
  updateOverlap: Float64Array;
  /** The mean of the update overlap over every update of the phase. */
  meanUpdateOverlap: number;
  /** θ at the end of task B. */
  params: Float32Array;
  divergedAt: number | null;
}

/** Both phases and both variants of task B, from the same θ_A. */
export interface ForgettingExperiment {
  /** θ after task A. */
  thetaA: Float32Array;
  /** L_A of each update of task A. */
  lossesA: Float64Array;
  /** The top-k eigenvalues of H_A, descending. */
  eigenvalues: Float64Array;
  plain: TaskBRun;
  projected: TaskBRun;
}

/**
 * Task A from `start`, the top-k eigenpairs of H_A at θ_A, then task B from
 * θ_A twice: plain and projected. Progress: (updates done, stepsA + 2·stepsB).
 */
export async function forgettingExperiment(
  taskA: TaskObjective,
  taskB: TaskObjective,
  start: Float32Array,
  options: ForgettingOptions,
): Promise<ForgettingExperiment> {
  const n = taskA.paramCount;
  if (taskB.paramCount !== n || start.length !== n) {
    throw new RangeError(`The tasks and θ₀ must share one network: ${n}, ${taskB.paramCount} and ${start.length} parameters`);
  }
  const method = options.method ?? (n <= 400 ? 'exact' : 'lanczos');
  const maxK = method === 'exact' ? n : 20;
  if (!Number.isInteger(options.topK) || options.topK < 1 || options.topK > maxK) {
    throw new RangeError(`topK must be an integer from 1 to ${maxK}, got ${options.topK}`);
  }
  const total = options.stepsA + 2 * options.stepsB;
  const progress = (offset: number) => options.onProgress && ((done: number) => options.onProgress?.(offset + done, total));
  const phaseA = await descend(start, plainGradient(taskA), {
    optimizer: options.optimizer,
    steps: options.stepsA,
    signal: options.signal,
    onProgress: progress(0),
  });
  throwIfAborted(options.signal);
  const thetaA = phaseA.params;
  const { values, vectors } = await topEigenpairs(taskA, thetaA, options.topK, method, options.seed ?? 0);
  const common = { taskA, taskB, thetaA, vectors, options };
  const plain = await taskBPhase({ ...common, projected: false, onProgress: progress(options.stepsA) });
  const projected = await taskBPhase({ ...common, projected: true, onProgress: progress(options.stepsA + options.stepsB) });
  return { thetaA, lossesA: phaseA.losses, eigenvalues: values, plain, projected };
}

/** The k algebraically largest eigenpairs of H_A at θ: dense, or Lanczos. */
async function topEigenpairs(
  task: TaskObjective,
  params: Float32Array,
  k: number,
  method: 'exact' | 'lanczos',
  seed: number,
): Promise<{ values: Float64Array; vectors: Float64Array[] }> {
  const n = task.paramCount;
  if (method === 'exact') {
    const eigen = symmetricEigen(await task.fullHessian(params), n);
    return { values: eigen.values.slice(0, k), vectors: Array.from({ length: k }, (_, i) => eigen.vectors.slice(i * n, (i + 1) * n)) };
  }
  const operator = curvatureOperator(task, params, 'hessian');
  const top = await extremeEigenvalues(operator.matVec, n, { k, seed, maxProducts: Math.min(n, Math.max(60, 10 * k)) });
  return { values: top.largest.values, vectors: top.largest.vectors };
}

/** ‖Qᵀu‖² / ‖u‖² (NaN for u = 0). */
function overlap(vectors: readonly Float64Array[], u: ArrayLike<number>): number {
  let squared = 0;
  for (let i = 0; i < u.length; i++) squared += u[i] * u[i];
  if (!(squared > 0)) return Number.NaN;
  let inside = 0;
  for (const q of vectors) {
    let c = 0;
    for (let i = 0; i < u.length; i++) c += q[i] * u[i];
    inside += c * c;
  }
  return inside / squared;
}

async function taskBPhase(input: {
  taskA: TaskObjective;
  taskB: TaskObjective;
  thetaA: Float32Array;
  vectors: Float64Array[];
  options: ForgettingOptions;
  projected: boolean;
  onProgress?: (done: number) => void;
}): Promise<TaskBRun> {
  const { taskA, taskB, thetaA, vectors, options, projected } = input;
  const n = thetaA.length;
  const every = options.recordEvery ?? 1;
  const snapshots: Float32Array[] = [Float32Array.from(thetaA)];
  const steps: number[] = [0];
  const updateOverlap: number[] = [Number.NaN];
  let previous: Float32Array = Float32Array.from(thetaA);
  let overlapSum = 0;
  let updates = 0;
  const project = (v: Float64Array) => {
    for (const q of vectors) {
      let c = 0;
      for (let i = 0; i < n; i++) c += q[i] * v[i];
      for (let i = 0; i < n; i++) v[i] -= c * q[i];
    }
  };
  const run = await descend(thetaA, plainGradient(taskB), {
    optimizer: options.optimizer,
    steps: options.stepsB,
    signal: options.signal,
    onProgress: input.onProgress,
    project: projected ? project : undefined,
    observe: (step, params) => {
      const update = Float64Array.from(params, (p, i) => p - previous[i]);
      const share = overlap(vectors, update);
      if (Number.isFinite(share)) {
        overlapSum += share;
        updates++;
      }
      if (step % every === 0) {
        snapshots.push(params);
        steps.push(step);
        updateOverlap.push(share);
      }
      previous = params;
    },
  });
  // All recorded points at once: L_A and L_B in one batched pass each, H_A Δ in one batched product.
  const count = snapshots.length;
  const batch = new Float32Array(count * n);
  const deltas = new Float32Array(count * n);
  snapshots.forEach((params, r) => {
    batch.set(params, r * n);
    for (let i = 0; i < n; i++) deltas[r * n + i] = params[i] - thetaA[i];
  });
  const a = await taskA.evaluateBatch(batch, count);
  const b = await taskB.evaluateBatch(batch, count);
  const curved = await taskA.hvpBatch(thetaA, deltas, count);
  const { loss: start, grad } = await taskA.lossAndGrad(thetaA);
  const quadraticRise = new Float64Array(count);
  const predictedRise = new Float64Array(count);
  const cumulativeOverlap = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    let linear = 0;
    let quadratic = 0;
    for (let i = r * n; i < (r + 1) * n; i++) {
      linear += grad[i - r * n] * deltas[i];
      quadratic += deltas[i] * curved[i];
    }
    quadraticRise[r] = 0.5 * quadratic;
    predictedRise[r] = linear + 0.5 * quadratic;
    cumulativeOverlap[r] = overlap(vectors, deltas.subarray(r * n, (r + 1) * n));
  }
  return {
    projected,
    steps: Int32Array.from(steps),
    lossA: a.loss,
    lossB: b.loss,
    accuracyA: a.accuracy,
    measuredRise: Float64Array.from(a.loss, (loss) => loss - start),
    predictedRise,
    quadraticRise,
    cumulativeOverlap,
    updateOverlap: Float64Array.from(updateOverlap),
    meanUpdateOverlap: updates > 0 ? overlapSum / updates : Number.NaN,
    params: run.params,
    divergedAt: run.divergedAt,
  };
}

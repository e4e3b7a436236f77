/**
 * Everything shown about one point of parameter space, e.g. the point of a
 * slice a user clicked, θ = c + a d1 + b d2: its train and test loss and
 * accuracy, what the network predicts there over the input space, and the
 * extreme Hessian eigenvalues there (sharpness and the most negative
 * curvature) from a few dozen Hessian-vector products.
 */
import { lanczosExtremes } from '../math/krylov/lanczos';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import type { MlpObjective } from '../networks/objective';
import { curvatureOperator } from '../curvature/operators';
import { predictionGrid, type InputBox, type PredictionGrid } from './predictionGrid';
import type { PointCurvature, PointEvaluation } from '../spec/messages/landscape';

/** What a probe needs from an objective (MlpObjective provides it). */
export type ProbeObjective = Pick<MlpObjective, 'spec' | 'paramCount' | 'evaluateBatch' | 'predict' | 'hvpBatch' | 'gnvpBatch'>;

/** What to compute at the point besides its train loss, with progress and cancellation. */
export interface ProbeOptions extends LongRunOptions {
  /** The held-out objective, when there is one. */
  test?: ProbeObjective | null;
  /** Input range of the prediction grid (see inputBoxOf); no predictions when absent. */
  inputBox?: InputBox | null;
  /** Grid points per side of the prediction grid (default 96). */
  resolution?: number;
  /** Hessian-vector products for the extreme eigenvalues (default 30; 0 skips them). */
  eigenProducts?: number;
  /** Seed of Lanczos's start vector (default 0). */
  seed?: number;
}

/** Everything found at the probed point (null where not asked for or not possible). */
export interface ProbeResult {
  train: PointEvaluation;
  test: PointEvaluation | null;
  predictions: PredictionGrid | null;
  curvature: PointCurvature | null;
}

/**
 * Probes `point` with the train objective `train` (and `options.test`).
 * Progress counts steps: the evaluations, the prediction grid, and each
 * Hessian-vector product. Rejects with an AbortError when cancelled.
 */
export async function probeAt(train: ProbeObjective, point: Float32Array, options: ProbeOptions = {}): Promise<ProbeResult> {
  if (point.length !== train.paramCount) {
    throw new RangeError(`probeAt: the point has ${point.length} entries; the model has ${train.paramCount} parameters`);
  }
  const test = options.test ?? null;
  const eigenProducts = Math.min(options.eigenProducts ?? 30, train.paramCount);
  const box = options.inputBox ?? null;
  const total = 1 + (test ? 1 : 0) + (box ? 1 : 0) + eigenProducts;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);

  const evaluate = async (objective: ProbeObjective): Promise<PointEvaluation> => {
    throwIfAborted(options.signal);
    const { loss, accuracy } = await objective.evaluateBatch(point, 1);
    step();
    return { loss: loss[0], accuracy: accuracy === null ? null : accuracy[0] };
  };
  const trainEvaluation = await evaluate(train);
  const testEvaluation = test === null ? null : await evaluate(test);

  let predictions: PredictionGrid | null = null;
  if (box !== null) {
    predictions = await predictionGrid(train, point, box, options.resolution ?? 96, { signal: options.signal });
    step();
  }

  let curvature: PointCurvature | null = null;
  if (eigenProducts > 0) {
    const op = curvatureOperator(train, point, 'hessian');
    const result = await lanczosExtremes(op.matVec, op.n, {
      k: 1,
      which: 'both',
      maxIter: eigenProducts,
      tol: 1e-4,
      seed: options.seed ?? 0,
      signal: options.signal,
      onProgress: (products) => options.onProgress?.(done + products, total),
    });
    const { largest, smallest } = result;
    if (largest === undefined || smallest === undefined) throw new Error('Lanczos returned no Ritz values');
    curvature = {
      lambdaMax: largest.values[0],
      lambdaMin: smallest.values[0],
      residualMax: largest.residuals[0],
      residualMin: smallest.residuals[0],
      products: result.products,
      converged: result.converged,
    };
  }
  throwIfAborted(options.signal);
  return { train: trainEvaluation, test: testEvaluation, predictions, curvature };
}

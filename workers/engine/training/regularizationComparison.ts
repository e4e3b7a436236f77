/**
 * Plain training beside sharpness-aware minimisation and the trace penalty
 * (see `curvatureRegularization.ts`), all three from the same θ₀ with the
 * same optimizer and number of steps, and what each ends at: the top
 * Hessian eigenvalue λ_max and the trace tr ∇²L (exact from the dense
 * Hessian for small networks, else Lanczos and Hutch++), a 1-D slice
 * L(θ + α d) along one filter-normalised random direction (Li et al. 2018;
 * the same seeded draw for every run, normalised to each run's θ), and the
 * train and test loss and accuracy.
 */
import { extremeEigenvalues } from '../math/krylov/extremes';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import { hutchPlusPlusTrace } from '../math/krylov/trace';
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { linspace } from '../math/plane/grid';
import { Rng } from '../math/rng';
import { curvatureOperator } from '../curvature/operators';
import { filterNormalize } from '../landscape/filterNormalize';
import type { BuiltNetwork } from '../networks/build';
import { HessianQuadraticGradient } from '../networks/hessianQuadraticGradient';
import type { NetworkObjective } from '../networks/regularizedObjective';
import type { RuleConfig } from '../optimizers/optimizers';
import { curvatureRegularizedGradient, validateCurvatureRegularizer, type CurvatureRegularizer } from './curvatureRegularization';
import { descend } from './descent';
import { evaluateAt } from './evaluation';

/** λ_max and tr H at one θ. */
export interface FlatnessMeasurement {
  lambdaMax: number;
  trace: number;
  /** True when both come from the dense Hessian's eigenvalues. */
  exact: boolean;
  /** Hessian-vector products spent (P for the dense matrix). */
  products: number;
}

/** How flatness is measured. */
export interface FlatnessOptions {
  /** The dense Hessian is used up to this many parameters (default 400); beyond, Lanczos and Hutch++. */
  exactLimit?: number;
  /** Most products of the Lanczos run for λ_max (default 60). */
  maxProducts?: number;
  /** Products of the Hutch++ trace estimate (default 60). */
  traceBudget?: number;
  /** Seed of the Lanczos start and the Hutch++ probes. */
  seed?: number;
}

/** λ_max(∇²L(θ)) and tr ∇²L(θ): exact below `exactLimit` parameters, else estimated. */
export async function measureFlatness(
  objective: Pick<NetworkObjective, 'paramCount' | 'hvpBatch' | 'gnvpBatch' | 'fullHessian'>,
  params: Float32Array,
  options: FlatnessOptions = {},
): Promise<FlatnessMeasurement> {
  const n = objective.paramCount;
  if (n <= (options.exactLimit ?? 400)) {
    const eigenvalues = symmetricEigenvalues(await objective.fullHessian(params), n);
    return { lambdaMax: eigenvalues[0], trace: eigenvalues.reduce((s, v) => s + v, 0), exact: true, products: n };
  }
  const operator = curvatureOperator(objective, params, 'hessian');
  const seed = options.seed ?? 0;
  const top = await extremeEigenvalues(operator.matVec, n, { k: 1, maxProducts: options.maxProducts ?? 60, seed });
  const trace = await hutchPlusPlusTrace(operator.matVec, n, options.traceBudget ?? 60, { seed });
  return { lambdaMax: top.largest.values[0], trace: trace.estimate, exact: false, products: operator.products() };
}

/** The settings of a comparison. */
export interface RegularizationComparisonOptions extends LongRunOptions {
  optimizer: RuleConfig;
  /** Updates per run. */
  steps: number;
  /** SAM's radius ρ > 0. */
  samRho: number;
  /** The trace penalty's weight μ and its probes per step. */
  tracePenalty: { weight: number; probes: number };
  /** Seed of the penalty's probes, the slice direction and the measurements. */
  seed: number;
  /** Slice coordinates α from −radius to radius (default 1). */
  sliceRadius?: number;
  /** Slice points (default 21). */
  slicePoints?: number;
  flatness?: FlatnessOptions;
}

/** Where one run ended. */
export interface RegularizedRunSummary {
  regularizer: CurvatureRegularizer;
  /** L_t of each update (without the penalty). */
  losses: Float64Array;
  /** The penalty of each update (SAM: L(θ + ε̂) − L(θ); trace: μ·tr estimate). */
  penalties: Float64Array;
  /** The final parameters. */
  params: Float32Array;
  flatness: FlatnessMeasurement;
  /** L(θ + α_i d) at the comparison's `sliceAlphas`. */
  slice: Float32Array;
  trainLoss: number;
  trainAccuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  /** Gradient evaluations and third-order passes the run spent. */
  evaluations: number;
  divergedAt: number | null;
}

/** The three runs of a comparison, in the order plain, SAM, trace penalty. */
export interface RegularizationComparison {
  runs: RegularizedRunSummary[];
  sliceAlphas: Float64Array;
}

/**
 * Trains `network` from its θ₀ three times (plain, SAM with ρ, trace
 * penalty with μ) and measures each end point. Progress: (steps done over
 * all runs, 3 · steps); cancellation between steps.
 */
export async function compareCurvatureRegularization(
  network: BuiltNetwork,
  options: RegularizationComparisonOptions,
): Promise<RegularizationComparison> {
  const regularizers: CurvatureRegularizer[] = [
    { kind: 'none' },
    { kind: 'sam', rho: options.samRho },
    { kind: 'tracePenalty', ...options.tracePenalty },
  ];
  regularizers.forEach(validateCurvatureRegularizer);
  const sliceAlphas = linspace(-(options.sliceRadius ?? 1), options.sliceRadius ?? 1, options.slicePoints ?? 21);
  const objective = network.objective;
  const curvature = new HessianQuadraticGradient(network.spec, network.train);
  const draw = Rng.derive(options.seed, 'regularization-slice').fillNormal(new Float32Array(objective.paramCount));
  const runs: RegularizedRunSummary[] = [];
  try {
    for (const [index, regularizer] of regularizers.entries()) {
      throwIfAborted(options.signal);
      const rule = curvatureRegularizedGradient(regularizer, objective, { curvature, seed: options.seed });
      const onProgress = options.onProgress;
      const run = await descend(network.initialParams, rule, {
        optimizer: options.optimizer,
        steps: options.steps,
        signal: options.signal,
        onProgress: onProgress && ((done) => onProgress(index * options.steps + done, 3 * options.steps)),
      });
      const flatness = await measureFlatness(objective, run.params, { seed: options.seed, ...options.flatness });
      const direction = filterNormalize(network.spec, draw, run.params);
      const slice = (await objective.evaluatePlane(run.params, direction, null, sliceAlphas, sliceAlphas.length)).loss;
      const [evaluation] = await evaluateAt(network, [run.params]);
      runs.push({
        regularizer,
        losses: run.losses,
        penalties: run.penalties,
        params: run.params,
        flatness,
        slice,
        trainLoss: evaluation.trainLoss,
        trainAccuracy: evaluation.trainAccuracy,
        testLoss: evaluation.testLoss,
        testAccuracy: evaluation.testAccuracy,
        evaluations: run.evaluations,
        divergedAt: run.divergedAt,
      });
    }
  } finally {
    curvature.dispose();
  }
  return { runs, sliceAlphas };
}

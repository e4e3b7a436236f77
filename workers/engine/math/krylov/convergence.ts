/**
 * Power iteration against Lanczos: how many products each needs for the top
 * eigenvalue, for benchmarks and for showing why Lanczos is the default.
 * Lanczos's estimate after m products is the largest eigenvalue of T_m,
 * power iteration's the Rayleigh quotient vᵀ A v of its current iterate;
 * power iteration needs about log(1/tol) / log(|λ₁/λ₂|) products, Lanczos
 * roughly the square root of that in the hard cases.
 */
import { CountedOperator, type LongRunOptions, type MatVec } from './operator';
import { runLanczos, tridiagonalOf } from './lanczosProcess';
import { lanczosExtremes } from './lanczos';
import { powerIteration } from './power';
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { Rng } from '../rng';

/** The budget and the common seed of a comparison. */
interface RaceOptions extends LongRunOptions {
  /** Give up after this many products per method. */
  maxProducts?: number;
  /** Seed of the common start vector (default 0). */
  seed?: number;
}

/** The accuracy aimed at, the budget and the common seed of the race to a known value. */
export interface AccuracyRaceOptions extends RaceOptions {
  /** Relative error aimed at, |estimate − reference| ≤ relTol · |reference| (default 1e-3). */
  relTol?: number;
}

/** Products each method needed (null: not reached within maxProducts). */
export interface AccuracyRace {
  lanczos: number | null;
  power: number | null;
}

/**
 * Products until the top-eigenvalue estimate of each method first comes
 * within relTol of `reference` (the largest eigenvalue, which should also
 * be the largest in magnitude for power iteration to aim at it). Both
 * methods start from the same seeded Gaussian vector. Default budget 500.
 */
export async function productsToAccuracy(
  matVec: MatVec,
  n: number,
  reference: number,
  options: AccuracyRaceOptions = {},
): Promise<AccuracyRace> {
  const relTol = options.relTol ?? 1e-3;
  const maxProducts = options.maxProducts ?? 500;
  const close = (estimate: number) => Math.abs(estimate - reference) <= relTol * Math.abs(reference);
  const start = Rng.derive(options.seed ?? 0, 'accuracy-race').fillNormal(new Float64Array(n));

  let lanczos: number | null = null;
  const op = new CountedOperator(matVec, n, options.signal);
  await runLanczos(op, start, Math.min(n, maxProducts), {
    breakdown: { kind: 'stop' },
    afterStep: (state) => {
      const { alpha, beta } = tridiagonalOf(state);
      const { values } = tridiagonalEigenComponents(alpha, beta, 0);
      if (close(values[0])) lanczos = state.basis.length;
      return lanczos !== null;
    },
  });

  let power: number | null = null;
  await powerIteration(matVec, n, {
    initial: start,
    tol: 0,
    maxIter: maxProducts,
    signal: options.signal,
    stopWhen: (value, products) => {
      if (close(value)) power = products;
      return power !== null;
    },
  });
  return { lanczos, power };
}

/** Products each method needed to bring its estimate of the dominant eigenvalue to a relative residual. */
export interface PowerComparison {
  /** The relative residual aimed at, ‖A v − θ v‖ ≤ tol · |θ|. */
  tol: number;
  power: { value: number; products: number; converged: boolean };
  lanczos: { value: number; products: number; converged: boolean };
}

/**
 * Power iteration and Lanczos (largest end) run to the same stopping rule,
 * ‖A v − θ v‖ ≤ tol · |θ| (default tol 1e-3, budget 1000), from the same
 * seed. Power iteration finds the eigenvalue of largest magnitude — for a
 * Hessian near a minimum that is λ_max. Progress: (products, 2 · maxProducts).
 */
export async function comparePowerIteration(
  matVec: MatVec,
  n: number,
  options: RaceOptions & { tol?: number } = {},
): Promise<PowerComparison> {
  const tol = options.tol ?? 1e-3;
  const maxIter = options.maxProducts ?? 1000;
  const seed = options.seed ?? 0;
  const onProgress = options.onProgress;
  const power = await powerIteration(matVec, n, {
    tol,
    maxIter,
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(done, 2 * maxIter)),
  });
  const lanczos = await lanczosExtremes(matVec, n, {
    k: 1,
    which: 'largest',
    tol,
    maxProducts: Math.min(n, maxIter),
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(maxIter + done, 2 * maxIter)),
  });
  return {
    tol,
    power: { value: power.value, products: power.products, converged: power.converged },
    lanczos: { value: lanczos.largest?.values[0] ?? Number.NaN, products: lanczos.products, converged: lanczos.converged },
  };
}

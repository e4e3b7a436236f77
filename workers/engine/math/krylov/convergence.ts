/**
 * How many products Lanczos and power iteration need before their estimate
 * of the top eigenvalue is within a relative error of a known value (for
 * benchmarks and for showing why Lanczos is the default): Lanczos's
 * estimate after m products is the largest eigenvalue of T_m, power
 * iteration's is the Rayleigh quotient vᵀ A v of its current iterate.
 */
import { CountedOperator, type LongRunOptions, type MatVec } from './operator';
import { runLanczos } from './lanczosProcess';
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { dot, norm2, scaleInPlace } from '../linalg/vectorOps';
import { Rng } from '../rng';

/** The accuracy aimed at, the budget and the common seed of the race. */
export interface AccuracyRaceOptions extends LongRunOptions {
  /** Relative error aimed at, |estimate − reference| ≤ relTol · |reference| (default 1e-3). */
  relTol?: number;
  /** Give up after this many products per method (default 500). */
  maxProducts?: number;
  /** Seed of the common start vector (default 0). */
  seed?: number;
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
 * methods start from the same seeded Gaussian vector.
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
      const { values } = tridiagonalEigenComponents(Float64Array.from(state.alpha), Float64Array.from(state.beta), 0);
      if (close(values[0])) lanczos = state.alpha.length;
      return lanczos !== null;
    },
  });

  // Power iteration, v ← A v / ‖A v‖: its estimate after t products is the
  // Rayleigh quotient vᵀ A v of the iterate the t-th product was applied to.
  let power: number | null = null;
  const powerOp = new CountedOperator(matVec, n, options.signal);
  let v = scaleInPlace(1 / norm2(start), Float64Array.from(start));
  while (power === null && powerOp.products < maxProducts) {
    const product = await powerOp.apply(v);
    if (close(dot(v, product))) power = powerOp.products;
    v = scaleInPlace(1 / norm2(product), product);
  }
  return { lanczos, power };
}

/**
 * Power iteration, the simplest eigen-solver, kept for comparison with
 * Lanczos: v ← (A − σI) v / ‖(A − σI) v‖ converges to the eigenvector of the
 * eigenvalue λ with the largest |λ − σ|, with error shrinking like
 * (|λ₂ − σ| / |λ₁ − σ|)^t after t products: slow when that ratio is near 1,
 * where Lanczos needs roughly its square root as many products.
 */
import { axpy, dot, norm2, scaleInPlace } from '../linalg/vectorOps';
import { CountedOperator, resolveRng, type IterationOutcome, type LongRunOptions, type MatVec, type RandomSource } from './operator';

/** Options of power iteration. */
export interface PowerOptions extends LongRunOptions, RandomSource {
  /** Most products (default 1000). */
  maxIter?: number;
  /**
   * Stop when ‖A v − θ v‖ ≤ tol · max(|θ|, |shift|) (default 1e-6), θ = vᵀ A v
   * the Rayleigh quotient; the shift enters the scale so that an eigenvalue
   * near zero at the far end of a shifted run can still converge.
   */
  tol?: number;
  /** Iterate on A − shift·I (default 0). */
  shift?: number;
  /** Start vector (warm start); random normal when absent. */
  initial?: Float64Array;
  /**
   * Called after each product with the Rayleigh quotient θ = vᵀ A v of the
   * iterate the product was applied to and the products so far; returning
   * true stops the iteration there (e.g. once θ is close to a known value).
   */
  stopWhen?: (value: number, products: number) => boolean;
}

/** One eigenpair estimate from power iteration: θ = vᵀ A v of A itself (the shift removed), the unit v, and ‖A v − θ v‖. */
export interface PowerResult extends IterationOutcome {
  value: number;
  vector: Float64Array;
  residual: number;
}

/**
 * Power iteration on A − shift·I: the eigenpair of A whose eigenvalue is
 * farthest from `shift` (with shift 0, the largest |λ|). Every iteration uses
 * one product A v, from which both the next iterate (A v − σ v) and the
 * convergence test ‖A v − θ v‖ are formed. Progress: (products, maxIter).
 */
export async function powerIteration(matVec: MatVec, n: number, options: PowerOptions = {}): Promise<PowerResult> {
  const maxIter = options.maxIter ?? 1000;
  const tol = options.tol ?? 1e-6;
  const shift = options.shift ?? 0;
  const op = new CountedOperator(matVec, n, options.signal);
  const start = options.initial ?? resolveRng(options, 'power').fillNormal(new Float64Array(n));
  if (start.length !== n) throw new RangeError(`initial vector has ${start.length} entries, expected ${n}`);
  const startNorm = norm2(start);
  if (!(startNorm > 0)) throw new RangeError('power iteration needs a non-zero start vector');

  let v = scaleInPlace(1 / startNorm, Float64Array.from(start));
  let value = 0;
  let residual = Infinity;
  let converged = false;
  for (let t = 1; t <= maxIter; t++) {
    const av = await op.apply(v);
    value = dot(v, av);
    const r = axpy(-value, v, Float64Array.from(av));
    residual = norm2(r);
    options.onProgress?.(t, maxIter);
    if (options.stopWhen?.(value, op.products)) break;
    if (residual <= tol * Math.max(Math.abs(value), Math.abs(shift))) {
      converged = true;
      break;
    }
    // The next iterate is (A − σI) v; when it vanishes, v lies in the eigenspace of σ itself.
    const next = axpy(-shift, v, av);
    const nextNorm = norm2(next);
    if (nextNorm === 0) break;
    v = scaleInPlace(1 / nextNorm, next);
  }
  return { value, vector: v, residual, converged, iterations: op.products, products: op.products };
}

/**
 * Both ends of the spectrum from two power iterations: `dominant` (largest
 * |λ|, no shift) and `opposite` (shifted by the dominant eigenvalue), the
 * algebraically largest and smallest estimates, and the products of both runs.
 */
export type PowerExtremesResult = Record<'dominant' | 'opposite', PowerResult> & Record<'largest' | 'smallest' | 'products', number>;

/**
 * The two extreme eigenvalues: power iteration for the dominant λ_d, then
 * power iteration on A − λ_d I, whose dominant eigenvalue is the other end of
 * the spectrum (every λ − λ_d has the same sign, the largest |λ − λ_d| being
 * at the opposite end). Progress: (products so far, 2·maxIter).
 */
export async function powerExtremes(matVec: MatVec, n: number, options: PowerOptions = {}): Promise<PowerExtremesResult> {
  const maxIter = options.maxIter ?? 1000;
  const onProgress = options.onProgress;
  const seed = options.seed ?? 0;
  const dominant = await powerIteration(matVec, n, {
    ...options,
    shift: 0,
    rng: options.rng,
    seed,
    onProgress: onProgress && ((done) => onProgress(done, 2 * maxIter)),
  });
  const opposite = await powerIteration(matVec, n, {
    ...options,
    shift: dominant.value,
    initial: undefined,
    seed: seed + 1,
    onProgress: onProgress && ((done) => onProgress(dominant.products + done, 2 * maxIter)),
  });
  return {
    dominant,
    opposite,
    largest: Math.max(dominant.value, opposite.value),
    smallest: Math.min(dominant.value, opposite.value),
    products: dominant.products + opposite.products,
  };
}

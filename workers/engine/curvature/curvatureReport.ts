/**
 * A curvature report at one parameter vector θ: the entry point a worker
 * wraps. Each part (exact spectrum, extreme eigenvalues, power-iteration
 * comparison, traces, spectral density, Gauss-Newton split, curvature
 * along a direction) is a separate call with its own progress and
 * cancellation, so a UI can run the cheap parts first and the exact
 * spectrum only on request. Exact spectra are kept once computed; they
 * then feed the density chart (exact histogram) and the exact read-outs.
 */
import type { LongRunOptions } from '../math/krylov/operator';
import { rayleighQuotient } from './rayleigh';
import { exactSpectrum, type DenseCurvatureModel, type ExactSpectrum } from './denseSpectrum';
import { MAX_EXACT_PARAMETERS } from '../spec/limits';
import { estimateExactCost, type ExactCostEstimate, type ExactCostOptions } from './exactCost';
import { deflatedSpectralDensity, type DeflatedDensity, type DeflatedSlqOptions } from '../math/krylov/deflatedSlq';
import { densityCurves, type DensityCurveOptions, type DensityCurves } from '../math/spectral/densityCurves';
import { comparePowerIteration, extremeEigenvalues, type ExtremeEigenvalues, type ExtremeOptions, type PowerComparison } from '../math/krylov/extremes';
import { curvatureOperator, type CurvatureMatrix, type CurvatureOperator } from './operators';
import { readoutsFromEstimates, readoutsFromSpectrum } from './readouts';
import type { CurvatureReadouts } from '../spec/messages/landscape';
import { estimatedFrobeniusSplit, exactSplit, type ExactSplit, type FrobeniusSplit } from './split';
import { traceEstimates, type TraceEstimates, type TraceOptions } from '../math/krylov/traceEstimates';

/** A spectral density: the quadrature it came from and the curves to draw. */
export interface SpectrumDensity {
  quadrature: DeflatedDensity;
  curves: DensityCurves;
}

/** Options of `density`. */
export type DensityOptions = Omit<DeflatedSlqOptions, 'rng' | 'seed'> & Omit<DensityCurveOptions, 'exactEigenvalues'>;

/** The split H = G + S: exact (both spectra) for P ≤ MAX_EXACT_PARAMETERS, otherwise Frobenius norms estimated from products. */
export type SplitReport = ({ method: 'exact' } & ExactSplit) | ({ method: 'estimated' } & FrobeniusSplit);

/** The last estimates of one matrix, for the estimated read-outs. */
interface Estimates {
  extremes?: ExtremeEigenvalues;
  trace?: TraceEstimates;
  density?: SpectrumDensity;
}

/** Curvature of a model's loss at θ (see the module comment). */
export class CurvatureReport {
  private readonly exact = new Map<CurvatureMatrix, ExactSpectrum>();
  private readonly estimates = new Map<CurvatureMatrix, Estimates>();
  private readonly operators = new Map<CurvatureMatrix, CurvatureOperator>();
  private readonly params: Float32Array;

  /**
   * @param model the objective (its train loss, usually)
   * @param params θ, length P; copied
   * @param seed every random vector of the report is derived from it
   */
  constructor(
    private readonly model: DenseCurvatureModel,
    params: Float32Array,
    readonly seed = 0,
  ) {
    if (params.length !== model.paramCount) {
      throw new RangeError(`CurvatureReport: θ has ${params.length} entries, the model ${model.paramCount}`);
    }
    this.params = Float32Array.from(params);
  }

  /** P. */
  get size(): number {
    return this.model.paramCount;
  }

  /** The matrix-free operator of `matrix` at θ (one per matrix, counting its products). */
  operator(matrix: CurvatureMatrix = 'hessian'): CurvatureOperator {
    let op = this.operators.get(matrix);
    if (op === undefined) {
      op = curvatureOperator(this.model, this.params, matrix);
      this.operators.set(matrix, op);
    }
    return op;
  }

  /** How long `exactSpectrum(matrix)` would take here (a few products and a small timed eigensolve). */
  estimateExactCost(matrix: CurvatureMatrix = 'hessian', options: ExactCostOptions = {}): Promise<ExactCostEstimate> {
    return estimateExactCost(this.model, this.params, matrix, options);
  }

  /** Every eigenvalue of `matrix` (P ≤ MAX_EXACT_PARAMETERS), computed once and kept. */
  async exactSpectrum(matrix: CurvatureMatrix = 'hessian', options: LongRunOptions = {}): Promise<ExactSpectrum> {
    const known = this.exact.get(matrix);
    if (known !== undefined) return known;
    const spectrum = await exactSpectrum(this.model, this.params, matrix, options);
    this.exact.set(matrix, spectrum);
    return spectrum;
  }

  /** The k largest and k smallest eigenvalues by Lanczos (both ends from one Krylov space). */
  async extremes(matrix: CurvatureMatrix = 'hessian', options: ExtremeOptions = {}): Promise<ExtremeEigenvalues> {
    const op = this.operator(matrix);
    const result = await extremeEigenvalues(op.matVec, op.n, { seed: this.seed, ...options });
    this.remember(matrix, { extremes: result });
    return result;
  }

  /** Products power iteration and Lanczos each need for the dominant eigenvalue to a relative residual (default 1e-3). */
  powerComparison(
    matrix: CurvatureMatrix = 'hessian',
    options: LongRunOptions & { tol?: number; maxProducts?: number } = {},
  ): Promise<PowerComparison> {
    const op = this.operator(matrix);
    return comparePowerIteration(op.matVec, op.n, { seed: this.seed, ...options });
  }

  /** Hutchinson and Hutch++ estimates of tr(matrix) with standard errors. */
  async trace(matrix: CurvatureMatrix = 'hessian', options: TraceOptions = {}): Promise<TraceEstimates> {
    const op = this.operator(matrix);
    const result = await traceEstimates(op.matVec, op.n, { seed: this.seed, batch: op.batch, ...options });
    this.remember(matrix, { trace: result });
    return result;
  }

  /**
   * The spectral density by deflated SLQ and its curves (linear and symlog
   * axes, semicircle and Marchenko–Pastur references; the exact histogram
   * when the exact spectrum of `matrix` has been computed).
   */
  async density(matrix: CurvatureMatrix = 'hessian', options: DensityOptions = {}): Promise<SpectrumDensity> {
    const op = this.operator(matrix);
    const quadrature = await deflatedSpectralDensity(op.matVec, op.batch, op.n, { ...options, seed: this.seed });
    const curves = densityCurves(quadrature.nodes, quadrature.weights, {
      ...options,
      exactEigenvalues: this.exact.get(matrix)?.eigenvalues,
    });
    const result = { quadrature, curves };
    this.remember(matrix, { density: result });
    return result;
  }

  /**
   * H = G + S: for P ≤ MAX_EXACT_PARAMETERS the exact spectra of G and S and ‖S‖_F / ‖H‖_F
   * (reusing exact Hessian and Gauss-Newton matrices already computed);
   * otherwise ‖S‖_F / ‖H‖_F by Hutchinson on S² and H².
   */
  async split(options: LongRunOptions & { probes?: number } = {}): Promise<SplitReport> {
    if (this.size > MAX_EXACT_PARAMETERS) {
      return { method: 'estimated', ...(await estimatedFrobeniusSplit(this.model, this.params, { seed: this.seed, ...options })) };
    }
    const onProgress = options.onProgress;
    const hessian = await this.exactSpectrum('hessian', {
      signal: options.signal,
      onProgress: onProgress && ((done, total) => onProgress(done, 2 * total)),
    });
    const gaussNewton = await this.exactSpectrum('gaussNewton', {
      signal: options.signal,
      onProgress: onProgress && ((done, total) => onProgress(total + done, 2 * total)),
    });
    return { method: 'exact', ...exactSplit(hessian.dense, gaussNewton.dense, this.size) };
  }

  /**
   * λ_max, λ_min, condition numbers, saddle index and trace of `matrix`:
   * exact when its exact spectrum is known; otherwise from the latest
   * `extremes` and `trace` results (and `density` for the saddle index);
   * null when neither is available.
   */
  readouts(matrix: CurvatureMatrix = 'hessian'): CurvatureReadouts | null {
    const exact = this.exact.get(matrix);
    if (exact !== undefined) return readoutsFromSpectrum(exact.eigenvalues);
    const { extremes, trace, density } = this.estimates.get(matrix) ?? {};
    if (extremes === undefined || trace === undefined) return null;
    return readoutsFromEstimates({
      lambdaMax: extremes.largest.values[0],
      lambdaMin: extremes.smallest.values[0],
      trace: trace.hutchPlusPlus.estimate,
      negativeWeight: density?.curves.negativeWeight,
    });
  }

  /**
   * dᵀ A d / dᵀ d: the curvature of the loss along d (its second derivative
   * along the unit vector d/‖d‖), e.g. along a slice's d1 and d2. One product.
   */
  async curvatureAlong(direction: ArrayLike<number>, matrix: CurvatureMatrix = 'hessian'): Promise<number> {
    if (direction.length !== this.size) {
      throw new RangeError(`curvatureAlong: the direction has ${direction.length} entries, θ has ${this.size}`);
    }
    return rayleighQuotient(this.operator(matrix).matVec, Float64Array.from(direction));
  }

  private remember(matrix: CurvatureMatrix, update: Estimates): void {
    this.estimates.set(matrix, { ...this.estimates.get(matrix), ...update });
  }
}

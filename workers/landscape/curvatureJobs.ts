/**
 * Curvature reports at a parameter vector (a run's latest parameters, or a
 * probed point of the slice): for the Hessian and/or the Gauss-Newton
 * matrix, the extreme eigenvalues (Lanczos), the trace (Hutchinson and
 * Hutch++), the spectral density (deflated SLQ, smoothed, with random-matrix
 * references), every eigenvalue on request (P ≤ MAX_EXACT_PARAMETERS), the curvature along
 * the slice's directions and ‖S‖/‖H‖ for H = G + S.
 *
 * Reports are kept per parameter vector (by the caller's key), so asking
 * again — for the exact spectrum after the estimates, or with another
 * smoothing — reuses what was computed.
 */
import type { CurvatureSettings } from '../engine/spec/landscapeSettings';
import { symlog } from '../engine/math/spectral/symlog';
import { CurvatureReport } from '../engine/curvature/curvatureReport';
import { densityCurves } from '../engine/math/spectral/densityCurves';
import { MAX_EXACT_PARAMETERS } from '../engine/spec/limits';
import { estimatedFrobeniusSplit } from '../engine/curvature/split';
import type { LandscapeJobs, Progress } from './landscapeJobs';
import type { CurvatureMatrixName, CurvatureSummary, DensitySummary, ExactEstimate, MatrixCurvature, TraceSummary } from '../engine/spec/messages/landscape';
import { EXTREME_BLOCK_SIZE } from '../engine/math/krylov/lanczos';
import type { TraceEstimate } from '../engine/math/krylov/trace';
import type { DeflatedDensity } from '../engine/math/krylov/deflatedSlq';

/** Lanczos' product cap: this many per wanted eigenvalue and block column (a clustered end may need them all). */
const LANCZOS_PRODUCTS_PER_WANTED = 20;

/** A parameter vector with the caller's name for it (equal names must mean equal vectors). */
export interface CurvatureTarget {
  key: string;
  params: Float32Array;
}

/** Probes of the estimated ‖S‖_F / ‖H‖_F. */
const SPLIT_PROBES = 16;

/** Reports kept at once (each may hold two dense P×P matrices). */
const MAX_REPORTS = 4;

/** The engine matrices of a setting: 'both' is the Hessian and the Gauss-Newton matrix. */
export function matricesOf(choice: CurvatureSettings['matrix']): CurvatureMatrixName[] {
  if (choice === 'hessian') return ['hessian'];
  if (choice === 'gauss-newton') return ['gaussNewton'];
  return ['hessian', 'gaussNewton'];
}

/** Weighted stages of one job reported as a single fraction of products. */
class StagedProgress {
  private finished = 0;
  constructor(
    private readonly total: number,
    private readonly report?: Progress,
  ) {}

  /** The progress callback of a stage planned at `weight` products. */
  stage(weight: number): Progress {
    const base = this.finished;
    this.finished += weight;
    return (done, planned) => this.report?.(base + (weight * Math.min(done, planned)) / Math.max(planned, 1), this.total);
  }
}

/**
 * Whether `matrix` is positive semi-definite whatever θ: the Gauss-Newton
 * matrix G = Jᵀ H_L J is, since the losses' Hessians H_L in the network's
 * outputs are (MSE: 2I/N; sigmoid and softmax cross-entropy: diag(p) − ppᵀ)
 * and L2 weight decay adds λI with λ ≥ 0. The Hessian and the remainder
 * S = H − G are indefinite in general.
 */
export function knownPositiveSemidefinite(matrix: CurvatureMatrixName): boolean {
  return matrix === 'gaussNewton';
}

/** Curvature reports at parameter vectors of the landscape's network, one cancellable job at a time (see the module comment). */
export class CurvatureJobs {
  private readonly reports = new Map<string, CurvatureReport>();
  private generation = -1;

  constructor(private readonly landscape: LandscapeJobs) {}

  /** The predicted seconds of the exact spectra of `settings`' matrices at `target`. */
  async estimateExact(target: CurvatureTarget, settings: CurvatureSettings): Promise<ExactEstimate> {
    const report = this.reportFor(target, settings.seed);
    let seconds = 0;
    for (const matrix of matricesOf(settings.matrix)) seconds += (await report.estimateExactCost(matrix)).totalMs / 1000;
    return { key: target.key, size: report.size, feasible: report.size <= MAX_EXACT_PARAMETERS, seconds };
  }

  /**
   * The curvature report of `settings` at `target`; with `exact`, every
   * eigenvalue too (refused beyond P = MAX_EXACT_PARAMETERS). Cancels a curvature job still
   * running; rejects with an AbortError when cancelled.
   */
  async compute(target: CurvatureTarget, settings: CurvatureSettings, exact: boolean, onProgress?: Progress): Promise<CurvatureSummary> {
    const signal = this.landscape.jobs.start('curvature');
    try {
      const started = performance.now();
      const report = this.reportFor(target, settings.seed);
      const size = report.size;
      if (exact && size > MAX_EXACT_PARAMETERS) {
        throw new RangeError(`the exact spectrum is offered up to ${MAX_EXACT_PARAMETERS} parameters; this network has ${size}`);
      }
      const matrices = matricesOf(settings.matrix);
      const lanczosBudget = Math.min(size, LANCZOS_PRODUCTS_PER_WANTED * (settings.k + EXTREME_BLOCK_SIZE));
      const densityBudget = settings.densityBudget;
      const perMatrix = lanczosBudget + 2 * settings.traceBudget + densityBudget + (exact ? size : 0);
      const withSplit = matrices.includes('gaussNewton');
      const progress = new StagedProgress(matrices.length * perMatrix + (withSplit && !exact ? 2 * SPLIT_PROBES : 0), onProgress);
      const directions = this.landscape.sliceDirections();

      const results: MatrixCurvature[] = [];
      for (const matrix of matrices) {
        const extremes = await report.extremes(matrix, { k: settings.k, maxProducts: lanczosBudget, signal, onProgress: progress.stage(lanczosBudget) });
        const trace = await report.trace(matrix, {
          hutchinsonBudget: settings.traceBudget,
          hutchPlusPlusBudget: settings.traceBudget,
          relativeTolerance: settings.relativeError,
          signal,
          onProgress: progress.stage(2 * settings.traceBudget),
        });
        // A report keeps an exact spectrum once computed (its read-outs then say 'exact'): show it again for free.
        const knownExactly = report.readouts(matrix)?.source === 'exact';
        const exactProgress = exact ? progress.stage(size) : undefined;
        const spectrum = exact || knownExactly ? await report.exactSpectrum(matrix, { signal, onProgress: exactProgress }) : null;
        const density = await report.density(matrix, {
          minRuns: Math.max(2, settings.slqRuns),
          steps: settings.slqSteps,
          relativeTolerance: settings.relativeError,
          budget: densityBudget,
          signal,
          onProgress: progress.stage(densityBudget),
        });
        const along: { label: string; value: number }[] = [];
        if (directions !== null) {
          along.push({ label: 'slice d1', value: await report.curvatureAlong(directions.d1, matrix) });
          if (directions.d2 !== null) along.push({ label: 'slice d2', value: await report.curvatureAlong(directions.d2, matrix) });
        }
        const readouts = report.readouts(matrix);
        if (readouts === null) throw new Error('the curvature read-outs need the extremes and the trace');
        results.push({
          matrix,
          readouts,
          largest: Array.from(extremes.largest.values),
          smallest: Array.from(extremes.smallest.values),
          largestErrors: Array.from(extremes.largest.errors),
          smallestErrors: Array.from(extremes.smallest.errors),
          lanczosProducts: extremes.products,
          converged: extremes.converged,
          trace: { hutchinson: traceSummary(trace.hutchinson), hutchPlusPlus: traceSummary(trace.hutchPlusPlus) },
          density: {
            ...smoothedDensity(
              density.quadrature.nodes,
              density.quadrature.weights,
              spectrum?.eigenvalues,
              settings.smoothing,
              density.quadrature.products,
              knownPositiveSemidefinite(matrix),
            ),
            ...densityEstimate(density.quadrature),
          },
          exact: spectrum === null ? null : Float64Array.from(spectrum.eigenvalues),
          along,
        });
      }

      let split: CurvatureSummary['split'] = null;
      if (withSplit) {
        if (exact) {
          const exactSplit = await report.split({ signal });
          split = { method: 'exact', residualShare: exactSplit.residualShare, residualShareError: exactSplit.residualShareError };
        } else {
          const estimate = await estimatedFrobeniusSplit(this.landscape.trainObjective(), target.params, {
            probes: SPLIT_PROBES,
            seed: settings.seed,
            signal,
            onProgress: progress.stage(2 * SPLIT_PROBES),
          });
          split = { method: 'estimated', residualShare: estimate.residualShare, residualShareError: estimate.residualShareError };
        }
      }
      return { key: target.key, size, matrices: results, split, elapsedMs: performance.now() - started };
    } finally {
      this.landscape.jobs.finish('curvature', signal);
    }
  }

  /** The kept report of `target` (a new one for a new key, seed or network). */
  private reportFor(target: CurvatureTarget, seed: number): CurvatureReport {
    if (this.generation !== this.landscape.networkGeneration) {
      this.reports.clear();
      this.generation = this.landscape.networkGeneration;
    }
    const key = `${target.key}|${seed}`;
    let report = this.reports.get(key);
    if (report === undefined) {
      report = new CurvatureReport(this.landscape.trainObjective(), target.params, seed);
      if (this.reports.size >= MAX_REPORTS) this.reports.delete(this.reports.keys().next().value as string);
      this.reports.set(key, report);
    }
    return report;
  }
}

/** The message form of a trace estimate. */
function traceSummary({ estimate, standardError, products, budget, stop }: TraceEstimate): TraceSummary {
  return { estimate, standardError, products, budget, stop };
}

/** The estimates of a density quadrature that its summary carries beside the curves. */
function densityEstimate(quadrature: DeflatedDensity): Omit<DensitySummary, keyof ReturnType<typeof smoothedDensity>> & { products: number } {
  return {
    products: quadrature.products,
    budget: quadrature.budget,
    stop: quadrature.stop,
    mean: quadrature.mean.estimate,
    meanStandardError: quadrature.mean.standardError,
    negativeWeightStandardError: quadrature.negativeMass.standardError,
    deflatedDimension: quadrature.deflatedDimension,
    runs: quadrature.runs,
  };
}

/**
 * The density Σ w_k δ(λ − θ_k) smoothed by a Gaussian of width
 * σ = smoothing · (λ_hi − λ_lo) over the nodes' (and exact eigenvalues')
 * range, on the linear axis and, with the same relative width, on the
 * symlog axis; with the semicircle and Marchenko–Pastur references. For a
 * positive semi-definite matrix (`nonNegative`) the smoothing is reflected
 * at 0, so no density lies below it.
 */
export function smoothedDensity(
  nodes: Float64Array,
  weights: Float64Array,
  exact: Float64Array | undefined,
  smoothing: number,
  products: number,
  nonNegative = false,
): Omit<DensitySummary, 'budget' | 'stop' | 'mean' | 'meanStandardError' | 'negativeWeightStandardError' | 'deflatedDimension' | 'runs'> {
  let lo = Infinity;
  let hi = -Infinity;
  let largest = 0;
  for (const values of exact ? [nodes, exact] : [nodes]) {
    for (const value of values) {
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
      largest = Math.max(largest, Math.abs(value));
    }
  }
  const scale = largest > 0 ? largest : 1;
  const linearScale = 1e-3 * scale;
  const sigma = Math.max(smoothing * (hi - lo), 1e-6 * scale);
  const sigmaY = Math.max(smoothing * (symlog(hi, linearScale) - symlog(lo, linearScale)), 1e-3);
  const curves = densityCurves(nodes, weights, { sigma, sigmaY, linearScale, exactEigenvalues: exact, nonNegative });
  return {
    linear: { grid: curves.grid, density: curves.density },
    symlog: { grid: curves.symlog.gridY, density: curves.symlog.density, linearScale: curves.symlog.linearScale },
    integral: curves.integral,
    negativeWeight: curves.negativeWeight,
    nonNegative: curves.nonNegative,
    semicircle: curves.variance > 0 ? curves.semicircle : null,
    marchenkoPastur: curves.marchenkoPastur?.density ?? null,
    products,
  };
}

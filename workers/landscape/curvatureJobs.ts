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
import type { CurvatureMatrixName, CurvatureSummary, DensitySummary, ExactEstimate, MatrixCurvature } from '../engine/spec/messages/landscape';

/** A parameter vector with the caller's name for it (equal names must mean equal vectors). */
export interface CurvatureTarget {
  key: string;
  params: Float32Array;
}

/** Deflating Lanczos steps of the density: enough to catch the outliers of a small network's Hessian. */
const DEFLATION_STEPS = 60;

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
      const lanczosBudget = Math.min(size, Math.max(60, 10 * settings.k));
      const densityBudget = Math.min(DEFLATION_STEPS, size) + settings.slqRuns * settings.slqSteps;
      const perMatrix = lanczosBudget + 2 * settings.traceBudget + densityBudget + (exact ? size : 0);
      const withSplit = matrices.includes('gaussNewton');
      const progress = new StagedProgress(matrices.length * perMatrix + (withSplit && !exact ? 2 * SPLIT_PROBES : 0), onProgress);
      const directions = this.landscape.sliceDirections();

      const results: MatrixCurvature[] = [];
      for (const matrix of matrices) {
        const extremes = await report.extremes(matrix, { k: settings.k, maxProducts: lanczosBudget, signal, onProgress: progress.stage(lanczosBudget) });
        const trace = await report.trace(matrix, {
          hutchinsonProbes: settings.traceBudget,
          hutchPlusPlusBudget: settings.traceBudget,
          signal,
          onProgress: progress.stage(2 * settings.traceBudget),
        });
        // A report keeps an exact spectrum once computed (its read-outs then say 'exact'): show it again for free.
        const knownExactly = report.readouts(matrix)?.source === 'exact';
        const exactProgress = exact ? progress.stage(size) : undefined;
        const spectrum = exact || knownExactly ? await report.exactSpectrum(matrix, { signal, onProgress: exactProgress }) : null;
        const density = await report.density(matrix, {
          runs: settings.slqRuns,
          steps: settings.slqSteps,
          deflationSteps: Math.min(DEFLATION_STEPS, size),
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
          lanczosProducts: extremes.products,
          converged: extremes.converged,
          trace: {
            hutchinson: { ...trace.hutchinson },
            hutchPlusPlus: { estimate: trace.hutchPlusPlus.estimate, standardError: trace.hutchPlusPlus.standardError, products: trace.hutchPlusPlus.products },
          },
          density: smoothedDensity(density.quadrature.nodes, density.quadrature.weights, spectrum?.eigenvalues, settings.smoothing, density.quadrature.products),
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

/**
 * The density Σ w_k δ(λ − θ_k) smoothed by a Gaussian of width
 * σ = smoothing · (λ_hi − λ_lo) over the nodes' (and exact eigenvalues')
 * range, on the linear axis and, with the same relative width, on the
 * symlog axis; with the semicircle and Marchenko–Pastur references.
 */
export function smoothedDensity(
  nodes: Float64Array,
  weights: Float64Array,
  exact: Float64Array | undefined,
  smoothing: number,
  products: number,
): DensitySummary {
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
  const curves = densityCurves(nodes, weights, { sigma, sigmaY, linearScale, exactEigenvalues: exact });
  return {
    linear: { grid: curves.grid, density: curves.density },
    symlog: { grid: curves.symlog.gridY, density: curves.symlog.density, linearScale: curves.symlog.linearScale },
    integral: curves.integral,
    negativeWeight: curves.negativeWeight,
    semicircle: curves.variance > 0 ? curves.semicircle : null,
    marchenkoPastur: curves.marchenkoPastur?.density ?? null,
    products,
  };
}

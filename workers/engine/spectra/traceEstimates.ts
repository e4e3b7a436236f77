/**
 * tr A from products only, by Hutchinson's estimator and by Hutch++, each
 * with its standard error, so the two can be shown side by side.
 */
import type { LongRunOptions, MatVec } from '../curvature/operator';
import { hutchPlusPlusTrace, hutchinsonTrace } from '../curvature/trace';

export interface TraceOptions extends LongRunOptions {
  /** Rademacher probes of the plain Hutchinson estimator (default 60). */
  hutchinsonProbes?: number;
  /** Product budget of Hutch++ (default 60, at least 3). */
  hutchPlusPlusBudget?: number;
  seed?: number;
}

/** One trace estimate. */
export interface TraceValue {
  estimate: number;
  /** Standard error from the spread of the probe terms (for Hutch++: of its deflated remainder). */
  standardError: number;
  products: number;
}

export interface TraceEstimates {
  hutchinson: TraceValue;
  hutchPlusPlus: TraceValue & { sketchRank: number };
}

/**
 * Hutchinson, E[zᵀ A z] = tr A with Rademacher z, and Hutch++ (a third of
 * the budget sketching the range of A, a third for its exact trace, a third
 * of Hutchinson probes on the deflated rest). Progress: (products, both
 * budgets together).
 */
export async function traceEstimates(matVec: MatVec, n: number, options: TraceOptions = {}): Promise<TraceEstimates> {
  const probes = options.hutchinsonProbes ?? 60;
  const budget = options.hutchPlusPlusBudget ?? 60;
  const seed = options.seed ?? 0;
  const total = probes + budget;
  const onProgress = options.onProgress;
  const hutchinson = await hutchinsonTrace(matVec, n, probes, {
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(done, total)),
  });
  const plusPlus = await hutchPlusPlusTrace(matVec, n, budget, {
    seed,
    signal: options.signal,
    onProgress: onProgress && ((done) => onProgress(probes + done, total)),
  });
  return {
    hutchinson: { estimate: hutchinson.estimate, standardError: hutchinson.standardError, products: hutchinson.products },
    hutchPlusPlus: {
      estimate: plusPlus.estimate,
      standardError: plusPlus.standardError,
      products: plusPlus.products,
      sketchRank: plusPlus.rank,
    },
  };
}

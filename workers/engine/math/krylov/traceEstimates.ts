/**
 * tr A from products only, by Hutchinson's estimator and by Hutch++, each
 * with its standard error, so the two can be shown side by side.
 */
import type { LongRunOptions, MatVec } from './operator';
import { hutchPlusPlusTrace, hutchinsonTrace, meanAndStandardError } from './trace';
import { Rng } from '../rng';
import { inLockstep } from './lockstep';
import type { BatchProduct } from './operator';

/** Probe counts, seed and (optionally) the batched product. */
export interface TraceOptions extends LongRunOptions {
  /** Rademacher probes of the plain Hutchinson estimator (default 60). */
  hutchinsonProbes?: number;
  /** Product budget of Hutch++ (default 60, at least 3). */
  hutchPlusPlusBudget?: number;
  seed?: number;
  /**
   * The operator's batched product: when given, Hutchinson's probes (which
   * are independent) are computed in batches of up to 16 (the same estimator,
   * its probes drawn from one seeded stream per batch lane).
   */
  batch?: BatchProduct;
}

/** Lanes of the batched Hutchinson estimator. */
const HUTCHINSON_LANES = 16;

/** One trace estimate. */
export interface TraceValue {
  estimate: number;
  /** Standard error from the spread of the probe terms (for Hutch++: of its deflated remainder). */
  standardError: number;
  products: number;
}

/** Both estimates of tr A. */
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
  const hutchinson =
    options.batch === undefined
      ? await hutchinsonTrace(matVec, n, probes, {
          seed,
          signal: options.signal,
          onProgress: onProgress && ((done) => onProgress(done, total)),
        })
      : await batchedHutchinson(options.batch, n, probes, seed, options.signal, onProgress && ((done) => onProgress(done, total)));
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

/**
 * Hutchinson's estimator with its probes split over up to 16 lanes run side
 * by side (`inLockstep`), so each step's products are one batched call: lane
 * ℓ takes ⌈probes/16⌉ or ⌊probes/16⌋ probes from its own stream derived from
 * the seed. `onProduct` is told the products done after each one.
 */
async function batchedHutchinson(
  batch: BatchProduct,
  n: number,
  probes: number,
  seed: number,
  signal: AbortSignal | undefined,
  onProduct?: (done: number) => void,
): Promise<TraceValue> {
  if (!Number.isInteger(probes) || probes < 1) throw new RangeError(`probes must be an integer ≥ 1, got ${probes}`);
  const lanes = Math.min(HUTCHINSON_LANES, probes);
  let done = 0;
  const perLane = await inLockstep(n, lanes, batch, async (matVec, lane) => {
    const count = Math.floor(probes / lanes) + (lane < probes % lanes ? 1 : 0);
    const rng = Rng.derive(seed, `hutchinson-lane-${lane}`);
    return (await hutchinsonTrace(matVec, n, count, { rng, signal, onProgress: () => onProduct?.(++done) })).samples;
  });
  const samples = new Float64Array(probes);
  let offset = 0;
  for (const terms of perLane) {
    samples.set(terms, offset);
    offset += terms.length;
  }
  const { mean, standardError } = meanAndStandardError(samples);
  return { estimate: mean, standardError, products: probes };
}

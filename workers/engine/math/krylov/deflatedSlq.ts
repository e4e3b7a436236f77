/**
 * Spectral density by stochastic Lanczos quadrature with Krylov deflation.
 *
 * Plain SLQ (density.ts) averages the Gauss quadratures of R
 * random probes; its mean is a Hutchinson estimate of tr A / n, whose
 * standard error is about √2 ‖A‖_F / (n √R). For a Hessian whose positive
 * and negative eigenvalues nearly cancel (‖A‖_F ≈ |tr A|) that is 100 % of
 * the mean for one probe and still ~30 % for ten.
 *
 * Deflation (as in Hutch++, Meyer et al. 2021, and the deflated density
 * estimators of Lin, Saad & Yang 2016) removes most of ‖A‖_F first: a
 * Lanczos run of m steps builds an orthonormal Krylov basis Q (n×m) and
 * T = Qᵀ A Q at one product per step. With P = I − QQᵀ,
 *   tr f(A) ≈ Σᵢ f(θᵢ) + tr f(P A P)   (θᵢ the eigenvalues of T),
 * exact when span(Q) is invariant under A and, for any Q, exact for
 * f(x) = x: the mean is tr T + tr(P A P), whatever Q is. The first part is
 * kept exactly (a point mass 1/n at each Ritz value θᵢ); only the second
 * is estimated, by SLQ on P A P with probes P z, whose Hutchinson error
 * scales with ‖P A P‖_F, which the Krylov space (catching the extreme,
 * heavy eigenvalues first) makes much smaller than ‖A‖_F.
 *
 * The remainder runs are independent, so they advance side by side and
 * their products are computed in batches (see `inLockstep`).
 */
import { CountedOperator, resolveRng, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { runLanczos } from './lanczosProcess';
import { meanAndStandardError } from './trace';
import { orthogonalizeAgainst } from '../linalg/vectorOps';
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { Rng } from '../rng';
import { inLockstep } from './lockstep';
import type { BatchProduct } from './operator';

/** Sizes of the deflating run and of the remainder's probes. */
export interface DeflatedSlqOptions extends LongRunOptions, RandomSource {
  /** Lanczos steps of the deflating run, m (default min(n, 120)); 0 gives plain SLQ. */
  deflationSteps?: number;
  /** Probes of the remainder, R (default 10). */
  runs?: number;
  /** Lanczos steps per remainder probe (default 30, at most n − m). */
  steps?: number;
}

/** A discrete spectral density with the estimates it implies. */
export interface DeflatedDensity {
  /** Ritz values: the m of the deflating run, then those of every remainder run. */
  nodes: Float64Array;
  /** Non-negative, summing to 1: 1/n for each deflated Ritz value, (n − m)/(n R)·s₁ₖ² for the remainder's. */
  weights: Float64Array;
  /** m, the dimension of the deflated Krylov space (smaller if A's Krylov space filled up early). */
  deflatedDimension: number;
  /** R, the remainder probes (0 when the Krylov space is all of ℝⁿ). */
  runs: number;
  /** tr Qᵀ A Q = tr T, exact. */
  deflatedTrace: number;
  /** The Hutchinson estimate of tr(P A P) = (n − m) · mean of vᵀ A v over the unit remainder probes v. */
  remainderTrace: number;
  /** deflatedTrace + remainderTrace: the density's mean times n. */
  traceEstimate: number;
  /** Standard error of traceEstimate (from the spread of the remainder probes; 0 if there are fewer than 2). */
  traceStandardError: number;
  /** Operator products used: m + R·steps (fewer where a run ended early). */
  products: number;
}

const DEFAULT_DEFLATION_STEPS = 120;
const DEFAULT_RUNS = 10;
const DEFAULT_STEPS = 30;

/**
 * The spectral density of the symmetric n×n operator given by `matVec` (one
 * vector) and `batch` (many vectors at once), deflated by an m-step Krylov
 * space (see the module comment). Progress: (products, m + R·steps).
 * Rejects with an AbortError when `signal` fires, before the next product.
 */
export async function deflatedSpectralDensity(
  matVec: MatVec,
  batch: BatchProduct,
  n: number,
  options: DeflatedSlqOptions = {},
): Promise<DeflatedDensity> {
  const requestedSteps = options.deflationSteps ?? DEFAULT_DEFLATION_STEPS;
  const runs = options.runs ?? DEFAULT_RUNS;
  const requestedRemainderSteps = options.steps ?? DEFAULT_STEPS;
  for (const [name, value, least] of [
    ['deflationSteps', requestedSteps, 0],
    ['runs', runs, 1],
    ['steps', requestedRemainderSteps, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be an integer ≥ ${least}, got ${value}`);
  }
  const deflationSteps = Math.min(requestedSteps, n);
  const remainderSteps = Math.min(requestedRemainderSteps, n - deflationSteps);
  const planned = deflationSteps + (remainderSteps > 0 ? runs * remainderSteps : 0);
  const rng = resolveRng(options, 'deflated-slq');
  let productsDone = 0;
  const report = () => options.onProgress?.(productsDone, planned);

  // The deflating run. A breakdown (invariant subspace) restarts with a fresh
  // orthogonal vector, so the basis keeps growing to the size asked for.
  let basis: Float64Array[] = [];
  let ritzValues: Float64Array = new Float64Array(0);
  if (deflationSteps > 0) {
    const op = new CountedOperator(matVec, n, options.signal);
    const state = await runLanczos(op, rng.fillNormal(new Float64Array(n)), deflationSteps, {
      breakdown: { kind: 'restart', rng },
      afterStep: () => {
        productsDone++;
        report();
        return false;
      },
    });
    basis = state.basis;
    ritzValues = tridiagonalEigenComponents(Float64Array.from(state.alpha), Float64Array.from(state.beta), 0).values;
  }
  const m = basis.length;
  let deflatedTrace = 0;
  for (const theta of ritzValues) deflatedTrace += theta;

  const nodes: number[] = Array.from(ritzValues);
  const weights: number[] = nodes.map(() => 1 / n);
  const remainderDimension = n - m;
  let remainderTrace = 0;
  let traceStandardError = 0;
  let usedRuns = 0;
  if (remainderDimension > 0 && remainderSteps > 0) {
    usedRuns = runs;
    // v ↦ P A P v with P = I − QQᵀ: the operator restricted to span(Q)^⊥.
    const deflate = (v: Float64Array) => (m > 0 ? orthogonalizeAgainst(v, basis) : v);
    const seed = rng.nextUint32();
    const quadratures = await inLockstep(n, runs, batch, async (lockstepMatVec, r) => {
      const deflated: MatVec = async (v) => deflate(await lockstepMatVec(deflate(Float64Array.from(v))));
      const op = new CountedOperator(deflated, n, options.signal);
      const probe = deflate(Rng.derive(seed, `remainder-probe-${r}`).fillRademacher(new Float64Array(n)));
      const state = await runLanczos(op, probe, remainderSteps, {
        breakdown: { kind: 'stop' },
        afterStep: () => {
          productsDone++;
          report();
          return false;
        },
      });
      const quadrature = tridiagonalEigenComponents(Float64Array.from(state.alpha), Float64Array.from(state.beta), 0);
      return { ...quadrature, firstAlpha: state.alpha[0] };
    });
    const share = remainderDimension / (n * runs);
    const probeTraces = new Float64Array(runs);
    quadratures.forEach(({ values, components, firstAlpha }, r) => {
      for (let k = 0; k < values.length; k++) {
        nodes.push(values[k]);
        weights.push(share * components[k] * components[k]);
      }
      // α₁ = vᵀ (P A P) v for the unit probe v: one Hutchinson term of tr(PAP)/(n − m).
      probeTraces[r] = remainderDimension * firstAlpha;
    });
    const stats = meanAndStandardError(probeTraces);
    remainderTrace = stats.mean;
    traceStandardError = stats.standardError;
  }
  return {
    nodes: Float64Array.from(nodes),
    weights: Float64Array.from(weights),
    deflatedDimension: m,
    runs: usedRuns,
    deflatedTrace,
    remainderTrace,
    traceEstimate: deflatedTrace + remainderTrace,
    traceStandardError,
    products: productsDone,
  };
}

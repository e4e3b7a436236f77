/**
 * Spectral density by stochastic Lanczos quadrature (Ubaru, Chen & Saad
 * 2017; Ghorbani, Krishnan & Xiao 2019) with Krylov deflation, to a
 * requested accuracy of its mean.
 *
 * The spectral density φ(t) = (1/n) Σᵢ δ(t − λᵢ) satisfies, for a random
 * unit probe v, E[vᵀ f(A) v] = (1/n) tr f(A) = ∫ f dφ; m Lanczos steps from
 * v give the m-point Gauss quadrature vᵀ f(A) v ≈ Σ_k s_{1,k}² f(θ_k), exact
 * for polynomials of degree < 2m. Plain SLQ averages these over probes; its
 * mean is a Hutchinson estimate of tr A / n, whose error is about
 * √2 ‖A‖_F / (n √R) — as large as the mean itself for a Hessian whose
 * positive and negative eigenvalues nearly cancel.
 *
 * Deflation (as in Hutch++, Meyer et al. 2021, and Lin, Saad & Yang 2016)
 * removes most of ‖A‖_F first: a block Lanczos run of m products builds an
 * orthonormal Krylov basis Q (n×m) and T = Qᵀ A Q. With P = I − QQᵀ,
 *   tr f(A) ≈ Σᵢ f(θᵢ) + tr f(P A P)   (θᵢ the eigenvalues of T),
 * exact when span(Q) is invariant under A and, for any Q, exact for
 * f(x) = x. The first part is kept exactly (a point mass 1/n at each Ritz
 * value); only the second is estimated, by SLQ on P A P with probes P z,
 * whose error scales with ‖P A P‖_F, which the Krylov space (catching the
 * extreme, heavy eigenvalues first) makes much smaller than ‖A‖_F.
 *
 * How many probes: a pilot batch of remainder probes, one product each,
 * measures the spread of their Hutchinson terms (by the second-moment
 * formula of `sphereFormVariance`, steadier than their sample spread); the probe count is what
 * that spread needs for a standard error of `relativeTolerance` · |tr A|
 * (at least `minRuns`, within the budget), and more probes are added if the
 * measured standard error still falls short. When those probes would cost
 * more than growing the Krylov space by half costs, the space is
 * grown first (Lanczos continues where it stopped) and the pilot repeated:
 * the remainder's spread falls steeply once the Krylov space has caught the
 * outer eigenvalues (on the 697-parameter reference network from 0.70 to
 * 0.22 per probe between m = 120 and 180). The probes are Gaussian, so
 * the estimator's distribution depends on A's spectrum only (not on its
 * eigenvectors). The probe runs are independent, so they advance side by
 * side and their products are computed in batches (see `inLockstep`).
 */
import { CountedOperator, resolveRng, type BatchProduct, type LongRunOptions, type MatVec, type RandomSource } from './operator';
import { continueLanczos, projectedMatrix, runLanczos, tridiagonalOf, type LanczosState } from './lanczosProcess';
import { symmetricEigenvalues } from '../linalg/symmetricEigen';
import { projectOut } from '../linalg/vectorOps';
import { projectRowsOut, transpose } from '../linalg/rowProjection';
import { tridiagonalEigenComponents } from '../linalg/tridiagonalComponents';
import { Rng } from '../rng';
import { inLockstep } from './lockstep';
import { checkRelativeTolerance, DEFAULT_RELATIVE_TOLERANCE, PROBE_BATCH, meanAndStandardError, samplesNeeded, sphereFormVariance, toleranceReached, type AccuracyRequest, type Estimate, type EstimateCost, type StopReason } from './standardError';

/** Sizes of the deflating run and of the remainder's probes, and the accuracy asked for. */
export interface DeflatedSlqOptions extends LongRunOptions, RandomSource, AccuracyRequest {
  /** Dimension m of the deflating Krylov space to start with (default min(n, 120)); 0 gives plain SLQ. */
  deflationSteps?: number;
  /** Vectors per step of the deflating block Lanczos run (default 4: its products are batched). */
  deflationBlockSize?: number;
  /** Lanczos steps per remainder probe (default 30, at most n − m). */
  steps?: number;
  /** A fixed number of remainder probes R; when absent R follows from the measured variance (see the module comment). */
  runs?: number;
  /** Fewest remainder probes when R is chosen (default 10), so that their spread is a fair standard error. */
  minRuns?: number;
  /** Remainder probes of the pilot batch that measures the spread (default 16; one product each). */
  pilotRuns?: number;
  /** Most products in all (default 2000; raised to what the deflation, the pilot and minRuns probes need). */
  budget?: number;
  /** Largest dimension the deflating Krylov space may grow to when the remainder's spread asks for it (default min(n, 4 m)). */
  maxDeflationSteps?: number;
}

/** A discrete spectral density with the estimates it implies and what they cost (products: m + pilotProducts + R·steps, fewer where a run ended early). */
export interface DeflatedDensity extends EstimateCost {
  /** Ritz values: the m of the deflating run, then those of every remainder run. */
  nodes: Float64Array;
  /** Non-negative, summing to 1: 1/n for each deflated Ritz value, (n − m)/(n R)·s₁ₖ² for the remainder's. */
  weights: Float64Array;
  /** m, the dimension of the deflated Krylov space. */
  deflatedDimension: number;
  /** R, the remainder probes behind the density and its standard errors (0 when the Krylov space is all of ℝⁿ). */
  runs: number;
  /** tr Qᵀ A Q = tr T, exact. */
  deflatedTrace: number;
  /** The Hutchinson estimate of tr(P A P) = (n − m) · mean of vᵀ A v over the unit remainder probes v. */
  remainderTrace: number;
  /** deflatedTrace + remainderTrace: the density's mean times n. */
  traceEstimate: number;
  /**
   * Standard error of traceEstimate: (n − m) √(Var(α₁) / R) with Var(α₁)
   * from the sphere formula on the probes' first Lanczos coefficients
   * (see `sphereFormVariance`); 0 when exact.
   */
  traceStandardError: number;
  /** The density's mean tr A / n (traceEstimate / n, with its standard error over n). */
  mean: Estimate;
  /**
   * The weight below zero (the estimated fraction of negative eigenvalues)
   * and the standard error of its probe average; the quadrature's own
   * smearing of mass across zero is not part of it.
   */
  negativeMass: Estimate;
  /** Products of the pilot batches that measured the remainder's spread (one per pilot probe; a pilot per Krylov space tried). */
  pilotProducts: number;
}

/** Defaults: the starting Krylov dimension m, its block size, Lanczos steps per probe, fewest probes, and the budget. */
const DEFAULTS = { deflationSteps: 120, deflationBlockSize: 4, steps: 30, minRuns: 10, budget: 2000 } as const;

/** One remainder probe's Gauss quadrature and its Hutchinson term. */
interface ProbeQuadrature {
  values: Float64Array;
  components: Float64Array;
  /** (n − m) · vᵀ P A P v. */
  trace: number;
  /** α₁ = vᵀ P A P v and ‖P A P v‖² = α₁² + β₁². */
  alpha: number;
  imageSquare: number;
  /** Σ_k s₁ₖ² over θ_k < 0. */
  negative: number;
}

/**
 * The spectral density of the symmetric n×n operator given by `matVec` (one
 * vector) and `batch` (many vectors at once), deflated by an m-dimensional
 * Krylov space, with as many remainder probes as the requested accuracy of
 * its mean needs (see the module comment). Progress: (products, the plan so
 * far). Rejects with an AbortError when `signal` fires, before the next product.
 */
export async function deflatedSpectralDensity(
  matVec: MatVec,
  batch: BatchProduct,
  n: number,
  options: DeflatedSlqOptions = {},
): Promise<DeflatedDensity> {
  const requestedDeflation = options.deflationSteps ?? DEFAULTS.deflationSteps;
  const requestedSteps = options.steps ?? DEFAULTS.steps;
  const blockSize = options.deflationBlockSize ?? DEFAULTS.deflationBlockSize;
  const minRuns = options.minRuns ?? DEFAULTS.minRuns;
  const pilotRuns = options.pilotRuns ?? PROBE_BATCH;
  for (const [name, value, least] of [
    ['deflationSteps', requestedDeflation, 0],
    ['deflationBlockSize', blockSize, 1],
    ['runs', options.runs ?? 1, 1],
    ['minRuns', minRuns, 2],
    ['pilotRuns', pilotRuns, 2],
    ['steps', requestedSteps, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < least) throw new RangeError(`${name} must be an integer ≥ ${least}, got ${value}`);
  }
  const relativeTolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  checkRelativeTolerance(relativeTolerance);
  const deflationSteps = Math.min(requestedDeflation, n);
  const leastSteps = Math.min(requestedSteps, n - deflationSteps);
  const budget = Math.max(options.budget ?? DEFAULTS.budget, deflationSteps + (leastSteps > 0 ? pilotRuns + minRuns * leastSteps : 0));
  const maxDeflation = Math.min(n, options.maxDeflationSteps ?? 4 * deflationSteps);
  const rng = resolveRng(options, 'deflated-slq');
  let productsDone = 0;
  let planned = deflationSteps + (options.runs ?? minRuns) * requestedSteps;
  const report = () => options.onProgress?.(productsDone, Math.max(planned, productsDone));

  // The deflating run. A breakdown (invariant subspace) restarts with a fresh
  // orthogonal vector, so the basis keeps growing to the size asked for.
  const deflationOp = new CountedOperator(matVec, n, options.signal, batch);
  const deflationProgress = {
    breakdown: { kind: 'restart', rng } as const,
    afterStep: () => {
      productsDone = deflationOp.products + remainderProducts;
      report();
      return false;
    },
  };
  let remainderProducts = 0;
  let pilotProducts = 0;
  let state: LanczosState | null = null;
  if (deflationSteps > 0) {
    const start = Array.from({ length: Math.min(blockSize, deflationSteps) }, () => rng.fillNormal(new Float64Array(n)));
    state = await runLanczos(deflationOp, start, deflationSteps, deflationProgress);
  }
  const basis = () => state?.basis ?? [];
  const streams = rng.nextUint32();
  let drawn = 0;
  /** `count` remainder probes of `probeSteps` Lanczos steps each on P A P, side by side. */
  const runProbes = async (count: number, probeSteps: number): Promise<ProbeQuadrature[]> => {
    const first = drawn;
    drawn += count;
    const q = basis();
    const rank = q.length;
    const rows = state?.rows ?? new Float64Array(0);
    const dimension = n - rank;
    // v ↦ P A P v with P = I − QQᵀ, the operator restricted to span(Q)^⊥, for a whole batch at
    // once. Every vector a probe's Lanczos run multiplies is already in span(Q)^⊥ (its start is
    // projected, and so is every product), so P A P v = P (A v): one projection per product, one
    // pass, since Q is orthonormal to working precision and each product projects afresh.
    const rowsTransposed = transpose(rows.subarray(0, rank * n), rank, n);
    const deflatedBatch: BatchProduct = async (vectors, rowCount) =>
      projectRowsOut(await batch(vectors, rowCount), rowCount, rows, rank, n, 1, rowsTransposed);
    return inLockstep(n, count, deflatedBatch, async (lockstepMatVec, r) => {
      const op = new CountedOperator(lockstepMatVec, n, options.signal);
      const probe = projectOut(Rng.derive(streams, `remainder-probe-${first + r}`).fillNormal(new Float64Array(n)), q);
      const run = await runLanczos(op, probe, probeSteps, {
        breakdown: { kind: 'stop' },
        afterStep: () => {
          remainderProducts++;
          productsDone = deflationOp.products + remainderProducts;
          report();
          return false;
        },
      });
      const { alpha, beta } = tridiagonalOf(run);
      const { values, components } = tridiagonalEigenComponents(alpha, beta, 0);
      let negative = 0;
      values.forEach((theta, k) => {
        if (theta < 0) negative += components[k] * components[k];
      });
      // α₁ = vᵀ (P A P) v for the unit probe v: one Hutchinson term of tr(PAP)/(n − m).
      const imageSquare = alpha[0] * alpha[0] + beta[0] * beta[0];
      return { values, components, trace: dimension * alpha[0], alpha: alpha[0], imageSquare, negative };
    });
  };
  const ritzValues = () => (state === null ? new Float64Array(0) : symmetricEigenvalues(projectedMatrix(state), state.basis.length));
  /** tr T = Σ θᵢ, read off the diagonal blocks of T (no eigensolve needed for the sum). */
  const exactPart = () => {
    let sum = 0;
    for (const [i, block] of (state?.diagonal ?? []).entries()) for (let c = 0; c < state!.widths[i]; c++) sum += block[c * state!.widths[i] + c];
    return sum;
  };
  const estimateOf = (terms: readonly ProbeQuadrature[], exact: number) => exact + meanAndStandardError(terms.map((p) => p.trace)).mean;
  /** The standard deviation of one probe's term (n − m) α₁, from the sphere formula (see `sphereFormVariance`). */
  const termDeviation = (terms: readonly ProbeQuadrature[]) => {
    const dimension = n - basis().length;
    return dimension * Math.sqrt(sphereFormVariance(terms.map((p) => p.alpha), terms.map((p) => p.imageSquare), dimension));
  };

  const probes: ProbeQuadrature[] = [];
  let stop: StopReason = 'exact';
  let target = options.runs ?? 0;
  if (options.runs !== undefined && basis().length < n) stop = 'fixed';
  else if (basis().length < n) {
    stop = 'budget';
    // The pilot: one product per probe measures the spread of the remainder's terms (these probes are not reused).
    // While the probes beyond minRuns would cost more products than growing the Krylov space by half, grow it instead.
    for (;;) {
      const exact = exactPart();
      const pilot = await runProbes(Math.min(pilotRuns, Math.max(2, budget - productsDone)), 1);
      pilotProducts += pilot.length;
      target = Math.max(minRuns, samplesNeeded(termDeviation(pilot), estimateOf(pilot, exact), relativeTolerance));
      const m = basis().length;
      const grown = Math.min(maxDeflation, n, m + Math.max(blockSize, Math.round(m / 2)));
      const growth = grown - m;
      const probeSteps = Math.min(requestedSteps, n - m);
      const worthIt = target > minRuns && (target - minRuns) * probeSteps > growth;
      const affordableGrowth = productsDone + growth + pilotRuns + minRuns * Math.min(requestedSteps, n - grown) <= budget;
      if (growth <= 0 || !worthIt || !affordableGrowth || state === null) break;
      await continueLanczos(deflationOp, state, grown, deflationProgress);
      if (basis().length === n) {
        stop = 'exact';
        break;
      }
    }
  }
  const m = basis().length;
  const remainderDimension = n - m;
  const steps = Math.min(requestedSteps, remainderDimension);
  const deflatedRitz = ritzValues();
  const deflatedTrace = deflatedRitz.reduce((sum, theta) => sum + theta, 0);
  const deflatedNegative = deflatedRitz.filter((theta) => theta < 0).length;
  if (remainderDimension > 0) {
    const affordable = () => Math.max(0, Math.floor((budget - productsDone) / steps));
    for (;;) {
      const count = Math.min(target - probes.length, stop === 'fixed' ? target : affordable());
      if (count <= 0) break;
      planned = productsDone + count * steps;
      probes.push(...(await runProbes(count, steps)));
      if (stop === 'fixed') break;
      const standardError = termDeviation(probes) / Math.sqrt(probes.length);
      if (toleranceReached(estimateOf(probes, deflatedTrace), standardError, relativeTolerance)) {
        stop = 'tolerance';
        break;
      }
      // Short of the tolerance: as many more as the spread measured so far asks for.
      target = Math.max(target + 1, samplesNeeded(termDeviation(probes), estimateOf(probes, deflatedTrace), relativeTolerance));
    }
  }
  const nodes: number[] = Array.from(deflatedRitz);
  const weights: number[] = nodes.map(() => 1 / n);

  const runs = probes.length;
  const share = runs > 0 ? remainderDimension / (n * runs) : 0;
  for (const { values, components } of probes) {
    for (let k = 0; k < values.length; k++) {
      nodes.push(values[k]);
      weights.push(share * components[k] * components[k]);
    }
  }
  const traces = meanAndStandardError(probes.map((p) => p.trace));
  const negatives = meanAndStandardError(probes.map((p) => p.negative));
  const traceEstimate = deflatedTrace + traces.mean;
  const traceStandardError = runs > 0 ? termDeviation(probes) / Math.sqrt(runs) : 0;
  const fraction = remainderDimension / n;
  return {
    nodes: Float64Array.from(nodes),
    weights: Float64Array.from(weights),
    deflatedDimension: m,
    runs,
    deflatedTrace,
    remainderTrace: traces.mean,
    traceEstimate,
    traceStandardError,
    mean: { estimate: traceEstimate / n, standardError: traceStandardError / n },
    negativeMass: { estimate: deflatedNegative / n + fraction * negatives.mean, standardError: fraction * negatives.standardError },
    products: productsDone,
    pilotProducts,
    budget,
    stop,
  };
}

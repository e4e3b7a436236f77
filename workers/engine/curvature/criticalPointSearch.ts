/**
 * Critical points of a network's loss (∇L = 0), found by minimising
 * ½‖∇L(θ)‖² with Levenberg–Marquardt on the residual r(θ) = ∇L(θ), whose
 * Jacobian is the Hessian H:
 *   (H² + μ I) δ = −H ∇L,   δ = −Σ_k λ_k/(λ_k² + μ) · v_k v_kᵀ ∇L,
 * from the eigenpairs (λ_k, v_k) of the dense H. As μ → 0 this is Newton's
 * step −H⁻¹∇L, which is attracted to the nearest critical point of any index
 * (Dauphin et al. 2014); the damping keeps the step short along near-zero
 * curvature and flat directions. μ starts at `damping` · λ_max² and follows
 * Nielsen's rule (1999, "Damping parameter in Marquardt's method"): with
 * ρ the actual over the predicted decrease of ‖∇L‖² (predicted by the
 * linear model ∇L + H δ), a step with ρ > 0 is taken and
 * μ ← μ · max(⅓, 1 − (2ρ − 1)³); otherwise μ grows by ν = 2, 4, 8, … and the
 * step is retried with the same eigenpairs. This is the search Pennington &
 * Bahri (2017) use to find saddles of every index along training.
 *
 * Near the degenerate critical sets of networks the gradient that is left
 * often lies along near-zero curvature, where no step of a second-order
 * model removes it quickly: the search then crawls (Frye et al. 2021,
 * "Critical point-finding methods reveal gradient-flat regions of deep
 * network losses"). `flatGradientShare` reports how much of ‖∇L‖² is there,
 * so that such a "gradient-flat" point is not mistaken for a critical one.
 *
 * At the point found, the index is the fraction of eigenvalues of the dense
 * Hessian below −τ·max|λ| (τ = `relativeThreshold`), the near-zero count
 * those within ±τ·max|λ|. Each iteration builds the P×P Hessian (P batched
 * Hessian-vector products) and its eigendecomposition (O(P³)): for networks
 * up to a few hundred parameters.
 */
import { symmetricEigen } from '../math/linalg/symmetricEigen';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import type { MlpObjective } from '../networks/objective';
import { spectrumIndex, type SpectrumIndex } from './spectrumIndex';

/** What the search needs of a model: loss, gradient and dense Hessian (MlpObjective and RegularizedObjective provide them). */
export type CriticalPointModel = Pick<MlpObjective, 'paramCount' | 'lossAndGrad' | 'fullHessian'>;

/** Options of {@link searchCriticalPoint}. */
export interface CriticalPointOptions extends LongRunOptions {
  /** Stop once ‖∇L‖ ≤ this (default 1e-5). */
  gradientTolerance?: number;
  /** Most accepted steps (default 100). */
  maxIterations?: number;
  /** μ₀ / λ_max² (default 1e-3). */
  damping?: number;
  /** τ: eigenvalues within ±τ·max|λ| count as zero (default 1e-4). */
  relativeThreshold?: number;
}

/** A critical point found by the search, or the best point reached. */
export interface CriticalPoint extends SpectrumIndex {
  params: Float32Array;
  loss: number;
  /** ‖∇L‖ there. */
  gradientNorm: number;
  /** The Hessian's eigenvalues there, descending. */
  eigenvalues: Float64Array;
  /** Accepted steps taken. */
  iterations: number;
  /** Whether ‖∇L‖ reached the tolerance (else the search stalled or ran out of iterations, e.g. in a gradient-flat region). */
  converged: boolean;
  /** The fraction of ‖∇L‖² along eigenvectors whose |λ| ≤ τ·max|λ| (near 1: a gradient-flat point rather than a critical one). */
  flatGradientShare: number;
}

/**
 * The critical point the damped search reaches from `start` (the search is
 * described in the module comment). Progress counts iterations.
 */
export async function searchCriticalPoint(
  model: CriticalPointModel,
  start: Float32Array,
  options: CriticalPointOptions = {},
): Promise<CriticalPoint> {
  const n = model.paramCount;
  if (start.length !== n) throw new RangeError(`searchCriticalPoint: expected ${n} parameters, got ${start.length}`);
  const tolerance = options.gradientTolerance ?? 1e-5;
  const maxIterations = options.maxIterations ?? 100;
  const dampingFactor = options.damping ?? 1e-3;
  let params = Float32Array.from(start);
  let { loss, grad } = await model.lossAndGrad(params);
  let gradientNorm = norm(grad);
  let iterations = 0;
  let mu = Number.NaN;
  let growth = 2;
  let eigen = await hessianEigen(model, params, options);
  while (gradientNorm > tolerance && iterations < maxIterations) {
    throwIfAborted(options.signal);
    const { values, vectors } = eigen;
    const largest = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
    if (!(largest > 0)) break; // H = 0: no step can be computed
    if (Number.isNaN(mu)) mu = dampingFactor * largest * largest;
    const coefficients = new Float64Array(n); // v_kᵀ ∇L
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += vectors[k * n + i] * grad[i];
      coefficients[k] = sum;
    }
    let accepted = false;
    for (let attempt = 0; attempt < 30 && !accepted; attempt++) {
      const trial = new Float32Array(n);
      let predicted = 0; // ‖∇L‖² − ‖∇L + H δ‖² of the linear model
      for (let k = 0; k < n; k++) {
        const kept = mu / (values[k] * values[k] + mu);
        predicted += coefficients[k] * coefficients[k] * (1 - kept * kept);
      }
      for (let i = 0; i < n; i++) {
        let step = 0;
        for (let k = 0; k < n; k++) step -= (values[k] / (values[k] * values[k] + mu)) * coefficients[k] * vectors[k * n + i];
        trial[i] = params[i] + step;
      }
      const next = await model.lossAndGrad(trial);
      const nextNorm = norm(next.grad);
      const gain = (gradientNorm * gradientNorm - nextNorm * nextNorm) / predicted;
      if (gain > 0) {
        params = trial;
        ({ loss, grad } = next);
        gradientNorm = nextNorm;
        mu = Math.max(mu * Math.max(1 / 3, 1 - (2 * gain - 1) ** 3), 1e-14 * largest * largest);
        growth = 2;
        accepted = true;
      } else {
        mu *= growth;
        growth *= 2;
      }
    }
    if (!accepted) break; // stalled: no damping lowers ‖∇L‖ (float32 resolution, or a minimum of ‖∇L‖² with ∇L ≠ 0)
    iterations++;
    eigen = await hessianEigen(model, params, options);
    options.onProgress?.(iterations, maxIterations);
  }
  const index = spectrumIndex(eigen.values, options.relativeThreshold);
  let flat = 0;
  for (let k = 0; k < n; k++) {
    if (Math.abs(eigen.values[k]) > index.threshold) continue;
    let component = 0;
    for (let i = 0; i < n; i++) component += eigen.vectors[k * n + i] * grad[i];
    flat += component * component;
  }
  const flatGradientShare = gradientNorm > 0 ? Math.min(1, flat / (gradientNorm * gradientNorm)) : 0;
  return {
    params,
    loss,
    gradientNorm,
    eigenvalues: eigen.values,
    iterations,
    converged: gradientNorm <= tolerance,
    flatGradientShare,
    ...index,
  };
}

/**
 * {@link searchCriticalPoint} from each of `starts` (e.g. points along a
 * training trajectory). Progress counts finished searches.
 */
export async function searchCriticalPoints(
  model: CriticalPointModel,
  starts: readonly Float32Array[],
  options: CriticalPointOptions = {},
): Promise<CriticalPoint[]> {
  const points: CriticalPoint[] = [];
  for (const start of starts) {
    points.push(await searchCriticalPoint(model, start, { ...options, onProgress: undefined }));
    options.onProgress?.(points.length, starts.length);
  }
  return points;
}

async function hessianEigen(model: CriticalPointModel, params: Float32Array, options: LongRunOptions) {
  const hessian = await model.fullHessian(params, { signal: options.signal });
  throwIfAborted(options.signal);
  return symmetricEigen(hessian, model.paramCount);
}

function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/**
 * The split of the Hessian into the Gauss-Newton part and the rest,
 * H = G + S with G = Jᵀ H_L J ⪰ 0 and S = Σ_{n,c} (∂L/∂z_nc) ∇²z_nc: how much
 * of the curvature comes from the network's own second derivatives (S
 * vanishes where the residuals ∂L/∂z do, e.g. at an interpolating minimum,
 * and carries the negative curvature of a saddle).
 */
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { Rng } from '../math/rng';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import { meanAndStandardError } from '../math/krylov/standardError';
import type { CurvatureModel } from './operators';

/** ‖S‖_F / ‖H‖_F and the norms it comes from. */
export interface FrobeniusSplit {
  hessianFrobenius: number;
  gaussNewtonFrobenius: number;
  residualFrobenius: number;
  /** ‖S‖_F / ‖H‖_F. */
  residualShare: number;
  /** Standard error of residualShare (0 when computed exactly). */
  residualShareError: number;
}

/** The exact split: every eigenvalue of G and of S, and the Frobenius norms. */
export interface ExactSplit extends FrobeniusSplit {
  gaussNewtonEigenvalues: Float64Array;
  residualEigenvalues: Float64Array;
}

/** ‖A‖_F = √(Σ A_ij²) of a dense matrix. */
function frobenius(matrix: Float64Array): number {
  let sum = 0;
  for (const value of matrix) sum += value * value;
  return Math.sqrt(sum);
}

/** From the dense H and G (P×P, row-major): S = H − G, the spectra of G and S, and the norms. */
export function exactSplit(hessian: Float64Array, gaussNewton: Float64Array, size: number): ExactSplit {
  if (hessian.length !== size * size || gaussNewton.length !== size * size) {
    throw new RangeError(`exactSplit: need two ${size}×${size} matrices`);
  }
  const residual = Float64Array.from(hessian, (h, i) => h - gaussNewton[i]);
  const hessianFrobenius = frobenius(hessian);
  const residualFrobenius = frobenius(residual);
  return {
    hessianFrobenius,
    gaussNewtonFrobenius: frobenius(gaussNewton),
    residualFrobenius,
    residualShare: residualFrobenius / hessianFrobenius,
    residualShareError: 0,
    gaussNewtonEigenvalues: symmetricEigenvalues(gaussNewton, size),
    residualEigenvalues: symmetricEigenvalues(residual, size),
  };
}

/**
 * Frobenius norms from products only, for networks too large for dense
 * matrices: E‖A z‖² = tr(AᵀA) = ‖A‖_F² for Rademacher z (Hutchinson on A²).
 * The same probes serve H, G and S = H − G (S z = H z − G z), in batches of
 * `probes` vectors, so their errors are correlated and the ratio is steadier
 * than either norm. The ratio's standard error is from the delta method on
 * the two means. Progress: (probes done, probes).
 */
export async function estimatedFrobeniusSplit(
  model: CurvatureModel,
  params: Float32Array,
  options: LongRunOptions & { probes?: number; seed?: number; probesPerCall?: number } = {},
): Promise<FrobeniusSplit> {
  const probes = options.probes ?? 30;
  const perCall = options.probesPerCall ?? 16;
  if (!Number.isInteger(probes) || probes < 2) throw new RangeError(`probes must be an integer ≥ 2, got ${probes}`);
  const n = model.paramCount;
  const rng = Rng.derive(options.seed ?? 0, 'frobenius-split');
  const hessianSquares = new Float64Array(probes);
  const gaussNewtonSquares = new Float64Array(probes);
  const residualSquares = new Float64Array(probes);
  for (let first = 0; first < probes; first += perCall) {
    throwIfAborted(options.signal);
    const count = Math.min(perCall, probes - first);
    const z = rng.fillRademacher(new Float32Array(count * n));
    const hz = await model.hvpBatch(params, z, count);
    throwIfAborted(options.signal);
    const gz = await model.gnvpBatch(params, z, count);
    for (let k = 0; k < count; k++) {
      let h2 = 0, g2 = 0, s2 = 0;
      for (let p = k * n; p < (k + 1) * n; p++) {
        h2 += hz[p] * hz[p];
        g2 += gz[p] * gz[p];
        s2 += (hz[p] - gz[p]) ** 2;
      }
      hessianSquares[first + k] = h2;
      gaussNewtonSquares[first + k] = g2;
      residualSquares[first + k] = s2;
    }
    options.onProgress?.(first + count, probes);
  }
  const h = meanAndStandardError(hessianSquares);
  const s = meanAndStandardError(residualSquares);
  // share² = s̄ / h̄, whose relative variance is ≈ var s̄/s̄² + var h̄/h̄² − 2 cov(s̄, h̄)/(s̄ h̄).
  let covariance = 0;
  for (let k = 0; k < probes; k++) covariance += (residualSquares[k] - s.mean) * (hessianSquares[k] - h.mean);
  covariance /= (probes - 1) * probes;
  const shareSquared = s.mean / h.mean;
  const relativeVariance =
    (s.standardError / s.mean) ** 2 + (h.standardError / h.mean) ** 2 - (2 * covariance) / (s.mean * h.mean);
  const residualShare = Math.sqrt(shareSquared);
  // d(share) = d(share²) / (2 share) = share · (relative error of share²) / 2.
  const residualShareError = (residualShare * Math.sqrt(Math.max(relativeVariance, 0))) / 2;
  return {
    hessianFrobenius: Math.sqrt(h.mean),
    gaussNewtonFrobenius: Math.sqrt(meanAndStandardError(gaussNewtonSquares).mean),
    residualFrobenius: Math.sqrt(s.mean),
    residualShare,
    residualShareError,
  };
}

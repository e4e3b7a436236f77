/**
 * Roots of the secular equation of a rank-one update of a diagonal matrix:
 * the eigenvalues λ of D + ρ z zᵀ (D = diag(δ), δ strictly increasing,
 * ρ > 0, every z_j ≠ 0) are the K roots of
 *   f(λ) = 1 + ρ Σ_j z_j² / (δ_j − λ),
 * one in each interval (δ_i, δ_{i+1}) and the last in (δ_K, δ_K + ρ‖z‖²),
 * since f increases from −∞ to +∞ between consecutive poles.
 *
 * Each root is sought relative to its nearer pole (the "origin"), λ = δ_o + τ,
 * so that the differences δ_j − λ = (δ_j − δ_o) − τ keep full relative
 * accuracy even when λ is very close to δ_o; the eigenvector formulas need
 * exactly these differences. The iteration fits f near the current point
 * with the two poles that bracket the root (ψ ≈ a + b/(δ_i − λ) for the poles
 * on the left, φ ≈ c + e/(δ_{i+1} − λ) for those on the right, matching value
 * and slope), solves that model exactly (a quadratic), and falls back to
 * bisection of a bracket kept from the signs of f, so it always converges.
 */

/** The roots and the accurate differences δ_j − λ_i. */
export interface SecularRoots {
  /** λ_0 < λ_1 < … < λ_{K−1}. */
  values: Float64Array;
  /** K×K row-major: differences[i·K + j] = δ_j − λ_i. */
  differences: Float64Array;
}

const MAX_ITERATIONS = 200;
const EPS = Number.EPSILON;

/** All K roots of 1 + ρ Σ z_j² / (δ_j − λ) = 0. */
export function solveSecularEquation(delta: Float64Array, z: Float64Array, rho: number): SecularRoots {
  const k = delta.length;
  const values = new Float64Array(k);
  const differences = new Float64Array(k * k);
  const shifted = new Float64Array(k);
  let zSquaredSum = 0;
  for (let j = 0; j < k; j++) zSquaredSum += z[j] * z[j];

  for (let i = 0; i < k; i++) {
    const last = i === k - 1;
    // Choose the origin: the pole on the side of the root, found from the sign of f at the midpoint.
    let origin = i;
    let lo: number;
    let hi: number;
    if (last) {
      lo = 0;
      hi = rho * zSquaredSum;
    } else {
      const halfGap = (delta[i + 1] - delta[i]) / 2;
      for (let j = 0; j < k; j++) shifted[j] = delta[j] - delta[i];
      if (secularValue(shifted, z, rho, halfGap) >= 0) {
        lo = 0;
        hi = halfGap;
      } else {
        origin = i + 1;
        lo = -halfGap;
        hi = 0;
      }
    }
    for (let j = 0; j < k; j++) shifted[j] = delta[j] - delta[origin];
    const tau = findRoot(shifted, z, rho, i, origin, lo, hi);
    values[i] = delta[origin] + tau;
    for (let j = 0; j < k; j++) differences[i * k + j] = shifted[j] - tau;
  }
  return { values, differences };
}

/** f at λ = δ_o + τ with the poles given relative to δ_o. */
function secularValue(shifted: Float64Array, z: Float64Array, rho: number, tau: number): number {
  let sum = 0;
  for (let j = 0; j < shifted.length; j++) sum += (z[j] * z[j]) / (shifted[j] - tau);
  return 1 + rho * sum;
}

/**
 * τ in (lo, hi) with f(δ_o + τ) = 0, for the root between poles i and i+1
 * (or beyond pole i when i is the last one).
 */
function findRoot(shifted: Float64Array, z: Float64Array, rho: number, i: number, origin: number, lo: number, hi: number): number {
  const k = shifted.length;
  const hasRightPole = i + 1 < k;
  let tau = (lo + hi) / 2;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // ψ sums the poles left of the root (j ≤ i), φ those right of it.
    let psi = 0, psiSlope = 0, phi = 0, phiSlope = 0;
    for (let j = 0; j < k; j++) {
      const inverse = 1 / (shifted[j] - tau);
      const term = z[j] * z[j] * inverse;
      if (j <= i) {
        psi += term;
        psiSlope += term * inverse;
      } else {
        phi += term;
        phiSlope += term * inverse;
      }
    }
    const f = 1 + rho * (psi + phi);
    // Rounding error of f: a few ulps of its largest terms.
    if (Math.abs(f) <= EPS * (k + 2) * (1 + rho * (phi - psi))) break;
    if (f < 0) lo = tau;
    else hi = tau;

    const leftGap = shifted[i] - tau; // < 0
    const b = rho * psiSlope * leftGap * leftGap;
    let next: number;
    if (hasRightPole) {
      const rightGap = shifted[i + 1] - tau; // > 0
      const c = rho * phiSlope * rightGap * rightGap;
      const rest = f - b / leftGap - c / rightGap;
      next = twoPoleRoot(rest, b, c, shifted[i], shifted[i + 1], origin === i);
    } else {
      // One pole: rest + b / (δ_i − x) = 0, i.e. x = δ_i + b / rest.
      const rest = f - b / leftGap;
      next = rest > 0 ? shifted[i] + b / rest : Number.NaN;
    }
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const converged = Math.abs(next - tau) <= 2 * EPS * Math.abs(next) || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi));
    tau = next;
    if (converged) break;
  }
  return tau;
}

/**
 * The root x in (p, q) of F + B/(p − x) + C/(q − x) = 0 (B, C ≥ 0), returned
 * relative to the origin p (when fromLeft, p = 0) or q (p… q = 0), computed
 * as a distance from that pole to avoid cancellation. NaN if none is found.
 */
function twoPoleRoot(F: number, B: number, C: number, p: number, q: number, fromLeft: boolean): number {
  const gap = q - p;
  // With y the distance from the origin pole, the equation is a2 y² + a1 y + a0 = 0:
  //   from the left (y = x − p):  F y² − (F g + B + C) y + B g = 0,
  //   from the right (y = q − x): F y² + (B + C − F g) y − C g = 0.
  const a2 = F;
  const a1 = fromLeft ? -(F * gap + B + C) : B + C - F * gap;
  const a0 = fromLeft ? B * gap : -C * gap;
  const y = quadraticRootIn(a2, a1, a0, gap);
  return fromLeft ? y : -y;
}

/** A root of a2 y² + a1 y + a0 in (0, limit), by the cancellation-free formulas; NaN if none. */
function quadraticRootIn(a2: number, a1: number, a0: number, limit: number): number {
  const inside = (y: number) => y > 0 && y < limit;
  if (a2 === 0) {
    const y = -a0 / a1;
    return inside(y) ? y : Number.NaN;
  }
  const discriminant = Math.max(a1 * a1 - 4 * a2 * a0, 0);
  const qq = -0.5 * (a1 + (a1 >= 0 ? 1 : -1) * Math.sqrt(discriminant));
  const first = qq / a2;
  const second = qq !== 0 ? a0 / qq : Number.NaN;
  if (inside(first)) return first;
  if (inside(second)) return second;
  return Number.NaN;
}

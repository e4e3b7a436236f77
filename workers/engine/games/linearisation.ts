/**
 * The methods of methods.ts linearised at an equilibrium, where the field is
 * v(z) ≈ J e with e = z − z*: each method becomes a linear map of the error,
 * and its spectral radius ρ says who spirals out (ρ > 1), who circles
 * (ρ = 1) and who converges (ρ < 1, the error shrinking like ρᵏ).
 *
 * With λ the eigenvalues of J (games.ts):
 * - simultaneous: e ← (I − ηJ) e, eigenvalues 1 − ηλ. |1 − ηλ|² =
 *   1 − 2η Re λ + η²|λ|², so it converges iff every Re λ > 0 and
 *   η < 2 Re λ / |λ|²; on the bilinear game (λ = ±i) ρ = √(1 + η²) > 1.
 * - alternating: x ← x − η(J₀₀x + J₀₁y), then y ← y − η(J₁₀x_new + J₁₁y):
 *   M = [1 − ηJ₀₀, −ηJ₀₁; −ηJ₁₀(1 − ηJ₀₀), 1 − ηJ₁₁ + η²J₁₀J₀₁],
 *   det M = (1 − ηJ₀₀)(1 − ηJ₁₁). On the bilinear game det M = 1 and, for
 *   η < 2, both eigenvalues lie on the unit circle: bounded, not convergent.
 * - extragradient: e ← (I − ηJ(I − ηJ)) e = (I − ηJ + η²J²) e,
 *   eigenvalues 1 − ηλ + η²λ²; on the bilinear game |·|² = 1 − η² + η⁴.
 * - optimistic: e_{k+1} = (I − 2ηJ) e_k + ηJ e_{k−1}, the 4 × 4 companion
 *   system [e_{k+1}; e_k] = [I − 2ηJ, ηJ; I, 0] [e_k; e_{k−1}]. Its blocks
 *   are polynomials in J, so its eigenvalues are, for each λ, the roots of
 *   μ² − (1 − 2ηλ) μ − ηλ = 0.
 * (Gidel et al. 2019, "A variational inequality perspective on GANs";
 * Mescheder et al. 2017, "The numerics of GANs"; Mokhtari, Ozdaglar &
 * Pattathil 2020, "A unified analysis of extra-gradient and optimistic
 * gradient methods for saddle point problems".)
 */
import { abs, complex, eigenvalues2x2, mul, quadraticRoots, scale, sub, type Complex } from './complex';
import type { Game } from './games';
import { GAME_METHODS, type GameMethod } from './methods';

/** A 2 × 2 Jacobian, row-major. */
export type Jacobian2 = readonly [number, number, number, number];

/** One method's linearised update at an equilibrium. */
export interface LinearisedUpdate {
  method: GameMethod;
  eta: number;
  /** The eigenvalues of J. */
  jacobianEigenvalues: [Complex, Complex];
  /** The update map: 2 × 2, or 4 × 4 on (e_k, e_{k−1}) for optimistic; row-major. */
  matrix: Float64Array;
  /** Its size, 2 or 4. */
  size: number;
  /** Its eigenvalues (2, or 4 for optimistic). */
  eigenvalues: Complex[];
  /** ρ = max |μ|: the factor the error shrinks or grows by per step, asymptotically. */
  spectralRadius: number;
}

/** The linearised update of `method` with step η for the Jacobian J. */
export function linearisedUpdate(jacobian: Jacobian2, method: GameMethod, eta: number): LinearisedUpdate {
  if (!(eta > 0 && Number.isFinite(eta))) throw new RangeError(`linearisedUpdate: the step size must be > 0, got ${eta}`);
  if (!jacobian.every(Number.isFinite)) throw new RangeError('linearisedUpdate: the Jacobian must be finite');
  const [a, b, c, d] = jacobian;
  const jacobianEigenvalues = eigenvalues2x2(jacobian);
  const one = complex(1);
  let matrix: Float64Array;
  let eigenvalues: Complex[];
  switch (method) {
    case 'simultaneous':
      matrix = Float64Array.of(1 - eta * a, -eta * b, -eta * c, 1 - eta * d);
      eigenvalues = jacobianEigenvalues.map((l) => sub(one, scale(eta, l)));
      break;
    case 'alternating':
      matrix = Float64Array.of(1 - eta * a, -eta * b, -eta * c * (1 - eta * a), 1 - eta * d + eta * eta * c * b);
      eigenvalues = eigenvalues2x2(matrix as unknown as Jacobian2);
      break;
    case 'extragradient': {
      // J² = [a² + bc, ab + bd; ca + dc, cb + d²]
      const square = [a * a + b * c, a * b + b * d, c * a + d * c, c * b + d * d];
      matrix = Float64Array.from([1, 0, 0, 1], (identity, k) => identity - eta * jacobian[k] + eta * eta * square[k]);
      eigenvalues = jacobianEigenvalues.map((l) => {
        const u = scale(eta, l);
        return sub(one, sub(u, mul(u, u)));
      });
      break;
    }
    case 'optimistic':
      matrix = Float64Array.of(
        1 - 2 * eta * a, -2 * eta * b, eta * a, eta * b,
        -2 * eta * c, 1 - 2 * eta * d, eta * c, eta * d,
        1, 0, 0, 0,
        0, 1, 0, 0,
      );
      eigenvalues = jacobianEigenvalues.flatMap((l) => {
        const u = scale(eta, l);
        // μ² − (1 − 2u) μ − u = 0
        return quadraticRoots(sub(scale(2, u), one), scale(-1, u));
      });
      break;
    default:
      throw new RangeError(`Unknown game method "${String(method)}"`);
  }
  const spectralRadius = Math.max(...eigenvalues.map(abs));
  return { method, eta, jacobianEigenvalues, matrix, size: method === 'optimistic' ? 4 : 2, eigenvalues, spectralRadius };
}

/** {@link linearisedUpdate} of `method` at the equilibrium of `game`. */
export function gameLinearisation(game: Game, method: GameMethod, eta: number): LinearisedUpdate {
  return linearisedUpdate(game.jacobian(...game.equilibrium), method, eta);
}

/** ρ of the linearised update of `method` with step η for J. */
export function spectralRadius(jacobian: Jacobian2, method: GameMethod, eta: number): number {
  return linearisedUpdate(jacobian, method, eta).spectralRadius;
}

/** What one method does near a game's equilibrium at one step size. */
export interface MethodVerdict {
  update: LinearisedUpdate;
  stableStep: StableStep;
  /** ρ < 1 − 1e-9: converges (a ρ of 1 up to rounding is a bounded orbit, not convergence). */
  converges: boolean;
  /** ρ > 1 + 1e-9: spirals or runs out. */
  diverges: boolean;
}

/** Every method's linearised update and stable step at the equilibrium of `game`, with step η. */
export function compareMethods(game: Game, eta: number): MethodVerdict[] {
  const jacobian = game.jacobian(...game.equilibrium);
  return GAME_METHODS.map((method) => {
    const update = linearisedUpdate(jacobian, method, eta);
    return {
      update,
      stableStep: stableStep(jacobian, method),
      converges: update.spectralRadius < 1 - 1e-9,
      diverges: update.spectralRadius > 1 + 1e-9,
    };
  });
}

/** The largest step for which a method converges near the equilibrium. */
export interface StableStep {
  /**
   * η̄ such that ρ < 1 for every 0 < η < η̄ and not just above η̄; null when
   * small steps do not converge (simultaneous and alternating steps on the
   * bilinear game, whatever η).
   */
  limit: number | null;
  /** Whether `limit` comes from a closed form (else from a scan and bisection of ρ(η) = 1). */
  exact: boolean;
}

/**
 * The stable step of `method` for J. Exact for:
 * - simultaneous: η̄ = min_λ 2 Re λ / |λ|² when every Re λ > 0;
 * - alternating (Jury's conditions on M's trace and determinant, above):
 *   det J > 0, (J₀₀ + J₁₁) − η J₀₀J₁₁ > 0 and
 *   4 − 2η (J₀₀ + J₁₁) + η² (J₀₀J₁₁ + J₀₁J₁₀) > 0;
 * - extragradient when the eigenvalues are real and positive or purely
 *   imaginary: |1 − u + u²| < 1 ⟺ |u| < 1 there (u = ηλ), so
 *   η̄ = 1 / max |λ|;
 * - optimistic when the eigenvalues are purely imaginary, λ = ±iβ: a root
 *   μ = e^{iθ} of μ² − (1 − 2iu)μ − iu (u = ηβ) needs cos θ − 1 = u sin θ
 *   and sin θ = u (cos θ − 2), hence cos θ = (1 − 2u²)/(1 − u²),
 *   sin θ = −u/(1 − u²) and, from cos² + sin² = 1, 3u⁴ = u²: the roots
 *   reach the unit circle at u² = 1/3, so η̄ = 1/(√3 max |β|).
 * Otherwise (optimistic, and extragradient, with complex λ off the axes) the
 * limit is found by stepping η up geometrically from η ≈ 0 until ρ ≥ 1,
 * then bisecting to 1e-12 relative.
 */
export function stableStep(jacobian: Jacobian2, method: GameMethod): StableStep {
  const lambdas = eigenvalues2x2(jacobian);
  const largest = Math.max(...lambdas.map(abs));
  if (!(largest > 0)) return { limit: null, exact: true }; // J = 0: every map is the identity
  if (method === 'simultaneous') {
    if (!lambdas.every((l) => l.re > 0)) return { limit: null, exact: true };
    return { limit: Math.min(...lambdas.map((l) => (2 * l.re) / (l.re * l.re + l.im * l.im))), exact: true };
  }
  if (method === 'alternating') return { limit: alternatingLimit(jacobian), exact: true };
  const tolerance = 1e-12 * largest;
  const onAxes = lambdas.every((l) => Math.abs(l.im) <= tolerance || Math.abs(l.re) <= tolerance);
  if (method === 'extragradient' && onAxes) {
    if (!lambdas.every((l) => l.re > -tolerance && abs(l) > tolerance)) return { limit: null, exact: true };
    return { limit: 1 / largest, exact: true };
  }
  if (method === 'optimistic' && lambdas.every((l) => Math.abs(l.re) <= tolerance)) {
    return { limit: 1 / (Math.sqrt(3) * largest), exact: true };
  }
  return { limit: scanForLimit((eta) => spectralRadius(jacobian, method, eta), 1 / largest), exact: false };
}

/** The alternating method's stable step from the conditions in {@link stableStep}. */
function alternatingLimit([a, b, c, d]: Jacobian2): number | null {
  const trace = a + d;
  if (!(a * d - b * c > 0) || !(trace > 0)) return null; // det J ≤ 0, or 1 − det M ≤ 0 for small η
  const limits: number[] = [];
  if (a * d > 0) limits.push(trace / (a * d)); // (a + d) − η a d > 0
  // With det J > 0 this quadratic always has a positive root: if a d ≤ 0 then b c < 0 and its leading
  // coefficient a d + b c is negative while its constant term is 4.
  limits.push(...positiveRootsOfQuadratic(a * d + b * c, -2 * trace, 4));
  return Math.min(...limits);
}

/** The positive real roots of p η² + q η + r (p may be 0). */
function positiveRootsOfQuadratic(p: number, q: number, r: number): number[] {
  if (p === 0) return q !== 0 && -r / q > 0 ? [-r / q] : [];
  const discriminant = q * q - 4 * p * r;
  if (discriminant < 0) return [];
  const root = Math.sqrt(discriminant);
  const big = -0.5 * (q + Math.sign(q || 1) * root);
  return [big / p, big !== 0 ? r / big : Number.NaN].filter((x) => x > 0);
}

/**
 * The end of the first interval (0, η̄) on which ρ(η) < 1: starting at
 * 1e-6·scale, η grows by 2 % a step up to 1e3·scale, then the crossing is
 * bisected. Null when ρ(1e-6·scale) ≥ 1.
 */
function scanForLimit(radius: (eta: number) => number, scale: number): number | null {
  let low = 1e-6 * scale;
  if (!(radius(low) < 1)) return null;
  const end = 1e3 * scale;
  let high = low;
  while (high < end && radius(high) < 1) {
    low = high;
    high *= 1.02;
  }
  if (radius(high) < 1) return null; // stable far beyond any practical step: report no limit rather than a wrong one
  while (high - low > 1e-12 * high) {
    const mid = 0.5 * (low + high);
    if (radius(mid) < 1) low = mid;
    else high = mid;
  }
  return low;
}

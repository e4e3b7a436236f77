/**
 * Two-player zero-sum games on the plane: min over x, max over y of f(x, y),
 * in float64 closed forms.
 *
 * Gradient descent-ascent follows the simultaneous gradient field
 *   v(x, y) = (∂f/∂x, −∂f/∂y),
 * descent for the minimising player x, ascent for the maximising player y
 * (every method in methods.ts steps against v). An equilibrium z* has
 * v(z*) = 0; near it v(z) ≈ J (z − z*) with J the Jacobian of v,
 *   J = [f_xx  f_xy; −f_xy  −f_yy].
 * The symmetric part of J, diag(f_xx, −f_yy), is the curvature that pulls
 * both players in; the antisymmetric part ±f_xy is the rotation by which
 * each player's move changes the other's problem. A game whose J is purely
 * antisymmetric (the bilinear game) has eigenvalues ±i·f_xy on the
 * imaginary axis, and gradient descent-ascent spirals out of it
 * (Mescheder, Geiger & Nowozin 2018, "Which training methods for GANs do
 * actually converge?"; Gidel et al. 2019, "A variational inequality
 * perspective on generative adversarial networks").
 */

/** Which game. */
export type GameName = 'bilinear' | 'quadratic' | 'dirac_gan';

/** Every game, in the order a list shows them. */
export const GAME_NAMES: readonly GameName[] = ['bilinear', 'quadratic', 'dirac_gan'];

/** A zero-sum game min_x max_y f(x, y) with its derivatives in closed form. */
export interface Game {
  name: GameName;
  /** f(x, y): the minimising player's loss, the maximising player's gain. */
  value(x: number, y: number): number;
  /** v = (∂f/∂x, −∂f/∂y), written into `out` (returned). */
  field(x: number, y: number, out?: Float64Array): Float64Array;
  /** ∂v/∂(x, y) row-major [∂v₀/∂x, ∂v₀/∂y, ∂v₁/∂x, ∂v₁/∂y]. */
  jacobian(x: number, y: number): [number, number, number, number];
  /** The equilibrium z* = (x*, y*) with v(z*) = 0 that the dynamics are analysed at. */
  equilibrium: readonly [number, number];
}

/**
 * The bilinear game f(x, y) = b·x·y (b = 1 by default): v = (b y, −b x),
 * J = [0 b; −b 0] everywhere, eigenvalues ±i b. The equilibrium (0, 0) is a
 * pure rotation centre: the continuous flow circles it at constant radius.
 */
export function bilinearGame(b = 1): Game {
  requireFinite('bilinear', { b });
  return quadraticGame(0, b, 0, 'bilinear');
}

/**
 * The convex-concave quadratic f(x, y) = (a/2) x² + b x y − (c/2) y² with
 * a, c ≥ 0: v = (a x + b y, −b x + c y), J = [a b; −b c] everywhere, with
 * eigenvalues (a + c)/2 ± √(((a − c)/2)² − b²). For a + c > 0 they lie in
 * the open right half-plane, and small simultaneous steps converge.
 */
export function quadraticGame(a: number, b: number, c: number, name: GameName = 'quadratic'): Game {
  requireFinite(name, { a, b, c });
  if (a < 0 || c < 0) throw new RangeError(`${name}: a and c must be ≥ 0 (convex in x, concave in y), got a = ${a}, c = ${c}`);
  return {
    name,
    value: (x, y) => 0.5 * a * x * x + b * x * y - 0.5 * c * y * y,
    field: (x, y, out = new Float64Array(2)) => {
      out[0] = a * x + b * y;
      out[1] = -b * x + c * y;
      return out;
    },
    jacobian: () => [a, b, -b, c],
    equilibrium: [0, 0],
  };
}

/**
 * The Dirac-GAN of Mescheder et al. 2018 (§2.2): data δ₀, generator δ_θ
 * (x = θ), linear discriminator D_ψ(t) = ψ t (y = ψ), and the GAN objective
 *   f(θ, ψ) = h(ψ θ) + h(0),  h(t) = −log(1 + e^{−t}),
 * which the generator minimises and the discriminator maximises, with a
 * zero-centred gradient penalty (R1, their eq. 9)
 *   − (γ/2) ‖∇_t D_ψ‖² = − (γ/2) ψ²
 * subtracted from the discriminator's gain. With h'(t) = 1/(1 + e^{t}),
 *   v = (h'(ψθ) ψ, −h'(ψθ) θ + γ ψ),
 * and at the equilibrium (0, 0), h'(0) = ½:
 *   J = [0 ½; −½ γ],   eigenvalues γ/2 ± √(γ²/4 − ¼).
 * Without the penalty they are ±i/2 (the bilinear picture); the penalty adds
 * curvature γ along ψ and moves them into the right half-plane.
 */
export function diracGan(gamma = 0): Game {
  requireFinite('dirac_gan', { gamma });
  if (gamma < 0) throw new RangeError(`dirac_gan: the gradient-penalty weight γ must be ≥ 0, got ${gamma}`);
  return {
    name: 'dirac_gan',
    value: (x, y) => logSigmoid(y * x) + logSigmoid(0) - 0.5 * gamma * y * y,
    field: (x, y, out = new Float64Array(2)) => {
      const slope = sigmoid(-y * x); // h'(ψθ)
      out[0] = slope * y;
      out[1] = -slope * x + gamma * y;
      return out;
    },
    jacobian: (x, y) => {
      const t = y * x;
      const slope = sigmoid(-t); // h'(t)
      const curvature = -slope * (1 - slope); // h''(t) = −σ(−t) σ(t)
      // ∂/∂x of h'(t) y = h''(t) y², ∂/∂y = h'(t) + h''(t) t, and likewise for −h'(t) x + γ y.
      return [curvature * y * y, slope + curvature * t, -(slope + curvature * t), -curvature * x * x + gamma];
    },
    equilibrium: [0, 0],
  };
}

/** The game `name` with its parameters (unused ones ignored): a, b, c of the quadratic, b of the bilinear, γ of the Dirac-GAN. */
export function makeGame(name: GameName, parameters: { a?: number; b?: number; c?: number; gamma?: number } = {}): Game {
  switch (name) {
    case 'bilinear':
      return bilinearGame(parameters.b ?? 1);
    case 'quadratic':
      return quadraticGame(parameters.a ?? 0.5, parameters.b ?? 1, parameters.c ?? 0.5);
    case 'dirac_gan':
      return diracGan(parameters.gamma ?? 0);
    default:
      throw new RangeError(`Unknown game "${String(name)}"; expected one of ${GAME_NAMES.join(', ')}`);
  }
}

/** σ(t) = 1/(1 + e^{−t}), without overflow for large |t|. */
function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** h(t) = log σ(t) = −log(1 + e^{−t}) = −softplus(−t), stable for large |t|. */
function logSigmoid(t: number): number {
  return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
}

function requireFinite(name: string, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new RangeError(`${name}: ${key} must be a finite number, got ${value}`);
  }
}

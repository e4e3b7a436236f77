/**
 * Which directions a first-order method is stable along, from the Hessian
 * H = Q Λ Qᵀ of a function at a point (on the quadratic, everywhere).
 *
 * Along eigenvector q_i (eigenvalue λ_i) gradient descent on the quadratic
 * multiplies the error by 1 − ηλ_i at every step, so it converges along q_i
 * iff |1 − ηλ_i| < 1, i.e. 0 < ηλ_i < 2: the stable step is η < 2/λ_max.
 * Heavy-ball momentum, m ← βm + g, θ ← θ − ηm, has along q_i the
 * characteristic polynomial r² − (1 + β − ηλ_i) r + β, whose roots lie in the
 * unit disc iff 0 < ηλ_i < 2(1 + β); Nesterov's variant needs
 * ηλ_i < 2(1 + β)/(1 + 2β). A direction with λ_i ≤ 0 is never contracted (it
 * grows, or stays on a flat direction), whatever η.
 */
import type { AnalyticProblem } from '../spec/functions';
import { derivatives64 } from './closedForms64';

/** The first-order rules whose stability on a quadratic is known in closed form. */
export type StabilityRule = 'gradient_descent' | 'momentum' | 'nesterov';

/** One eigen-direction of the Hessian and what a step does along it. */
export interface DirectionStability {
  /** λ_i. */
  eigenvalue: number;
  /** q_i, a unit vector (x, y). */
  direction: [number, number];
  /** η·λ_i. */
  stepTimesCurvature: number;
  /** The largest |root| of the error recursion along q_i: the factor the error shrinks (< 1) or grows (> 1) by per step. */
  rate: number;
  /** Whether the error along q_i shrinks. */
  stable: boolean;
}

/** The stability of a rule at a point: both eigen-directions and the step-size limit. */
export interface StabilityReport {
  rule: StabilityRule;
  directions: [DirectionStability, DirectionStability];
  /** The largest stable η: 2/λ_max, 2(1+β)/λ_max or 2(1+β)/((1+2β)λ_max); null when λ_max ≤ 0 (no η contracts every direction). */
  stepLimit: number | null;
}

/**
 * The spectral radius of the error recursion along an eigenvalue λ:
 * |1 − ηλ| for gradient descent; for heavy ball the larger |root| of
 * r² − (1 + β − ηλ) r + β; for Nesterov of r² − (1 + β)(1 − ηλ) r + β(1 − ηλ).
 */
export function contractionRate(rule: StabilityRule, eta: number, lambda: number, beta = 0): number {
  if (rule === 'gradient_descent') return Math.abs(1 - eta * lambda);
  const b = rule === 'momentum' ? 1 + beta - eta * lambda : (1 + beta) * (1 - eta * lambda);
  const c = rule === 'momentum' ? beta : beta * (1 - eta * lambda);
  const discriminant = b * b - 4 * c;
  if (discriminant < 0) return Math.sqrt(c); // complex pair: |r|² = c
  const root = Math.sqrt(discriminant);
  return Math.max(Math.abs((b + root) / 2), Math.abs((b - root) / 2));
}

/** The largest stable step of `rule` for curvature λ_max > 0 (see the module comment). */
export function stableStepLimit(rule: StabilityRule, lambdaMax: number, beta = 0): number | null {
  if (!(lambdaMax > 0)) return null;
  if (rule === 'gradient_descent') return 2 / lambdaMax;
  if (rule === 'momentum') return (2 * (1 + beta)) / lambdaMax;
  return (2 * (1 + beta)) / ((1 + 2 * beta) * lambdaMax);
}

/** The eigen-decomposition of a symmetric 2 × 2 matrix [a b; b c], larger eigenvalue first. */
function eigen2(a: number, b: number, c: number): [[number, [number, number]], [number, [number, number]]] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const angle = 0.5 * Math.atan2(2 * b, a - c);
  const first: [number, number] = [Math.cos(angle), Math.sin(angle)];
  return [
    [mean + radius, first],
    [mean - radius, [-first[1], first[0]]],
  ];
}

/** {@link StabilityReport} of `rule` with rate `eta` (and momentum β) at (x, y) of `problem`. */
export function stabilityAt(problem: AnalyticProblem, x: number, y: number, rule: StabilityRule, eta: number, beta = 0): StabilityReport {
  const [a, b, , c] = derivatives64(problem, x, y).hessian;
  const pairs = eigen2(a, b, c);
  const directions = pairs.map(([eigenvalue, direction]) => {
    const rate = contractionRate(rule, eta, eigenvalue, beta);
    return { eigenvalue, direction, stepTimesCurvature: eta * eigenvalue, rate, stable: rate < 1 };
  }) as [DirectionStability, DirectionStability];
  return { rule, directions, stepLimit: stableStepLimit(rule, pairs[0][0], beta) };
}

/**
 * The analytic 2-D test functions by name, and the parameters of the one
 * family that has any (the rotated quadratic). Pure data: no TensorFlow.js.
 */

/** The analytic functions of two variables the explorer can show. */
export type AnalyticName =
  | 'rosenbrock'
  | 'himmelblau'
  | 'beale'
  | 'saddle'
  | 'monkey_saddle'
  | 'quadratic';

/** Every analytic function name, in the order the UI lists them. */
export const ANALYTIC_NAMES: readonly AnalyticName[] = [
  'rosenbrock',
  'himmelblau',
  'beale',
  'saddle',
  'monkey_saddle',
  'quadratic',
];

/**
 * An analytic problem. `condition` and `angleDeg` apply to `quadratic` only
 * (see {@link quadraticCoefficients}) and are ignored by the others.
 */
export interface AnalyticProblem {
  name: AnalyticName;
  /** Condition number κ ≥ 1 of the quadratic's Hessian (default {@link DEFAULT_CONDITION}). */
  condition?: number;
  /** Angle in degrees of the quadratic's low-curvature axis from the x axis (default {@link DEFAULT_ANGLE_DEG}). */
  angleDeg?: number;
}

/** Default condition number of `quadratic`: elongated enough to show zig-zagging. */
export const DEFAULT_CONDITION = 10;

/** Default rotation of `quadratic`: off the axes, so per-coordinate methods (RMSprop, Adam) look different from SGD. */
export const DEFAULT_ANGLE_DEG = 30;

/** Largest accepted condition number; beyond it float32 cannot resolve the small curvature. */
export const MAX_CONDITION = 1e6;

/**
 * The quadratic f(x, y) = ½ (λ1 u² + λ2 v²) in the rotated coordinates
 *   u =  cos(φ) x + sin(φ) y,   v = −sin(φ) x + cos(φ) y
 * (the point rotated by −φ), with λ1 = 1 and λ2 = κ. Its Hessian is
 * R diag(1, κ) Rᵀ with R the rotation by φ: eigenvalue 1 along (cos φ, sin φ),
 * κ along (−sin φ, cos φ), condition number κ; the minimum f = 0 is at the origin.
 *
 * Equivalently f = ½ (a x² + 2 b x y + c y²) with
 *   a = cos²φ + κ sin²φ,  b = (1 − κ) sin φ cos φ,  c = sin²φ + κ cos²φ.
 */
export interface QuadraticCoefficients {
  cos: number;
  sin: number;
  lambda1: number;
  lambda2: number;
}

/** κ and φ of a `quadratic` problem, defaults filled in and validated. */
export function quadraticCoefficients(problem: AnalyticProblem): QuadraticCoefficients {
  const condition = problem.condition ?? DEFAULT_CONDITION;
  const angleDeg = problem.angleDeg ?? DEFAULT_ANGLE_DEG;
  if (!Number.isFinite(condition) || condition < 1 || condition > MAX_CONDITION) {
    throw new RangeError(
      `quadratic: condition must be a number in [1, ${MAX_CONDITION}], got ${condition}`,
    );
  }
  if (!Number.isFinite(angleDeg)) {
    throw new RangeError(`quadratic: angleDeg must be a finite number, got ${angleDeg}`);
  }
  const phi = (angleDeg * Math.PI) / 180;
  return { cos: Math.cos(phi), sin: Math.sin(phi), lambda1: 1, lambda2: condition };
}

/** Throws a clear error unless `problem` names a known function with valid parameters. */
export function validateProblem(problem: AnalyticProblem): void {
  if (!ANALYTIC_NAMES.includes(problem.name)) {
    throw new RangeError(
      `Unknown analytic function "${String(problem.name)}"; expected one of ${ANALYTIC_NAMES.join(', ')}`,
    );
  }
  if (problem.name === 'quadratic') quadraticCoefficients(problem);
}

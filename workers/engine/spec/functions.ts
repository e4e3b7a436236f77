/**
 * The analytic 2-D test functions by name, the parameters of the one family
 * that has any (the rotated quadratic), and the teaching table: each
 * function's name and formula for display, the window to plot, a start that
 * shows something interesting, where its critical points lie (refined to
 * float64 by `analytic/info.ts`) and whether heights read better on a log
 * scale.
 */
import { EXPERIMENT_LIMITS } from './limits';
import type { CriticalKind, Window2D } from './vocabulary';

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
  /** Condition number κ ≥ 1 of the quadratic's Hessian (range and default: `EXPERIMENT_LIMITS.condition`). */
  condition?: number;
  /** Angle in degrees of the quadratic's low-curvature axis from the x axis (default: `EXPERIMENT_LIMITS.angleDeg`). */
  angleDeg?: number;
}

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
  const limits = EXPERIMENT_LIMITS.condition;
  const condition = problem.condition ?? limits.default;
  const angleDeg = problem.angleDeg ?? EXPERIMENT_LIMITS.angleDeg.default;
  if (!Number.isFinite(condition) || condition < limits.min || condition > limits.max) {
    throw new RangeError(
      `quadratic: condition must be a number in [${limits.min}, ${limits.max}], got ${condition}`,
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

/** A rough location of a critical point, from which Newton's method converges to it. */
export interface CriticalSeed {
  x: number;
  y: number;
  /**
   * The kind where the Hessian is singular (det H = 0, e.g. the monkey
   * saddle's origin) and its signature cannot decide; ignored otherwise.
   */
  degenerateKind?: CriticalKind;
}

/** One row of the teaching table. */
export interface AnalyticFunctionSpec {
  /** Display name, e.g. "Rosenbrock". */
  label: string;
  /** The formula in plain Unicode text, e.g. "f(x, y) = (1 − x)² + 100 (y − x²)²". */
  formula: (problem: AnalyticProblem) => string;
  /** The default plotting window. */
  window: Window2D;
  /** The default starting point of the optimizers. */
  start: readonly [number, number];
  /** Rough locations of every critical point in the window. */
  criticalSeeds: readonly CriticalSeed[];
  /** Whether heights are best shown as log(f − min f + ε): true where f ≥ 0 spans many decades. */
  logScale: boolean;
}

const square = (half: number): Window2D => ({ xMin: -half, xMax: half, yMin: -half, yMax: half });

/** The teaching table: every analytic function's display and defaults. */
export const ANALYTIC_FUNCTIONS: Readonly<Record<AnalyticName, AnalyticFunctionSpec>> = {
  rosenbrock: {
    label: 'Rosenbrock',
    formula: () => 'f(x, y) = (1 − x)² + 100 (y − x²)²',
    window: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    // On the far side of the curved valley: every method must turn along it to reach (1, 1).
    start: [-1.5, 2],
    criticalSeeds: [{ x: 1, y: 1 }],
    logScale: true,
  },
  himmelblau: {
    label: 'Himmelblau',
    formula: () => 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
    window: square(5),
    // Near the central maximum: different methods fall into different minima.
    start: [0.5, 0.5],
    criticalSeeds: [
      { x: 3, y: 2 },
      { x: -2.8, y: 3.1 },
      { x: -3.8, y: -3.3 },
      { x: 3.6, y: -1.8 },
      { x: -0.27, y: -0.92 },
      { x: 0.09, y: 2.88 },
      { x: -3.07, y: -0.08 },
      { x: 3.39, y: 0.07 },
      { x: -0.13, y: -1.95 },
    ],
    logScale: true,
  },
  beale: {
    label: 'Beale',
    formula: () => 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    window: square(4.5),
    // Between the saddle (0, 1) and the minimum: the path must find the long, flat valley to (3, 0.5).
    start: [1, 1.5],
    criticalSeeds: [
      { x: 3, y: 0.5 },
      { x: 0, y: 1 },
      { x: 0.1, y: -2.64 },
    ],
    logScale: true,
  },
  saddle: {
    label: 'Saddle',
    formula: () => 'f(x, y) = x² − y²',
    window: square(1.5),
    // Almost on the ridge y = 0: gradient descent lingers near the saddle before escaping.
    start: [1, 0.001],
    criticalSeeds: [{ x: 0, y: 0 }],
    logScale: false,
  },
  monkey_saddle: {
    label: 'Monkey saddle',
    formula: () => 'f(x, y) = x³ − 3xy²',
    window: square(1.5),
    // Close to the ridge y = 0, so the path first creeps towards the flat origin.
    start: [1, 0.05],
    // ∇²f = 0 at the origin, so its signature cannot classify it: three valleys meet three ridges there.
    criticalSeeds: [{ x: 0, y: 0, degenerateKind: 'saddle' }],
    logScale: false,
  },
  quadratic: {
    label: 'Quadratic',
    formula: (problem) => {
      const condition = problem.condition ?? EXPERIMENT_LIMITS.condition.default;
      const angle = problem.angleDeg ?? EXPERIMENT_LIMITS.angleDeg.default;
      return `f(x, y) = ½ (u² + ${condition} v²), (u, v) = (x, y) rotated by −${angle}°`;
    },
    window: square(2),
    // Mostly along the shallow axis with some steep component: shows zig-zagging.
    start: [-1.8, -0.6],
    criticalSeeds: [{ x: 0, y: 0 }],
    logScale: false,
  },
};

/** What the page shows about an analytic problem besides its heights and critical points. */
export interface AnalyticTeaching {
  /** Display name, e.g. "Rosenbrock". */
  label: string;
  /** The formula with the problem's parameters written in. */
  formula: string;
  /** The default plotting window (a fresh copy). */
  window: Window2D;
  /** The default starting point of the optimizers. */
  start: [number, number];
  /** Whether heights are best shown on a log scale. */
  logScale: boolean;
}

/** The teaching defaults of `problem` from {@link ANALYTIC_FUNCTIONS}, after {@link validateProblem}. */
export function analyticTeaching(problem: AnalyticProblem): AnalyticTeaching {
  validateProblem(problem);
  const row = ANALYTIC_FUNCTIONS[problem.name];
  return {
    label: row.label,
    formula: row.formula(problem),
    window: { ...row.window },
    start: [row.start[0], row.start[1]],
    logScale: row.logScale,
  };
}

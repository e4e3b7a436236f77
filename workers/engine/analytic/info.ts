/**
 * Teaching defaults for each analytic function: its name and formula for
 * display, the window to plot, a starting point that shows something
 * interesting, its critical points, and whether heights read better on a log scale.
 */
import { refineCriticalPoint, type CriticalPoint, type CriticalSeed } from './criticalPoints';
import {
  DEFAULT_ANGLE_DEG,
  DEFAULT_CONDITION,
  validateProblem,
  type AnalyticName,
  type AnalyticProblem,
} from '../spec/functions';

import type { Window2D } from '../spec/vocabulary';

export type { CriticalPoint } from './criticalPoints';

/** Everything the UI shows about an analytic function besides its heights. */
export interface AnalyticInfo {
  /** Display name, e.g. "Rosenbrock". */
  label: string;
  /** The formula in plain Unicode text, e.g. "f(x, y) = (1 − x)² + 100 (y − x²)²". */
  formula: string;
  /** The default plotting window. */
  window: Window2D;
  /** The default starting point of the optimizers. */
  start: [number, number];
  /** Every critical point inside `window`, to float64 precision. */
  criticalPoints: CriticalPoint[];
  /** Whether heights are best shown as log(f − min f + ε): true where f ≥ 0 spans many decades. */
  logScale: boolean;
}

interface Definition {
  label: string;
  formula: (problem: AnalyticProblem) => string;
  window: Window2D;
  start: [number, number];
  /** Rough locations of all critical points in the window (refined by Newton's method). */
  seeds: CriticalSeed[];
  logScale: boolean;
}

const square = (half: number): Window2D => ({ xMin: -half, xMax: half, yMin: -half, yMax: half });

const DEFINITIONS: Record<AnalyticName, Definition> = {
  rosenbrock: {
    label: 'Rosenbrock',
    formula: () => 'f(x, y) = (1 − x)² + 100 (y − x²)²',
    window: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    // On the far side of the curved valley: every method must turn along it to reach (1, 1).
    start: [-1.5, 2],
    seeds: [{ x: 1, y: 1 }],
    logScale: true,
  },
  himmelblau: {
    label: 'Himmelblau',
    formula: () => 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
    window: square(5),
    // Near the central maximum: different methods fall into different minima.
    start: [0.5, 0.5],
    seeds: [
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
    seeds: [
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
    seeds: [{ x: 0, y: 0 }],
    logScale: false,
  },
  monkey_saddle: {
    label: 'Monkey saddle',
    formula: () => 'f(x, y) = x³ − 3xy²',
    window: square(1.5),
    // Close to the ridge y = 0, so the path first creeps towards the flat origin.
    start: [1, 0.05],
    // ∇²f = 0 at the origin, so its signature cannot classify it: three valleys meet three ridges there.
    seeds: [{ x: 0, y: 0, degenerateKind: 'saddle' }],
    logScale: false,
  },
  quadratic: {
    label: 'Quadratic',
    formula: (problem) => {
      const condition = problem.condition ?? DEFAULT_CONDITION;
      const angle = problem.angleDeg ?? DEFAULT_ANGLE_DEG;
      return `f(x, y) = ½ (u² + ${condition} v²), (u, v) = (x, y) rotated by −${angle}°`;
    },
    window: square(2),
    // Mostly along the shallow axis with some steep component: shows zig-zagging.
    start: [-1.8, -0.6],
    seeds: [{ x: 0, y: 0 }],
    logScale: false,
  },
};

/**
 * The teaching defaults of `problem` (see {@link AnalyticInfo}); critical
 * points are computed afresh (Newton's method in float64, a few microseconds).
 */
export function analyticInfo(problem: AnalyticProblem): AnalyticInfo {
  validateProblem(problem);
  const definition = DEFINITIONS[problem.name];
  return {
    label: definition.label,
    formula: definition.formula(problem),
    window: { ...definition.window },
    start: [definition.start[0], definition.start[1]],
    criticalPoints: definition.seeds.map((seed) => refineCriticalPoint(problem, seed)),
    logScale: definition.logScale,
  };
}

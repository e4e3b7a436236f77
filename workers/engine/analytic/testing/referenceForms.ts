/**
 * Test references: f, ∇f and ∇²f of every analytic function in float64,
 * written out by hand (expanded differently from the engine's closedForms64)
 * and themselves checked against finite differences in referenceForms.test.ts.
 */
import type { AnalyticProblem } from '../../spec/functions';

/** f, ∇f and ∇²f at one point, in float64. */
export interface Reference {
  f: number;
  grad: [number, number];
  /** Row-major [f_xx, f_xy, f_yx, f_yy]. */
  hessian: [number, number, number, number];
}

/** The test's independent float64 value, gradient and Hessian of `problem` at (x, y). */
export function reference(problem: AnalyticProblem, x: number, y: number): Reference {
  switch (problem.name) {
    case 'rosenbrock':
      return {
        f: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        grad: [400 * x ** 3 - 400 * x * y + 2 * x - 2, 200 * y - 200 * x * x],
        hessian: [1200 * x * x - 400 * y + 2, -400 * x, -400 * x, 200],
      };
    case 'himmelblau':
      return {
        f: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        grad: [
          4 * x ** 3 + 4 * x * y - 42 * x + 2 * y * y - 14,
          4 * y ** 3 + 4 * x * y - 26 * y + 2 * x * x - 22,
        ],
        hessian: [12 * x * x + 4 * y - 42, 4 * x + 4 * y, 4 * x + 4 * y, 12 * y * y + 4 * x - 26],
      };
    case 'beale': {
      const r1 = 1.5 - x + x * y;
      const r2 = 2.25 - x + x * y * y;
      const r3 = 2.625 - x + x * y ** 3;
      const fxy =
        2 * (x * (y - 1) + r1) +
        2 * (2 * x * y * (y * y - 1) + 2 * y * r2) +
        2 * (3 * x * y * y * (y ** 3 - 1) + 3 * y * y * r3);
      return {
        f: r1 * r1 + r2 * r2 + r3 * r3,
        grad: [
          2 * r1 * (y - 1) + 2 * r2 * (y * y - 1) + 2 * r3 * (y ** 3 - 1),
          2 * r1 * x + 4 * r2 * x * y + 6 * r3 * x * y * y,
        ],
        hessian: [
          2 * (y - 1) ** 2 + 2 * (y * y - 1) ** 2 + 2 * (y ** 3 - 1) ** 2,
          fxy,
          fxy,
          2 * x * x + 8 * x * x * y * y + 4 * x * r2 + 18 * x * x * y ** 4 + 12 * x * y * r3,
        ],
      };
    }
    case 'saddle':
      return { f: x * x - y * y, grad: [2 * x, -2 * y], hessian: [2, 0, 0, -2] };
    case 'monkey_saddle':
      return {
        f: x ** 3 - 3 * x * y * y,
        grad: [3 * x * x - 3 * y * y, -6 * x * y],
        hessian: [6 * x, -6 * y, -6 * y, -6 * x],
      };
    case 'quadratic': {
      // H = R diag(1, κ) Rᵀ with R = [[c, −s], [s, c]], f = ½ pᵀ H p, ∇f = H p.
      const kappa = problem.condition ?? 10;
      const phi = ((problem.angleDeg ?? 30) * Math.PI) / 180;
      const c = Math.cos(phi);
      const s = Math.sin(phi);
      const rotation = [
        [c, -s],
        [s, c],
      ];
      const diagonal = [1, kappa];
      const h = (i: number, j: number) =>
        rotation[i][0] * diagonal[0] * rotation[j][0] + rotation[i][1] * diagonal[1] * rotation[j][1];
      const hessian: [number, number, number, number] = [h(0, 0), h(0, 1), h(1, 0), h(1, 1)];
      const grad: [number, number] = [hessian[0] * x + hessian[1] * y, hessian[2] * x + hessian[3] * y];
      return { f: 0.5 * (x * grad[0] + y * grad[1]), grad, hessian };
    }
  }
}

/** Largest absolute entry, the scale of the fixtures' "max abs error ≤ 1e-4 × max abs expected" rule. */
export function maxAbs(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} differs from the expected ${expected.length}`);
  }
  let largest = 0;
  for (let i = 0; i < actual.length; i++) largest = Math.max(largest, Math.abs(actual[i] - expected[i]));
  return largest;
}

/**
 * The analytic 2-D functions as batched TensorFlow.js computations.
 *
 * | name            | f(x, y)                                                        |
 * |-----------------|----------------------------------------------------------------|
 * | `rosenbrock`    | (1 − x)² + 100 (y − x²)²                                       |
 * | `himmelblau`    | (x² + y − 11)² + (x + y² − 7)²                                 |
 * | `beale`         | (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²        |
 * | `saddle`        | x² − y²                                                        |
 * | `monkey_saddle` | x³ − 3xy²                                                      |
 * | `quadratic`     | ½ (u² + κ v²), (u, v) = (x, y) rotated by −φ (see problems.ts) |
 *
 * Only add, sub, mul, square and split/reshape are used: each of their
 * gradients is built from the op's inputs with ops that are themselves
 * differentiable, so the results are correct under double differentiation
 * (Hessians by tf.grad of tf.grad). Integer powers are products, never tf.pow.
 */
import * as tf from '@tensorflow/tfjs-core';
import { quadraticCoefficients, validateProblem, type AnalyticProblem } from '../spec/functions';

export type { AnalyticName, AnalyticProblem } from '../spec/functions';
export { ANALYTIC_NAMES, quadraticCoefficients, validateProblem } from '../spec/functions';
export type { AnalyticInfo, CriticalPoint } from './info';
export { analyticInfo } from './info';

/** A [K, 1] column of coordinates or values. */
type Column = tf.Tensor;

/**
 * f at K points: `points` is [K, 2] (rows (x, y)), the result is [K].
 * Makes intermediate tensors: call it inside tf.tidy (or a tf.grad function).
 */
export function lossOfPoints(problem: AnalyticProblem, points: tf.Tensor2D): tf.Tensor1D {
  validateProblem(problem);
  if (points.rank !== 2 || points.shape[1] !== 2) {
    throw new RangeError(`lossOfPoints: points must have shape [K, 2], got [${points.shape.join(', ')}]`);
  }
  const [x, y] = tf.split(points, 2, 1);
  const value = columnLoss(problem, x, y);
  return tf.reshape(value, [points.shape[0]]) as tf.Tensor1D;
}

/** f of the column vectors x, y ([K, 1] each), as a [K, 1] tensor. */
function columnLoss(problem: AnalyticProblem, x: Column, y: Column): Column {
  switch (problem.name) {
    case 'rosenbrock':
      // (1 − x)² + 100 (y − x²)²
      return tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))));
    case 'himmelblau':
      // (x² + y − 11)² + (x + y² − 7)²
      return tf.add(
        tf.square(tf.sub(tf.add(tf.square(x), y), 11)),
        tf.square(tf.sub(tf.add(x, tf.square(y)), 7)),
      );
    case 'beale': {
      // Σ_k (c_k − x + x y^k)², k = 1, 2, 3, with c = (1.5, 2.25, 2.625).
      const xy = tf.mul(x, y);
      const xy2 = tf.mul(xy, y);
      const xy3 = tf.mul(xy2, y);
      const term = (c: number, xyk: Column) => tf.square(tf.add(tf.sub(c, x), xyk));
      return tf.add(tf.add(term(1.5, xy), term(2.25, xy2)), term(2.625, xy3));
    }
    case 'saddle':
      // x² − y²
      return tf.sub(tf.square(x), tf.square(y));
    case 'monkey_saddle':
      // x³ − 3 x y² = x (x² − 3 y²)
      return tf.mul(x, tf.sub(tf.square(x), tf.mul(3, tf.square(y))));
    case 'quadratic': {
      // ½ (λ1 u² + λ2 v²), u = cos φ x + sin φ y, v = −sin φ x + cos φ y
      const q = quadraticCoefficients(problem);
      const u = tf.add(tf.mul(q.cos, x), tf.mul(q.sin, y));
      const v = tf.sub(tf.mul(q.cos, y), tf.mul(q.sin, x));
      return tf.mul(0.5, tf.add(tf.mul(q.lambda1, tf.square(u)), tf.mul(q.lambda2, tf.square(v))));
    }
  }
}

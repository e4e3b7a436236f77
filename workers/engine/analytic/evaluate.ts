/**
 * Heights of an analytic function on a grid, and its loss, gradient and
 * Hessian at a batch of points, each in as few TensorFlow.js calls as possible.
 */
import * as tf from '@tensorflow/tfjs-core';
import { lossOfPoints } from './functions';
import { assertGradientsRegistered } from './gradientsRegistered';
import { validateProblem, type AnalyticProblem } from '../spec/functions';
import { gridIndex } from '../math/plane/gridIndex';
import type { Window2D } from '../spec/vocabulary';

/**
 * A regular nx × ny grid over a window: x_i = xMin + i (xMax − xMin)/(nx − 1),
 * y_j = yMin + j (yMax − yMin)/(ny − 1); heights are row-major, f(x_i, y_j) at index j·nx + i.
 */
export interface Grid2D extends Window2D {
  nx: number;
  ny: number;
}

/** Smallest accepted grid side (nx or ny): the window's two edges. */
export const GRID_SIDE_MIN = 2;
/** Largest accepted grid side: 1024² ≈ 10⁶ points, 4 MB of float32 heights. */
export const GRID_SIDE_MAX = 1024;

/** Points per batched call: bounds the intermediate tensors at a few MB. */
const GRID_CHUNK_POINTS = 1 << 16;

/** Throws a RangeError naming the offending field unless `grid` is a valid {@link Grid2D}. */
export function validateGrid(grid: Grid2D): void {
  for (const side of ['nx', 'ny'] as const) {
    const n = grid[side];
    if (!Number.isInteger(n) || n < GRID_SIDE_MIN || n > GRID_SIDE_MAX) {
      throw new RangeError(
        `Grid ${side} must be an integer in [${GRID_SIDE_MIN}, ${GRID_SIDE_MAX}], got ${n}`,
      );
    }
  }
  for (const axis of ['x', 'y'] as const) {
    const lo = grid[`${axis}Min`];
    const hi = grid[`${axis}Max`];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new RangeError(
        `Grid window needs finite ${axis}Min < ${axis}Max, got ${axis}Min = ${lo}, ${axis}Max = ${hi}`,
      );
    }
  }
}

/** The grid's points (x_i, y_j) in row-major order, interleaved, in float32. */
export function gridPoints(grid: Grid2D): Float32Array {
  validateGrid(grid);
  const { nx, ny } = grid;
  const dx = (grid.xMax - grid.xMin) / (nx - 1);
  const dy = (grid.yMax - grid.yMin) / (ny - 1);
  const points = new Float32Array(nx * ny * 2);
  for (let j = 0; j < ny; j++) {
    const y = grid.yMin + j * dy;
    for (let i = 0; i < nx; i++) {
      const k = gridIndex(nx, i, j);
      points[2 * k] = grid.xMin + i * dx;
      points[2 * k + 1] = y;
    }
  }
  return points;
}

/**
 * f at every grid point (row-major, index j·nx + i), as one batched
 * computation per chunk of {@link GRID_CHUNK_POINTS} points.
 */
export async function evaluateGrid(problem: AnalyticProblem, grid: Grid2D): Promise<Float32Array> {
  validateProblem(problem);
  const points = gridPoints(grid);
  const count = grid.nx * grid.ny;
  const heights = new Float32Array(count);
  for (let first = 0; first < count; first += GRID_CHUNK_POINTS) {
    const size = Math.min(GRID_CHUNK_POINTS, count - first);
    const chunk = points.subarray(2 * first, 2 * (first + size));
    const values = tf.tidy(() => lossOfPoints(problem, tf.tensor2d(chunk, [size, 2])));
    heights.set(await values.data(), first);
    values.dispose();
  }
  return heights;
}

/**
 * The same heights as {@link evaluateGrid}, one TensorFlow.js call (and one
 * read-back) per point: the naive baseline that the benchmark compares against.
 */
export async function evaluateGridPerPoint(problem: AnalyticProblem, grid: Grid2D): Promise<Float32Array> {
  validateProblem(problem);
  const points = gridPoints(grid);
  const heights = new Float32Array(grid.nx * grid.ny);
  for (let k = 0; k < heights.length; k++) {
    const value = tf.tidy(() => lossOfPoints(problem, tf.tensor2d(points.subarray(2 * k, 2 * k + 2), [1, 2])));
    heights[k] = (await value.data())[0];
    value.dispose();
  }
  return heights;
}

/** f, ∇f and ∇²f (row-major: [f_xx, f_xy, f_yx, f_yy]) at one point. */
export interface PointDerivatives {
  loss: number;
  grad: [number, number];
  hessian: [number, number, number, number];
}

/** Columns of the batched result: loss, ∂x, ∂y, then the Hessian's two rows. */
const DERIVATIVE_COLUMNS = 7;

/**
 * f, ∇f and ∇²f at K points (`points` = x0, y0, x1, y1, …), in one batched
 * computation and one read-back.
 *
 * Because f at one point does not depend on the others, ∂/∂p_k Σ_j f(p_j) =
 * ∇f(p_k): the gradient of the sum gives every point's gradient. For the
 * Hessian (double back-propagation) the points are stacked twice, P = [p; p]
 * (2K rows), and Σ_k ∂f/∂x(P_k) over the first copy plus Σ_k ∂f/∂y(P_k) over
 * the second is differentiated once more: row k of the result is
 * (f_xx, f_xy)(p_k) and row K + k is (f_yx, f_yy)(p_k). One second-order
 * pass over 2K points thus replaces two over K. The off-diagonal entries,
 * equal in exact arithmetic, are replaced by their mean so the Hessian is
 * exactly symmetric.
 */
export async function derivativesAt(
  problem: AnalyticProblem,
  points: Float64Array,
): Promise<PointDerivatives[]> {
  validateProblem(problem);
  if (points.length % 2 !== 0) {
    throw new RangeError(`derivativesAt: points must hold (x, y) pairs, got ${points.length} numbers`);
  }
  const count = points.length / 2;
  if (count === 0) return [];
  assertGradientsRegistered();
  const table = tf.tidy(() => {
    const at = tf.tensor2d(Float32Array.from(points), [count, 2]);
    // tf.grad hands its function a plain tf.Tensor; here it is always [K, 2] or [2K, 2].
    const totalLoss = (p: tf.Tensor) => tf.sum(lossOfPoints(problem, p as tf.Tensor2D));
    const gradient = (p: tf.Tensor) => tf.grad(totalLoss)(p);
    // Picks ∂f/∂x in the first copy and ∂f/∂y in the second.
    const selector = tf.concat(
      [tf.tile(tf.tensor2d([[1, 0]]), [count, 1]), tf.tile(tf.tensor2d([[0, 1]]), [count, 1])],
      0,
    );
    const hessianRows = tf.grad((p: tf.Tensor) => tf.sum(tf.mul(gradient(p), selector)))(tf.concat([at, at], 0));
    const loss = tf.reshape(lossOfPoints(problem, at), [count, 1]);
    const rowX = tf.slice(hessianRows, [0, 0], [count, 2]);
    const rowY = tf.slice(hessianRows, [count, 0], [count, 2]);
    return tf.concat([loss, gradient(at), rowX, rowY], 1);
  });
  const values = await table.data();
  table.dispose();
  const result: PointDerivatives[] = [];
  for (let k = 0; k < count; k++) {
    const row = k * DERIVATIVE_COLUMNS;
    const offDiagonal = 0.5 * (values[row + 4] + values[row + 5]);
    result.push({
      loss: values[row],
      grad: [values[row + 1], values[row + 2]],
      hessian: [values[row + 3], offDiagonal, offDiagonal, values[row + 6]],
    });
  }
  return result;
}

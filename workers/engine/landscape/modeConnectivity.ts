/**
 * Mode connectivity between two trained solutions θ_A and θ_B (Garipov,
 * Izmailov, Podoprikhin, Vetrov & Wilson 2018, "Loss Surfaces, Mode
 * Connectivity, and Fast Ensembling of DNNs"; Draxler et al. 2018).
 *
 * - The straight line φ(t) = (1 − t) θ_A + t θ_B usually crosses a barrier.
 * - The quadratic Bézier curve with control point θ_c,
 *     φ_c(t) = (1 − t)² θ_A + 2t(1 − t) θ_c + t² θ_B,   t ∈ [0, 1],
 *   joins the same end points; θ_c is trained to minimise the loss averaged
 *   along the curve, ℓ(θ_c) = E_{t ~ U[0,1]} L(φ_c(t)), whose stochastic
 *   gradient is ∂/∂θ_c L(φ_c(t)) = 2t(1 − t) ∇L(φ_c(t)). Each step draws m
 *   stratified samples t_j = (j + u_j)/m (u_j ~ U[0,1), j = 0 … m − 1) from
 *   Rng.derive(seed, 'bezier:' + step) and descends along
 *   (1/m) Σ_j 2t_j(1 − t_j) ∇L(φ_c(t_j)).
 * The barrier of a path is max_t [L(φ(t)) − ((1 − t) L(θ_A) + t L(θ_B))],
 * the largest rise above the chord between the end losses (Frankle et al.
 * 2020). Both paths lie in the plane through θ_A, θ_B and θ_c (the curve is
 * a combination of the three), drawn with orthonormal axes: θ_A at the
 * origin, d₁ along θ_B − θ_A.
 */
import { linspace } from '../math/plane/grid';
import { planeThroughPoints } from '../math/plane/interpolation';
import type { Plane } from '../math/plane/plane';
import { dot } from '../math/plane/vectors';
import { Rng } from '../math/rng';
import { throwIfAborted, type LongRunOptions } from '../math/krylov/operator';
import type { BatchEvaluation } from '../networks/objective';
import type { NetworkObjective } from '../networks/regularizedObjective';
import type { RuleConfig } from '../optimizers/optimizers';
import { resolveOptimizer } from '../spec/optimizers/validate';
import { descend, type GradientRule } from '../training/descent';
import { evaluateSliceGrid } from './sliceGrid';

/** What mode connectivity needs of a loss. */
export type ConnectivityModel = Pick<NetworkObjective, 'paramCount' | 'lossAndGrad' | 'evaluateBatch'> &
  Partial<Pick<NetworkObjective, 'evaluatePlane'>>;

/** φ_c(t) = (1 − t)² a + 2t(1 − t) c + t² b in float64 (c = null: the line (1 − t) a + t b). */
export function bezierPoint(a: ArrayLike<number>, control: ArrayLike<number> | null, b: ArrayLike<number>, t: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = control === null ? (1 - t) * a[i] + t * b[i] : (1 - t) ** 2 * a[i] + 2 * t * (1 - t) * control[i] + t * t * b[i];
  }
  return out;
}

/** The m stratified curve samples of training step `step` (see the module comment). */
export function curveSamples(seed: number, step: number, m: number): Float64Array {
  const rng = Rng.derive(seed, `bezier:${step}`);
  return Float64Array.from({ length: m }, (_, j) => (j + rng.uniform()) / m);
}

/** max_t [L(t) − ((1 − t) L(0) + t L(1))] over a profile whose first and last points are the ends (t = 0 and 1). */
export function barrierHeight(t: ArrayLike<number>, loss: ArrayLike<number>): number {
  const first = loss[0];
  const last = loss[loss.length - 1];
  let barrier = -Infinity;
  for (let i = 0; i < t.length; i++) barrier = Math.max(barrier, loss[i] - ((1 - t[i]) * first + t[i] * last));
  return barrier;
}

/** The gradient rule of the curve's training objective over θ_c (the parameters descended). */
export function bezierCurveRule(model: ConnectivityModel, a: Float32Array, b: Float32Array, samples: number, seed: number): GradientRule {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples per step must be an integer ≥ 1, got ${samples}`);
  return async (control, step) => {
    const n = control.length;
    const grad = new Float32Array(n);
    let loss = 0;
    for (const t of curveSamples(seed, step, samples)) {
      const value = await model.lossAndGrad(Float32Array.from(bezierPoint(a, control, b, t)));
      const weight = (2 * t * (1 - t)) / samples;
      for (let i = 0; i < n; i++) grad[i] += weight * value.grad[i];
      loss += value.loss / samples;
    }
    return { loss, grad, penalty: 0, evaluations: samples };
  };
}

/** How the curve is trained. */
export interface CurveTrainingOptions extends LongRunOptions {
  /** Updates of θ_c (default 200). */
  steps?: number;
  /** Curve samples per update (default 4). */
  samples?: number;
  /** Default Adam, η = 0.01. */
  optimizer?: RuleConfig;
  seed?: number;
  /** θ_c's start (default the midpoint (θ_A + θ_B)/2, where the curve is the line). */
  initialControl?: Float32Array;
}

/** The loss along a path at evenly spaced t. */
export interface PathProfile {
  t: Float64Array;
  loss: Float32Array;
  accuracy: Float32Array | null;
  barrier: number;
  /** Plane coordinates (a, b) of each point, K×2 row-major. */
  coordinates: Float64Array;
}

/** The line, the trained curve and the loss on the plane through the three points. */
export interface ModeConnectivity {
  line: PathProfile;
  curve: PathProfile;
  /** The trained control point θ_c. */
  control: Float32Array;
  /** The curve objective of each training update (mean loss of its samples). */
  curveTrainingLosses: Float64Array;
  /** The plane: centre θ_A, d₁ along θ_B − θ_A, d₂ towards θ_c, both unit. */
  plane: Plane;
  /** Plane coordinates of θ_A, θ_B and θ_c, [aA, bA, aB, bB, aC, bC]. */
  anchors: Float64Array;
  /** The grid: loss[j·nα + i] at (alphas[i], betas[j]). */
  alphas: Float64Array;
  betas: Float64Array;
  gridLoss: Float32Array;
}

/** Settings of `modeConnectivity`. */
export interface ModeConnectivityOptions extends CurveTrainingOptions {
  /** Points along each path (default 33). */
  pathPoints?: number;
  /** Grid points per axis of the plane (default 25). */
  gridPoints?: number;
  /** Grid margin beyond the three points, as a fraction of ‖θ_B − θ_A‖ (default 0.25). */
  margin?: number;
}

/** Loss and accuracy at the points of a path (one batched evaluation). */
async function pathProfile(
  model: ConnectivityModel,
  a: Float32Array,
  control: Float32Array | null,
  b: Float32Array,
  count: number,
  plane: Plane,
): Promise<PathProfile> {
  const n = a.length;
  const t = linspace(0, 1, count);
  const points = new Float32Array(count * n);
  const coordinates = new Float64Array(2 * count);
  t.forEach((ti, k) => {
    const point = bezierPoint(a, control, b, ti);
    points.set(point, k * n);
    const offset = point.map((v, i) => v - plane.centre[i]);
    coordinates[2 * k] = dot(offset, plane.d1);
    coordinates[2 * k + 1] = dot(offset, plane.d2 as ArrayLike<number>);
  });
  const { loss, accuracy }: BatchEvaluation = await model.evaluateBatch(points, count);
  return { t, loss, accuracy, barrier: barrierHeight(t, loss), coordinates };
}

/**
 * Trains the Bézier curve between `a` and `b`, then profiles it and the
 * straight line and evaluates the loss on the plane through θ_A, θ_B and θ_c.
 * Progress: the curve's training updates, then the grid's points (each
 * phase reported as (done, its total)).
 */
export async function modeConnectivity(
  model: ConnectivityModel,
  a: Float32Array,
  b: Float32Array,
  options: ModeConnectivityOptions = {},
): Promise<ModeConnectivity> {
  const n = model.paramCount;
  if (a.length !== n || b.length !== n) throw new RangeError(`θ_A and θ_B need ${n} entries, got ${a.length} and ${b.length}`);
  const start = options.initialControl ?? Float32Array.from(bezierPoint(a, null, b, 0.5));
  const training = await descend(start, bezierCurveRule(model, a, b, options.samples ?? 4, options.seed ?? 0), {
    optimizer: options.optimizer ?? resolveOptimizer({ name: 'adam', lr: 0.01 }, 'analytic'),
    steps: options.steps ?? 200,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  throwIfAborted(options.signal);
  const control = training.params;
  const through = planeThroughPoints(a, b, control, { orthonormal: true });
  const plane: Plane = { centre: through.centre, d1: through.d1, d2: through.d2 };
  // θ_A at (0, 0), θ_B at (‖θ_B − θ_A‖, 0), θ_c above the line.
  const anchors = through.coordinates;
  const points = options.pathPoints ?? 33;
  const line = await pathProfile(model, a, null, b, points, plane);
  const curve = await pathProfile(model, a, control, b, points, plane);
  const gridPoints = options.gridPoints ?? 25;
  const margin = (options.margin ?? 0.25) * anchors[2];
  const along = [anchors[0], anchors[2], anchors[4], ...every(curve.coordinates, 0)];
  const across = [anchors[1], anchors[3], anchors[5], ...every(curve.coordinates, 1)];
  const alphas = linspace(Math.min(...along) - margin, Math.max(...along) + margin, gridPoints);
  const betas = linspace(Math.min(...across) - margin, Math.max(...across) + margin, gridPoints);
  const grid = await evaluateSliceGrid(model, plane, alphas, betas, { signal: options.signal, onProgress: options.onProgress });
  return {
    line,
    curve,
    control,
    curveTrainingLosses: training.losses,
    plane,
    anchors,
    alphas,
    betas,
    gridLoss: grid.loss,
  };
}

/** Entries `which`, `which + 2`, … of a K×2 array. */
function every(pairs: Float64Array, which: 0 | 1): number[] {
  return Array.from({ length: pairs.length / 2 }, (_, k) => pairs[2 * k + which]);
}

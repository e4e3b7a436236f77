/**
 * The directions of a landscape slice (Li et al. 2018, "Visualizing the Loss
 * Landscape of Neural Nets"; Goodfellow et al. 2015):
 * - 'random': two seeded Gaussian directions, each filter-normalised with
 *   respect to the centre (per unit, the direction's incoming weights are
 *   scaled to the norm of the centre's; biases 0), so the picture does not
 *   depend on the scale invariances of the network;
 * - 'hessian': the eigenvectors of the two largest Hessian eigenvalues at
 *   the centre (Lanczos on Hessian-vector products): the sharpest plane;
 * - 'pca': the first two principal directions of a trajectory of parameter
 *   snapshots, centred on its last point: the plane the run moved in most;
 * - 'interpolation': the line from θ_A to θ_B, or the plane through θ_0,
 *   θ_A and θ_B.
 */
import { lanczosExtremes } from '../math/krylov/lanczos';
import type { LongRunOptions } from '../math/krylov/operator';
import { filterNormalize } from './filterNormalize';
import type { MlpObjective } from '../networks/objective';
import { Rng } from '../math/rng';
import { trajectoryPca } from '../math/plane/pca';
import { lineThroughPoints, planeThroughPoints } from '../math/plane/interpolation';
import { dot } from '../math/plane/vectors';
import { curvatureOperator } from '../curvature/operators';
import { checkPlane, type Plane } from '../math/plane/plane';
import type { SliceDirectionsKind } from '../spec/landscapeSettings';
import type { DirectionSpec } from '../spec/sliceInputs';

/** A slice's plane with what was learnt choosing it. */
export interface SliceDirections extends Plane {
  kind: SliceDirectionsKind;
  /** ‖d1‖ and ‖d2‖ (null on a line). */
  norms: [number, number | null];
  /** ∠(d1, d2) in degrees (null on a line); random high-dimensional directions are nearly orthogonal. */
  angleDegrees: number | null;
  /** 'pca': σ_k² / Σ σ_j², the share of the trajectory's spread along d1 and d2. */
  explainedVariance: [number, number] | null;
  /** 'hessian': the eigenvalues of d1 and d2 (Ritz values) and the products Lanczos used. */
  eigenvalues: number[] | null;
  products: number;
  /**
   * Plane coordinates (a, b) of the points that define the slice, K×2
   * row-major: 'interpolation' its 2 or 3 points, 'pca' every snapshot;
   * null otherwise.
   */
  anchors: Float64Array | null;
}

/** What choosing directions needs from a model (MlpObjective provides it). */
export type DirectionModel = Pick<MlpObjective, 'spec' | 'paramCount' | 'hvpBatch' | 'gnvpBatch'>;

/**
 * The slice plane described by `spec` for `model`. Only 'hessian' is long
 * (Lanczos products); it honours `signal` and reports progress as
 * (products, maxProducts).
 */
export async function sliceDirections(
  model: DirectionModel,
  spec: DirectionSpec,
  options: LongRunOptions = {},
): Promise<SliceDirections> {
  const size = model.paramCount;
  const plane = await planeFor(model, spec, options);
  checkPlane('sliceDirections', plane, size);
  return describe(plane);
}

type PlaneParts = Omit<SliceDirections, 'norms' | 'angleDegrees'>;

async function planeFor(model: DirectionModel, spec: DirectionSpec, options: LongRunOptions): Promise<PlaneParts> {
  const blank = { explainedVariance: null, eigenvalues: null, products: 0, anchors: null };
  switch (spec.kind) {
    case 'random': {
      const centre = Float32Array.from(spec.centre);
      const draw = (label: string) => {
        const raw = Rng.derive(spec.seed, label).fillNormal(new Float32Array(model.paramCount));
        return spec.filterNormalize === false ? raw : filterNormalize(model.spec, raw, centre);
      };
      const d2 = (spec.dimensions ?? 2) === 2 ? draw('slice-direction-2') : null;
      return { ...blank, kind: 'random', centre, d1: draw('slice-direction-1'), d2 };
    }
    case 'hessian': {
      const count = spec.dimensions ?? 2;
      const op = curvatureOperator(model, spec.centre, 'hessian');
      const result = await lanczosExtremes(op.matVec, op.n, {
        k: count,
        which: 'largest',
        maxIter: spec.maxProducts ?? 60,
        seed: spec.seed ?? 0,
        signal: options.signal,
        onProgress: options.onProgress,
      });
      const top = result.largest;
      if (top === undefined || top.vectors.length < count) throw new Error('Lanczos found fewer Hessian eigenvectors than needed');
      return {
        ...blank,
        kind: 'hessian',
        centre: Float32Array.from(spec.centre),
        d1: top.vectors[0],
        d2: count === 2 ? top.vectors[1] : null,
        eigenvalues: Array.from(top.values),
        products: result.products,
      };
    }
    case 'pca': {
      const pca = trajectoryPca(spec.trajectory, model.paramCount);
      return {
        ...blank,
        kind: 'pca',
        centre: pca.centre,
        d1: pca.d1,
        d2: pca.d2,
        explainedVariance: pca.explainedVarianceRatio,
        anchors: pca.coordinates,
      };
    }
    case 'interpolation': {
      const { points } = spec;
      if (points.length === 2) {
        const line = lineThroughPoints(points[0], points[1]);
        return { ...blank, kind: 'interpolation', centre: line.centre, d1: line.d1, d2: null, anchors: line.coordinates };
      }
      if (points.length === 3) {
        const plane = planeThroughPoints(points[0], points[1], points[2], { orthonormal: spec.orthonormal ?? false });
        return { ...blank, kind: 'interpolation', centre: plane.centre, d1: plane.d1, d2: plane.d2, anchors: plane.coordinates };
      }
      throw new RangeError(`interpolation takes 2 points (a line) or 3 (a plane); got ${points.length}`);
    }
  }
}

/** Adds the norms of the directions and the angle between them. */
function describe(parts: PlaneParts): SliceDirections {
  const norm1 = Math.sqrt(dot(parts.d1, parts.d1));
  if (!(norm1 > 0)) throw new RangeError('the slice direction d1 is zero');
  if (parts.d2 === null) return { ...parts, norms: [norm1, null], angleDegrees: null };
  const norm2 = Math.sqrt(dot(parts.d2, parts.d2));
  if (!(norm2 > 0)) throw new RangeError('the slice direction d2 is zero');
  const cosine = Math.min(1, Math.max(-1, dot(parts.d1, parts.d2) / (norm1 * norm2)));
  return { ...parts, norms: [norm1, norm2], angleDegrees: (Math.acos(cosine) * 180) / Math.PI };
}

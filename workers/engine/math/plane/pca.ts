/**
 * The plane that best shows a training trajectory (Li et al. 2018,
 * "Visualizing the loss landscape of neural nets", §7): the first two
 * principal directions of the points' offsets from the final point.
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import { countRows, type ParamVector } from './vectors';

/** The two principal directions of a trajectory and how much each explains. */
export interface TrajectoryPca {
  /** The final point θ_last: the origin of the plane. */
  centre: Float64Array;
  /** Unit first and second principal directions (orthogonal); sign: largest-magnitude entry positive. */
  d1: Float64Array;
  d2: Float64Array;
  /** σ_k² / Σ_j σ_j² for k = 1, 2: the share of ‖M‖_F² along each direction. */
  explainedVarianceRatio: [number, number];
  /** σ₁ ≥ σ₂, the two largest singular values of M. */
  singularValues: [number, number];
  /** Coordinates (⟨θ_t − θ_last, d1⟩, ⟨θ_t − θ_last, d2⟩) of every point, T×2 row-major. */
  coordinates: Float64Array;
}

/**
 * Relative size below which σ₂² counts as zero: the trajectory then lies on
 * a line and has no second direction.
 */
const RANK_TOLERANCE = 1e-12;

/**
 * Principal directions of the trajectory θ_0, …, θ_{T−1} (`points`, a T×P
 * row-major stack; `dim` = P).
 *
 * M is the (T−1)×P matrix of rows θ_i − θ_{T−1}, i < T − 1. Its top right
 * singular vectors are found through the small Gram matrix K = M Mᵀ
 * ((T−1)×(T−1)): if K u_k = σ_k² u_k then v_k = Mᵀ u_k / σ_k. This costs
 * O(T²P + T³) instead of the O(P³) of an eigendecomposition of MᵀM, the
 * right trade when P (parameters, ~10⁴) ≫ T (points, a few hundred).
 *
 * As in Li et al.'s formulation the offsets are taken from the final point
 * (so the trajectory ends at the plane's origin) and not re-centred on their
 * mean. Throws for fewer than 3 points, for a trajectory that never moves,
 * and for one on a straight line (no second direction).
 */
export function trajectoryPca(points: ParamVector, dim: number): TrajectoryPca {
  const count = countRows('trajectoryPca', points, dim);
  if (count < 3) throw new RangeError(`trajectoryPca: needs at least 3 points, got ${count}`);
  const rows = count - 1;
  const last = (count - 1) * dim;
  const centre = Float64Array.from(points.subarray(last, last + dim));
  const offsets = new Float64Array(rows * dim);
  for (let i = 0; i < rows; i++) {
    for (let p = 0; p < dim; p++) offsets[i * dim + p] = points[i * dim + p] - centre[p];
  }
  const gram = gramMatrix(offsets, rows, dim);
  let total = 0;
  for (let i = 0; i < rows; i++) total += gram[i * rows + i];
  if (!(total > 0)) throw new RangeError('trajectoryPca: every point equals the final point; there is no direction to show');
  const { values, vectors } = symmetricEigen(gram, rows);
  const lambda1 = Math.max(values[0], 0), lambda2 = Math.max(values[1], 0);
  if (lambda2 <= RANK_TOLERANCE * lambda1) {
    throw new RangeError('trajectoryPca: the trajectory lies on a straight line; it has no second principal direction');
  }
  const d1 = rightSingularVector(offsets, rows, dim, vectors.subarray(0, rows));
  const d2 = rightSingularVector(offsets, rows, dim, vectors.subarray(rows, 2 * rows));
  const coordinates = new Float64Array(2 * count);
  for (let t = 0; t < rows; t++) {
    let a = 0, b = 0;
    for (let p = 0; p < dim; p++) {
      a += offsets[t * dim + p] * d1[p];
      b += offsets[t * dim + p] * d2[p];
    }
    coordinates[2 * t] = a;
    coordinates[2 * t + 1] = b;
  }
  return {
    centre, d1, d2,
    explainedVarianceRatio: [lambda1 / total, lambda2 / total],
    singularValues: [Math.sqrt(lambda1), Math.sqrt(lambda2)],
    coordinates,
  };
}

/**
 * K = M Mᵀ for the rows×dim matrix M (row-major), filled symmetrically.
 * This is the O(T²P) bulk of the work; each row i is paired with four rows
 * j at once so every load of M[i][p] feeds four products (about twice as
 * fast in V8 as one dot product at a time).
 */
function gramMatrix(m: Float64Array, rows: number, dim: number): Float64Array {
  const gram = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const rowI = i * dim;
    let j = 0;
    for (; j + 3 <= i; j += 4) {
      const row0 = j * dim, row1 = row0 + dim, row2 = row1 + dim, row3 = row2 + dim;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < dim; p++) {
        const a = m[rowI + p];
        s0 += a * m[row0 + p];
        s1 += a * m[row1 + p];
        s2 += a * m[row2 + p];
        s3 += a * m[row3 + p];
      }
      gram[i * rows + j] = s0;
      gram[i * rows + j + 1] = s1;
      gram[i * rows + j + 2] = s2;
      gram[i * rows + j + 3] = s3;
    }
    for (; j <= i; j++) {
      const rowJ = j * dim;
      let sum = 0;
      for (let p = 0; p < dim; p++) sum += m[rowI + p] * m[rowJ + p];
      gram[i * rows + j] = sum;
    }
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) gram[j * rows + i] = gram[i * rows + j];
  return gram;
}

/**
 * v = Mᵀu, normalised to unit length (explicitly, rather than dividing by σ,
 * so rounding in σ does not leave v slightly off unit length), with the sign
 * fixed so its largest-magnitude entry is positive: the same trajectory
 * always gives the same directions.
 */
function rightSingularVector(m: Float64Array, rows: number, dim: number, u: Float64Array): Float64Array {
  const v = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    const weight = u[i];
    const offset = i * dim;
    for (let p = 0; p < dim; p++) v[p] += weight * m[offset + p];
  }
  let norm = 0, largest = 0;
  for (let p = 0; p < dim; p++) {
    norm += v[p] * v[p];
    if (Math.abs(v[p]) > Math.abs(largest)) largest = v[p];
  }
  const scale = (largest < 0 ? -1 : 1) / Math.sqrt(norm);
  for (let p = 0; p < dim; p++) v[p] *= scale;
  return v;
}

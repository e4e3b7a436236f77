/**
 * Stiffness (Fort, Nowak, Jastrzebski & Narayanan 2019, "Stiffness: a new
 * perspective on generalization in neural networks"): how a gradient step
 * on one example changes the loss on another. To first order a step
 * −η ∇ℓ_i changes ℓ_j by −η ⟨∇ℓ_i, ∇ℓ_j⟩, so the examples help each other
 * when their gradients align. The measure here is the cosine
 *   S_ij = ⟨∇ℓ_i, ∇ℓ_j⟩ / (‖∇ℓ_i‖ ‖∇ℓ_j‖),
 * summarised as the mean over pairs within and between classes (a C × C
 * matrix) and as a function of the distance ‖x_i − x_j‖ between the inputs.
 * Evaluated at checkpoints of a run, it shows stiffness falling with
 * distance and between classes as training proceeds.
 */
import { labelsOf } from '../data/labels';
import { subsetRows } from '../data/subset';
import type { Dataset } from '../data/types';
import type { LongRunOptions } from '../math/krylov/operator';
import { Rng } from '../math/rng';
import { perExampleGradients } from '../networks/perExampleGradients';
import type { MlpSpec } from '../spec/mlp';

/**
 * The count × count matrix (row-major, float64) of cosines between the rows
 * of `gradients` (count × size). A pair with a zero gradient has no cosine:
 * NaN (its diagonal entry too); every other diagonal entry is 1.
 */
export function cosineMatrix(gradients: Float32Array, count: number, size: number): Float64Array {
  if (gradients.length !== count * size) throw new RangeError(`cosineMatrix: expected ${count} × ${size} values, got ${gradients.length}`);
  const rows = Array.from({ length: count }, (_, i) => Float64Array.from(gradients.subarray(i * size, (i + 1) * size)));
  const norms = rows.map((row) => Math.sqrt(row.reduce((sum, g) => sum + g * g, 0)));
  const cosines = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i; j < count; j++) {
      let value = Number.NaN;
      if (norms[i] > 0 && norms[j] > 0) {
        let dot = 0;
        for (let k = 0; k < size; k++) dot += rows[i][k] * rows[j][k];
        value = i === j ? 1 : Math.max(-1, Math.min(1, dot / (norms[i] * norms[j])));
      }
      cosines[i * count + j] = value;
      cosines[j * count + i] = value;
    }
  }
  return cosines;
}

/** Mean cosine within and between classes. */
export interface ClassStiffness {
  classes: number;
  /** C × C, row-major: entry (a, b) is the mean S_ij over pairs i ≠ j with labels a and b (NaN where there is none). Symmetric. */
  mean: Float64Array;
  /** The pairs behind each entry (unordered pairs, i ≠ j; pairs with an undefined cosine left out). */
  pairs: Int32Array;
}

/** {@link ClassStiffness} of a cosine matrix whose rows have the class labels `labels` (0 … classes − 1). */
export function classStiffness(cosines: Float64Array, labels: ArrayLike<number>, classes: number): ClassStiffness {
  const count = labels.length;
  if (cosines.length !== count * count) throw new RangeError(`classStiffness: a ${count} × ${count} cosine matrix is needed`);
  const sums = new Float64Array(classes * classes);
  const pairs = new Int32Array(classes * classes);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const value = cosines[i * count + j];
      if (Number.isNaN(value)) continue;
      const [a, b] = [labels[i], labels[j]];
      if (!(Number.isInteger(a) && a >= 0 && a < classes && Number.isInteger(b) && b >= 0 && b < classes)) {
        throw new RangeError(`classStiffness: labels must be integers in [0, ${classes}); got ${a} and ${b}`);
      }
      sums[a * classes + b] += value;
      pairs[a * classes + b]++;
      if (a !== b) {
        sums[b * classes + a] += value;
        pairs[b * classes + a]++;
      }
    }
  }
  const mean = Float64Array.from(sums, (sum, k) => (pairs[k] > 0 ? sum / pairs[k] : Number.NaN));
  return { classes, mean, pairs };
}

/** Mean cosine against the distance between the inputs. */
export interface DistanceStiffness {
  /** bins + 1 edges; bin k is [edges[k], edges[k + 1]), the last one closed. */
  edges: Float64Array;
  /** The mean S_ij over the pairs i < j whose ‖x_i − x_j‖ falls in each bin (NaN in an empty bin). */
  mean: Float64Array;
  pairs: Int32Array;
}

/**
 * {@link DistanceStiffness} over `bins` equal bins of [0, maxDistance]
 * (default: the largest distance between two of the inputs) for the inputs
 * `x` (count × inputDim) of the rows of `cosines`.
 */
export function distanceStiffness(
  cosines: Float64Array,
  x: Float32Array,
  inputDim: number,
  bins: number,
  maxDistance?: number,
): DistanceStiffness {
  const count = x.length / inputDim;
  if (!Number.isInteger(count) || cosines.length !== count * count) {
    throw new RangeError(`distanceStiffness: ${x.length} input values do not match a ${Math.sqrt(cosines.length)}-row cosine matrix`);
  }
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`distanceStiffness: bins must be an integer ≥ 1, got ${bins}`);
  const distances = new Float64Array(count * count);
  let largest = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let sum = 0;
      for (let k = 0; k < inputDim; k++) sum += (x[i * inputDim + k] - x[j * inputDim + k]) ** 2;
      distances[i * count + j] = Math.sqrt(sum);
      largest = Math.max(largest, distances[i * count + j]);
    }
  }
  const top = maxDistance ?? largest;
  if (!(top > 0)) throw new RangeError('distanceStiffness: the inputs are all equal (or maxDistance ≤ 0)');
  const edges = Float64Array.from({ length: bins + 1 }, (_, k) => (k * top) / bins);
  const sums = new Float64Array(bins);
  const pairs = new Int32Array(bins);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const value = cosines[i * count + j];
      const d = distances[i * count + j];
      if (Number.isNaN(value) || d > top) continue;
      const bin = Math.min(bins - 1, Math.floor((d / top) * bins));
      sums[bin] += value;
      pairs[bin]++;
    }
  }
  return { edges, mean: Float64Array.from(sums, (sum, k) => (pairs[k] > 0 ? sum / pairs[k] : Number.NaN)), pairs };
}

/** Options of {@link stiffnessReport}. */
export interface StiffnessOptions extends LongRunOptions {
  /** How many samples to compare (default 100, at most the data set's size), drawn without replacement. */
  samples?: number;
  /** Seed of the draw (default 0). */
  seed?: number;
  /** Distance bins (default 12). */
  bins?: number;
  /** Memory bound of the per-example gradient passes (see perExampleGradients). */
  maxBatchElements?: number;
}

/** Stiffness at one parameter vector. */
export interface StiffnessReport {
  /** The rows of the data set compared, ordered by class (then by row) for classification, so the matrix shows class blocks. */
  rows: Int32Array;
  /** Their class labels, or null for regression. */
  labels: Int32Array | null;
  /** The cosine matrix over `rows` (rows.length squared, row-major). */
  cosines: Float64Array;
  /** Null for regression. */
  byClass: ClassStiffness | null;
  byDistance: DistanceStiffness;
  /** The mean cosine over pairs of the same class and of different classes (null for regression). */
  withinClass: number | null;
  betweenClasses: number | null;
}

/**
 * The stiffness of `spec` with parameters `params` on a seeded draw of
 * `samples` rows of `data`. Progress counts samples whose gradient is done.
 */
export async function stiffnessReport(
  spec: MlpSpec,
  data: Dataset,
  params: Float32Array,
  options: StiffnessOptions = {},
): Promise<StiffnessReport> {
  const m = Math.min(options.samples ?? 100, data.n);
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`stiffnessReport: needs at least 2 samples, got ${options.samples ?? 100} of ${data.n}`);
  const allLabels = data.task === 'regression' ? null : labelsOf(data);
  const drawn = Array.from(Rng.derive(options.seed ?? 0, 'stiffness').permutation(data.n).subarray(0, m));
  drawn.sort((i, j) => (allLabels === null ? 0 : allLabels[i] - allLabels[j]) || i - j);
  const rows = Int32Array.from(drawn);
  const subset = subsetRows(data, rows);
  const gradients = await perExampleGradients(spec, subset, params, options);
  const size = gradients.length / m;
  const cosines = cosineMatrix(gradients, m, size);
  const byDistance = distanceStiffness(cosines, subset.x, subset.inputDim, options.bins ?? 12);
  if (allLabels === null) return { rows, labels: null, cosines, byClass: null, byDistance, withinClass: null, betweenClasses: null };
  const labels = Int32Array.from(rows, (row) => allLabels[row]);
  const classes = data.task === 'binary' ? 2 : data.outputDim;
  const byClass = classStiffness(cosines, labels, classes);
  let within = [0, 0];
  let between = [0, 0];
  for (let a = 0; a < classes; a++) {
    for (let b = a; b < classes; b++) {
      const k = a * classes + b;
      if (byClass.pairs[k] === 0) continue;
      const total = byClass.mean[k] * byClass.pairs[k];
      if (a === b) within = [within[0] + total, within[1] + byClass.pairs[k]];
      else between = [between[0] + total, between[1] + byClass.pairs[k]];
    }
  }
  return {
    rows,
    labels,
    cosines,
    byClass,
    byDistance,
    withinClass: within[1] > 0 ? within[0] / within[1] : null,
    betweenClasses: between[1] > 0 ? between[0] / between[1] : null,
  };
}

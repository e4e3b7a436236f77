/**
 * Curvature matrices of a model at a parameter vector θ as matrix-free
 * operators: v ↦ H(θ) v (Hessian, by double back-propagation) and
 * v ↦ G(θ) v (generalised Gauss-Newton), optionally shifted by s I (the
 * damping of the second-order optimizers), in the float64 vectors the
 * curvature algorithms and solvers work in and the float32 the model
 * computes in. The one home of "a curvature matrix as an operator": the
 * curvature report, the slice directions, the probe and the second-order
 * optimizers all take theirs from here.
 */
import type { BatchProduct, MatVec } from '../math/krylov/operator';

export type { BatchProduct } from '../math/krylov/operator';
import type { MlpObjective } from '../networks/objective';

/**
 * Which curvature matrix: the Hessian H = ∇²L, the generalised Gauss-Newton
 * matrix G = Jᵀ H_L J (positive semi-definite for the convex losses here),
 * or the rest of the Hessian, S = H − G = Σ_n Σ_c (∂L/∂z_nc) ∇²z_nc (the
 * part carried by the network's own second derivatives, weighted by the
 * residuals).
 */
export type CurvatureMatrix = 'hessian' | 'gaussNewton' | 'residual';

/** What the curvature code needs from a model (MlpObjective provides it). */
export type CurvatureModel = Pick<MlpObjective, 'paramCount' | 'hvpBatch' | 'gnvpBatch'>;

/** Most vectors handed to the model in one batched call (bounds the memory of a call). */
const DEFAULT_MAX_VECTORS_PER_CALL = 64;

/** A curvature matrix at θ, applied one vector at a time or many at once. */
export interface CurvatureOperator {
  /** P, the number of parameters. */
  readonly n: number;
  readonly matrix: CurvatureMatrix;
  /** v ↦ A v for one float64 vector (one batched call of one vector). */
  readonly matVec: MatVec;
  /** A v_k for every row v_k of `vectors` (count × P, float64), in calls of at most `maxVectorsPerCall` vectors. */
  readonly batch: BatchProduct;
  /** Matrix-vector products computed so far (a batch of K counts K; an S product counts one). */
  products(): number;
}

/** How the operator is shifted and batched. */
export interface CurvatureOperatorOptions {
  /** s of A + s I (default 0), added in float64 after the float32 product. */
  shift?: number;
  /** Most vectors handed to the model in one batched call (default 64). */
  maxVectorsPerCall?: number;
}

/**
 * The operator v ↦ (A + s I) v of `matrix` ('hessian', 'gaussNewton' or
 * 'residual') of `model` at `params`. Every product A v is that of the exact
 * matrix of the float32 model: the argument is rounded to float32 and the
 * result widened to float64, and the shift s·v is added in float64.
 */
export function curvatureOperator(
  model: CurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  options: CurvatureOperatorOptions = {},
): CurvatureOperator {
  const shift = options.shift ?? 0;
  const maxVectorsPerCall = options.maxVectorsPerCall ?? DEFAULT_MAX_VECTORS_PER_CALL;
  const n = model.paramCount;
  if (params.length !== n) throw new RangeError(`curvatureOperator: θ has ${params.length} entries, the model ${n}`);
  if (!Number.isInteger(maxVectorsPerCall) || maxVectorsPerCall < 1) {
    throw new RangeError(`curvatureOperator: maxVectorsPerCall must be a positive integer, got ${maxVectorsPerCall}`);
  }
  let products = 0;
  const product = productOf(model, matrix);
  const batch: BatchProduct = async (vectors, count) => {
    if (vectors.length !== count * n) throw new RangeError(`batch: ${vectors.length} values are not ${count} × ${n}`);
    const out = new Float64Array(count * n);
    for (let first = 0; first < count; first += maxVectorsPerCall) {
      const rows = Math.min(maxVectorsPerCall, count - first);
      const result = await product(params, Float32Array.from(vectors.subarray(first * n, (first + rows) * n)), rows);
      out.set(result, first * n);
      products += rows;
    }
    if (shift !== 0) for (let i = 0; i < out.length; i++) out[i] += shift * vectors[i];
    return out;
  };
  const matVec: MatVec = (v) => batch(v, 1);
  return { n, matrix, matVec, batch, products: () => products };
}

/** The model's batched product for `matrix`; S v = H v − G v takes one of each. */
function productOf(model: CurvatureModel, matrix: CurvatureMatrix): ModelProduct {
  if (matrix === 'hessian') return (params, vectors, count) => model.hvpBatch(params, vectors, count);
  if (matrix === 'gaussNewton') return (params, vectors, count) => model.gnvpBatch(params, vectors, count);
  return async (params, vectors, count) => {
    const hessian = await model.hvpBatch(params, vectors, count);
    const gaussNewton = await model.gnvpBatch(params, vectors, count);
    for (let i = 0; i < hessian.length; i++) hessian[i] -= gaussNewton[i];
    return hessian;
  };
}

type ModelProduct = (params: Float32Array, vectors: Float32Array, count: number) => Promise<Float32Array>;

/**
 * Curvature matrices of a model at a parameter vector θ as matrix-free
 * operators: v ↦ H(θ) v (Hessian, by double back-propagation) and
 * v ↦ G(θ) v (generalised Gauss-Newton), in the float64 vectors the
 * curvature algorithms work in and the float32 the model computes in.
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
  /** A v_k for every row v_k of `vectors`, in calls of at most `maxVectorsPerCall` vectors. */
  readonly batch: BatchProduct;
  /** Matrix-vector products computed so far (a batch of K counts K; an S product counts one). */
  products(): number;
}

/**
 * The operator of `matrix` ('hessian' or 'gaussNewton') of `model` at
 * `params`. Every product is A v with A the exact matrix of the float32
 * model; the argument is rounded to float32 and the result widened to float64.
 */
export function curvatureOperator(
  model: CurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  maxVectorsPerCall = DEFAULT_MAX_VECTORS_PER_CALL,
): CurvatureOperator {
  const n = model.paramCount;
  if (params.length !== n) throw new RangeError(`curvatureOperator: θ has ${params.length} entries, the model ${n}`);
  if (!Number.isInteger(maxVectorsPerCall) || maxVectorsPerCall < 1) {
    throw new RangeError(`curvatureOperator: maxVectorsPerCall must be a positive integer, got ${maxVectorsPerCall}`);
  }
  let products = 0;
  const product = productOf(model, matrix);
  const batch: BatchProduct = async (vectors, count) => {
    if (vectors.length !== count * n) throw new RangeError(`batch: ${vectors.length} values are not ${count} × ${n}`);
    const out = new Float32Array(count * n);
    for (let first = 0; first < count; first += maxVectorsPerCall) {
      const rows = Math.min(maxVectorsPerCall, count - first);
      const result = await product(params, vectors.subarray(first * n, (first + rows) * n), rows);
      out.set(result, first * n);
      products += rows;
    }
    return out;
  };
  const matVec: MatVec = async (v) => Float64Array.from(await batch(Float32Array.from(v), 1));
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

/**
 * Forward passes at K points θ_k = c + α_k d₁ + β_k d₂ of a plane (or a
 * line, without d₂) on typed arrays, without materialising the K × P batch.
 *
 * The products' cost here is their multiply-adds (no kernel launch to
 * amortise), so the structure pays only where it saves arithmetic:
 * - the first layer's inputs X are the same for every point, so with
 *   S = 2 or 3 plane vectors, A_s = X W_s + 1 b_sᵀ is computed once and
 *   z₁(k) = Σ_s C_ks A_s costs S per entry instead of inputDim + 1 (used
 *   when S < inputDim + 1);
 * - every later layer's inputs differ per point, so its kernel
 *   W(α_k, β_k) = W_c + α_k W₁ + β_k W₂ is formed with the point
 *   (P·S multiply-adds, against N·fanIn·fanOut for the product) and applied
 *   once: the tensor path's plane trick (S products per layer) would
 *   triple the arithmetic.
 */
import type { Activation } from '../../spec/mlp';
import { activateValuesInPlace } from './activation';
import { fillRows, gemm } from './gemm';
import { forward, type ChunkInputs, type PassWorkspace } from './passes';

/** A plane (or line) in parameter space and the coordinates of its points. */
export interface PlanePoints {
  /** [c, d₁] or [c, d₁, d₂]. */
  vectors: readonly Float32Array[];
  /** (α_k, β_k) pairs on a plane, α_k on a line. */
  coords: ArrayLike<number>;
}

/** The coefficients (α_k, β_k) of point k (β_k = 0 on a line). */
function coefficients(plane: PlanePoints, k: number): [number, number] {
  const perPoint = plane.vectors.length - 1;
  return [plane.coords[k * perPoint], perPoint === 2 ? plane.coords[k * perPoint + 1] : 0];
}

/** θ_k = c + α_k d₁ (+ β_k d₂), summed in float64 and rounded once, into `out`. */
export function planePoint(plane: PlanePoints, k: number, out: Float32Array): Float32Array {
  const [alpha, beta] = coefficients(plane, k);
  const [c, d1] = plane.vectors;
  if (plane.vectors.length === 2) {
    for (let p = 0; p < out.length; p++) out[p] = c[p] + alpha * d1[p];
  } else {
    const d2 = plane.vectors[2];
    for (let p = 0; p < out.length; p++) out[p] = c[p] + alpha * d1[p] + beta * d2[p];
  }
  return out;
}

/** Whether sharing the first layer's products across points saves arithmetic (see the module comment). */
export function sharesFirstLayer(inputDim: number, layerCount: number, planeWidth: number): boolean {
  return layerCount > 1 && planeWidth < inputDim + 1;
}

/** A_s = X W₁,s + 1 b₁,sᵀ for each plane vector v_s over a chunk: S arrays m × n₁. */
export function firstLayerProducts(plane: PlanePoints, inputs: ChunkInputs, ws: PassWorkspace): Float32Array[] {
  const { fanIn, fanOut, kernelOffset, biasOffset } = ws.layout[0];
  const { m } = inputs;
  return plane.vectors.map((v) => {
    const product = new Float32Array(m * fanOut);
    fillRows(product, m, fanOut, v, biasOffset);
    gemm(m, fanOut, fanIn, inputs.x, inputs.offset, fanIn, 1, v, kernelOffset, fanOut, 1, product, 0, true);
    return product;
  });
}

/**
 * Outputs z_L (into `ws.outputs`) at point k over a chunk, given the
 * point's parameters `theta` (`planePoint`); the first layer comes from
 * `shared` (`firstLayerProducts`) when given, else from X W₁.
 */
export function planeForward(
  activation: Activation,
  plane: PlanePoints,
  k: number,
  theta: Float32Array,
  inputs: ChunkInputs,
  ws: PassWorkspace,
  shared: readonly Float32Array[] | null,
): void {
  if (shared === null) {
    forward(activation, theta, inputs, ws, 'none');
    return;
  }
  const [alpha, beta] = coefficients(plane, k);
  const z = ws.values[0];
  const count = inputs.m * ws.layout[0].fanOut;
  const [a0, a1] = shared;
  if (shared.length === 2) {
    for (let i = 0; i < count; i++) z[i] = a0[i] + alpha * a1[i];
  } else {
    const a2 = shared[2];
    for (let i = 0; i < count; i++) z[i] = a0[i] + alpha * a1[i] + beta * a2[i];
  }
  activateValuesInPlace(activation, z, count);
  forward(activation, theta, inputs, ws, 'none', null, 1);
}

/**
 * The dense generalised Gauss-Newton matrix G = Σ_n J_nᵀ H_n J_n on typed
 * arrays, from the explicit per-sample output Jacobian J_n (C × P).
 *
 * For each output c, back-propagating the unit signal δ_L = e_c row by row
 * without summing over samples gives every sample's row ∂z_nc/∂θ:
 *   ∂z_nc/∂W_l[i, j] = h_{l−1}[n, i] δ_l[n, j],   ∂z_nc/∂b_l[j] = δ_l[n, j].
 * Then U_n = H_n J_n (H_n the output Hessian of sample n: 2s I for mse,
 * s diag(σ(1 − σ)) for sigmoid_ce, s (diag p − p pᵀ) for softmax_ce) and
 * the chunk's share Jᵀ U is one product [P × m·C]·[m·C × P]: about C
 * backward passes and P²·m·C multiply-adds, where assembling G from
 * Gauss-Newton-vector products would cost P of them.
 */
import type { Activation, LossName } from '../../spec/mlp';
import { gemm } from './gemm';
import { headCurvature } from './lossHead';
import { backward, forward, layerSource, layerSourceOffset, type ChunkInputs, type PassWorkspace } from './passes';

/** Scratch arrays of one chunk: J and U (rows × P each) and the P × P share. */
export interface GaussNewtonScratch {
  jacobian: Float32Array;
  weighted: Float32Array;
  share: Float32Array;
}

/** Samples per chunk so that J (m·C × P) holds at most `maxValues` values. */
export function gaussNewtonChunkRows(width: number, paramCount: number, capacity: number, maxValues = 1 << 21): number {
  return Math.max(1, Math.min(capacity, Math.floor(maxValues / (width * paramCount))));
}

/** Scratch for chunks of at most `rows` samples. */
export function gaussNewtonScratch(rows: number, width: number, paramCount: number): GaussNewtonScratch {
  return {
    jacobian: new Float32Array(rows * width * paramCount),
    weighted: new Float32Array(rows * width * paramCount),
    share: new Float32Array(paramCount * paramCount),
  };
}

/**
 * Adds the chunk's Σ_n J_nᵀ H_n J_n to `matrix` (P × P row-major, float64),
 * for a loss of scale `scale` (`lossScale`).
 */
export function addGaussNewtonShare(
  activation: Activation,
  loss: LossName,
  params: Float32Array,
  inputs: ChunkInputs,
  ws: PassWorkspace,
  scale: number,
  scratch: GaussNewtonScratch,
  matrix: Float64Array,
): void {
  const { layout } = ws;
  const { m } = inputs;
  const last = layout.length - 1;
  const width = layout[last].fanOut;
  const size = ws.parameterShare.length;
  const { jacobian, weighted, share } = scratch;
  forward(activation, params, inputs, ws, 'first');
  headCurvature(loss, ws.outputs, m, width, ws.outputCurvature);
  for (let c = 0; c < width; c++) {
    const top = ws.delta[last];
    top.fill(0, 0, m * width);
    for (let n = 0; n < m; n++) top[n * width + c] = 1;
    backward(params, inputs, ws, ws.delta, null, null);
    for (let l = 0; l <= last; l++) {
      const { fanIn, fanOut, kernelOffset, biasOffset } = layout[l];
      const source = layerSource(inputs, ws, l);
      const sourceOffset = layerSourceOffset(inputs, l);
      const d = ws.delta[l];
      for (let n = 0; n < m; n++) {
        const row = (n * width + c) * size;
        for (let i = 0; i < fanIn; i++) {
          const h = source[sourceOffset + n * fanIn + i];
          const at = row + kernelOffset + i * fanOut;
          for (let j = 0; j < fanOut; j++) jacobian[at + j] = h * d[n * fanOut + j];
        }
        for (let j = 0; j < fanOut; j++) jacobian[row + biasOffset + j] = d[n * fanOut + j];
      }
    }
  }
  weightByOutputHessian(loss, ws.outputCurvature, jacobian, m, width, size, scale, weighted);
  // share = Jᵀ U, summing over the m·C rows.
  gemm(size, size, m * width, jacobian, 0, 1, size, weighted, 0, size, 1, share, 0, false);
  for (let i = 0; i < size * size; i++) matrix[i] += share[i];
}

/** U_n = H_n J_n for every sample of the chunk (rows (n, c) of P values). */
function weightByOutputHessian(
  loss: LossName,
  curvature: Float32Array,
  jacobian: Float32Array,
  m: number,
  width: number,
  size: number,
  scale: number,
  out: Float32Array,
): void {
  const rows = m * width;
  if (loss === 'mse') {
    for (let i = 0; i < rows * size; i++) out[i] = 2 * scale * jacobian[i];
    return;
  }
  if (loss === 'sigmoid_ce') {
    for (let q = 0; q < rows; q++) {
      const w = scale * curvature[q];
      for (let p = 0; p < size; p++) out[q * size + p] = w * jacobian[q * size + p];
    }
    return;
  }
  // softmax: (H_n J_n)_c = s p_c (J_{n,c} − Σ_c' p_c' J_{n,c'}).
  for (let n = 0; n < m; n++) {
    const first = n * width;
    for (let p = 0; p < size; p++) {
      let mean = 0;
      for (let c = 0; c < width; c++) mean += curvature[first + c] * jacobian[(first + c) * size + p];
      for (let c = 0; c < width; c++) {
        const q = (first + c) * size + p;
        out[q] = scale * curvature[first + c] * (jacobian[q] - mean);
      }
    }
  }
}

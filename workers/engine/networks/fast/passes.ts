/**
 * The forward, backward and R-operator passes of an MLP over one chunk of
 * m samples, on typed arrays (see `gemm.ts` for the products).
 *
 * Notation (layers l = 1 … L; rows are samples): h₀ = x,
 *   z_l = h_{l−1} W_l + 1 b_lᵀ,   h_l = f(z_l) ⊙ D_l (hidden layers; D_l a dropout mask or 1),
 * outputs z_L. With g = ∂ℓ/∂z_L from the loss head, back-propagation is
 *   δ_L = g,   ∂ℓ/∂W_l = h_{l−1}ᵀ δ_l,   ∂ℓ/∂b_l = 1ᵀ δ_l,
 *   e_{l−1} = δ_l W_lᵀ (= ∂ℓ/∂h_{l−1}),   δ_{l−1} = e_{l−1} ⊙ f'(z_{l−1}) ⊙ D_{l−1}.
 *
 * Pearlmutter's R-operator R{·} = d/dε (·)(θ + ε v) at ε = 0, for the
 * direction v = (V_l, c_l) (Pearlmutter 1994, "Fast exact multiplication by
 * the Hessian"), forward:
 *   R{z_l} = R{h_{l−1}} W_l + h_{l−1} V_l + 1 c_lᵀ,   R{h₀} = 0,
 *   R{h_l} = f'(z_l) ⊙ R{z_l};
 * at the outputs R{δ_L} = H_L R{z_L} (H_L = ∂²ℓ/∂z², `lossHead.ts`); backward:
 *   R{∂ℓ/∂W_l} = R{h_{l−1}}ᵀ δ_l + h_{l−1}ᵀ R{δ_l},   R{∂ℓ/∂b_l} = 1ᵀ R{δ_l},
 *   R{e_{l−1}} = R{δ_l} W_lᵀ + δ_l V_lᵀ,
 *   R{δ_{l−1}} = R{e_{l−1}} ⊙ f'(z_{l−1}) + e_{l−1} ⊙ f''(z_{l−1}) ⊙ R{z_{l−1}}.
 * The R-derivatives of the gradient are H v exactly (no finite difference).
 * The Gauss-Newton product G v = Jᵀ H_L J v is the same forward (J v =
 * R{z_L}) followed by plain back-propagation of u = H_L J v, with the
 * network's own second derivatives (the f'' and V terms) left out.
 *
 * Layers before the first one where v is non-zero have R{z_l} = 0 and are
 * skipped (a dense Hessian's identity columns are zero in all layers but one).
 */
import type { Activation, DenseLayerLayout } from '../../spec/mlp';
import { activateInPlace, activateValuesInPlace } from './activation';
import { allZero, columnSums, fillRows, gemm } from './gemm';

/** Which derivatives of the activations a forward pass keeps. */
export type Derivatives = 'none' | 'first' | 'second';

/** Buffers for one chunk of at most `capacity` samples, one per layer (m × width, row-major). */
export class PassWorkspace {
  /** z_l, then h_l = f(z_l) ⊙ D_l on hidden layers; the last holds the outputs z_L. */
  readonly values: Float32Array[];
  /** f'(z_l) ⊙ D_l (hidden layers). */
  readonly slope: Float32Array[];
  /** f''(z_l) (hidden layers, second-order passes). */
  readonly curvature: Float32Array[];
  /** δ_l = ∂ℓ/∂z_l. */
  readonly delta: Float32Array[];
  /** e_l = ∂ℓ/∂h_l (hidden layers). */
  readonly upstream: Float32Array[];
  readonly rValues: Float32Array[];
  readonly rHidden: Float32Array[];
  readonly rDelta: Float32Array[];
  readonly rUpstream: Float32Array[];
  /** What H_L needs of the outputs (`headCurvature`). */
  readonly outputCurvature: Float32Array;
  /** One parameter-sized result of a pass (gradient or product), before it is added to a float64 total. */
  readonly parameterShare: Float32Array;

  constructor(
    readonly layout: readonly DenseLayerLayout[],
    readonly capacity: number,
    paramCount: number,
  ) {
    const make = () => layout.map(({ fanOut }) => new Float32Array(capacity * fanOut));
    this.values = make();
    this.slope = make();
    this.curvature = make();
    this.delta = make();
    this.upstream = make();
    this.rValues = make();
    this.rHidden = make();
    this.rDelta = make();
    this.rUpstream = make();
    this.outputCurvature = new Float32Array(capacity * layout[layout.length - 1].fanOut);
    this.parameterShare = new Float32Array(paramCount);
  }

  /** The outputs z_L of the last forward pass. */
  get outputs(): Float32Array {
    return this.values[this.values.length - 1];
  }
}

/** The inputs of a chunk: rows `first` … `first + m − 1` of x (row-major, inputDim wide). */
export interface ChunkInputs {
  x: Float32Array;
  /** Offset of the chunk's first input value in x (row · inputDim). */
  offset: number;
  m: number;
}

/** h_{l−1}, the input of layer l: the chunk's x for the first layer (from {@link layerSourceOffset}), else `ws.values[l − 1]`. */
export function layerSource(inputs: ChunkInputs, ws: PassWorkspace, l: number): Float32Array {
  return l === 0 ? inputs.x : ws.values[l - 1];
}

/** Where the chunk's first row begins in {@link layerSource}. */
export function layerSourceOffset(inputs: ChunkInputs, l: number): number {
  return l === 0 ? inputs.offset : 0;
}

/** out (m × fanOut) = a W_l, or += when `accumulate`: a is m × fanIn from `aOffset`; W_l is the layer's kernel in `w` (or a direction's V_l). */
function timesKernel(layer: DenseLayerLayout, m: number, a: Float32Array, aOffset: number, w: Float32Array, wOffset: number, out: Float32Array, accumulate: boolean): void {
  gemm(m, layer.fanOut, layer.fanIn, a, aOffset, layer.fanIn, 1, w, wOffset + layer.kernelOffset, layer.fanOut, 1, out, 0, accumulate);
}

/** out (m × fanIn) = d W_lᵀ, or += when `accumulate`: d is m × fanOut; W_l as in {@link timesKernel}. */
function timesKernelTransposed(layer: DenseLayerLayout, m: number, d: Float32Array, w: Float32Array, wOffset: number, out: Float32Array, accumulate: boolean): void {
  gemm(m, layer.fanIn, layer.fanOut, d, 0, layer.fanOut, 1, w, wOffset + layer.kernelOffset, 1, layer.fanOut, out, 0, accumulate);
}

/** The layer's kernel block of `out` (parameter order) = aᵀ d, or += when `accumulate`: a is m × fanIn from `aOffset`, d is m × fanOut. */
function kernelProduct(layer: DenseLayerLayout, m: number, a: Float32Array, aOffset: number, d: Float32Array, out: Float32Array, accumulate: boolean): void {
  gemm(layer.fanIn, layer.fanOut, m, a, aOffset, 1, layer.fanIn, d, 0, layer.fanOut, 1, out, layer.kernelOffset, accumulate);
}

/** Dropout masks of the chunk: per hidden layer, rows × width from row `row` on. */
export interface ChunkMasks {
  masks: readonly Float32Array[];
  row: number;
}

/**
 * z_l and h_l for every layer (see the module comment) into `ws.values`,
 * with f' (and f'' for 'second') into `ws.slope` (`ws.curvature`). From
 * layer `from` > 0 on, the pass starts from the h_{from−1} already in
 * `ws.values` (only `inputs.m` is read).
 */
export function forward(
  activation: Activation,
  params: Float32Array,
  inputs: ChunkInputs,
  ws: PassWorkspace,
  derivatives: Derivatives,
  masks: ChunkMasks | null = null,
  from = 0,
): void {
  const { layout } = ws;
  const { m } = inputs;
  const last = layout.length - 1;
  for (let l = from; l <= last; l++) {
    const layer = layout[l];
    const { fanOut } = layer;
    const z = ws.values[l];
    fillRows(z, m, fanOut, params, layer.biasOffset);
    timesKernel(layer, m, layerSource(inputs, ws, l), layerSourceOffset(inputs, l), params, 0, z, true);
    if (l === last) break;
    const count = m * fanOut;
    if (derivatives === 'none') activateValuesInPlace(activation, z, count);
    else activateInPlace(activation, z, count, ws.slope[l], derivatives === 'second' ? ws.curvature[l] : null);
    if (masks !== null) {
      const mask = masks.masks[l];
      const start = masks.row * fanOut;
      const slope = ws.slope[l];
      for (let i = 0; i < count; i++) {
        const d = mask[start + i];
        z[i] *= d;
        slope[i] *= d;
      }
    }
  }
}

/**
 * Back-propagation of `delta[L]` (filled by the caller) through the layers:
 * δ_l into `delta`, e_l into `upstream` when given (else computed in place
 * in `delta`), and, when `gradient` is given, ∂/∂θ = (h_{l−1}ᵀ δ_l, 1ᵀ δ_l)
 * written (not added) into it in parameter order.
 */
export function backward(
  params: Float32Array,
  inputs: ChunkInputs,
  ws: PassWorkspace,
  delta: readonly Float32Array[],
  upstream: readonly Float32Array[] | null,
  gradient: Float32Array | null,
): void {
  const { layout } = ws;
  const { m } = inputs;
  for (let l = layout.length - 1; l >= 0; l--) {
    const layer = layout[l];
    const d = delta[l];
    if (gradient !== null) {
      kernelProduct(layer, m, layerSource(inputs, ws, l), layerSourceOffset(inputs, l), d, gradient, false);
      columnSums(d, m, layer.fanOut, gradient, layer.biasOffset);
    }
    if (l === 0) break;
    const below = delta[l - 1];
    const e = upstream === null ? below : upstream[l - 1];
    timesKernelTransposed(layer, m, d, params, 0, e, false);
    const slope = ws.slope[l - 1];
    for (let i = 0; i < m * layer.fanIn; i++) below[i] = e[i] * slope[i];
  }
}

/**
 * The first layer (0-based) where v has a non-zero kernel or bias entry,
 * or the number of layers when v = 0.
 */
export function firstActiveLayer(layout: readonly DenseLayerLayout[], v: Float32Array, vOffset: number): number {
  for (let l = 0; l < layout.length; l++) {
    const { fanIn, fanOut, kernelOffset } = layout[l];
    if (!allZero(v, vOffset + kernelOffset, (fanIn + 1) * fanOut)) return l;
  }
  return layout.length;
}

/** What the R-operator passes of one direction on one chunk work with. */
export interface RPass {
  params: Float32Array;
  /** The direction v = `v[vOffset …]` (P values, parameter order). */
  v: Float32Array;
  vOffset: number;
  inputs: ChunkInputs;
  ws: PassWorkspace;
  /** v's first layer with a non-zero entry (`firstActiveLayer`): the passes start there. */
  first: number;
}

/** Whether the direction's kernel block V_l of `layer` is all zero (its products are then skipped). */
function zeroKernel({ v, vOffset }: RPass, layer: DenseLayerLayout): boolean {
  return allZero(v, vOffset + layer.kernelOffset, layer.fanIn * layer.fanOut);
}

/**
 * R{z_l} into `ws.rValues` and R{h_l} into `ws.rHidden` for l ≥ `first`;
 * needs `forward` with first derivatives. R{z_L} is the Jacobian-vector
 * product J v.
 */
export function rForward(pass: RPass): void {
  const { params, v, vOffset, inputs, ws, first } = pass;
  const last = ws.layout.length - 1;
  for (let l = first; l <= last; l++) {
    const layer = ws.layout[l];
    const rz = ws.rValues[l];
    fillRows(rz, inputs.m, layer.fanOut, v, vOffset + layer.biasOffset);
    if (!zeroKernel(pass, layer)) timesKernel(layer, inputs.m, layerSource(inputs, ws, l), layerSourceOffset(inputs, l), v, vOffset, rz, true);
    if (l > first) timesKernel(layer, inputs.m, ws.rHidden[l - 1], 0, params, 0, rz, true);
    if (l === last) break;
    const slope = ws.slope[l];
    const rh = ws.rHidden[l];
    for (let i = 0; i < inputs.m * layer.fanOut; i++) rh[i] = slope[i] * rz[i];
  }
}

/**
 * H v into `out` (parameter order, written not added) for the chunk, from
 * R{δ_L} in `ws.rDelta[L]` (filled by the caller), after `forward` with
 * second derivatives, `backward` keeping `ws.delta` and `ws.upstream`, and
 * `rForward` (module comment: the R-backward equations).
 */
export function rBackward(pass: RPass, out: Float32Array): void {
  const { params, v, vOffset, inputs, ws, first } = pass;
  const { m } = inputs;
  for (let l = ws.layout.length - 1; l >= 0; l--) {
    const layer = ws.layout[l];
    const rd = ws.rDelta[l];
    kernelProduct(layer, m, layerSource(inputs, ws, l), layerSourceOffset(inputs, l), rd, out, false);
    if (l > 0 && l - 1 >= first) kernelProduct(layer, m, ws.rHidden[l - 1], 0, ws.delta[l], out, true);
    columnSums(rd, m, layer.fanOut, out, layer.biasOffset);
    if (l === 0) break;
    const re = ws.rUpstream[l - 1];
    timesKernelTransposed(layer, m, rd, params, 0, re, false);
    if (!zeroKernel(pass, layer)) timesKernelTransposed(layer, m, ws.delta[l], v, vOffset, re, true);
    const below = ws.rDelta[l - 1];
    const slope = ws.slope[l - 1];
    const count = m * layer.fanIn;
    if (l - 1 >= first) {
      const e = ws.upstream[l - 1];
      const curvature = ws.curvature[l - 1];
      const rz = ws.rValues[l - 1];
      for (let i = 0; i < count; i++) below[i] = re[i] * slope[i] + e[i] * curvature[i] * rz[i];
    } else {
      for (let i = 0; i < count; i++) below[i] = re[i] * slope[i];
    }
  }
}

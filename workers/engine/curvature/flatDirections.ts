/**
 * Flat directions of an over-parameterised network: how many Hessian
 * eigenvalues are zero, why, and two families of directions that are flat
 * by symmetry.
 *
 * Counting. The Gauss-Newton matrix G = Σ_n J_nᵀ H_L,n J_n sums N terms of
 * rank at most C (outputs), so rank G ≤ N·C, and ≤ N·(C − 1) for softmax
 * cross-entropy, whose per-sample H_L = diag(p) − p pᵀ annihilates the ones
 * vector. Once P > N·C, at least P − N·C directions are flat for G; at an
 * interpolating minimum (every residual zero) the other part of the Hessian,
 * S = Σ r_nc ∇²z_nc, vanishes and H = G has that many zero eigenvalues
 * (Sagun et al. 2017, "Empirical analysis of the Hessian of
 * over-parametrized neural networks"). Eigenvalues count as zero within
 * τ · max|λ| (spectrumIndex.ts).
 *
 * Symmetries. For a positively homogeneous activation, relu(c z) = c relu(z)
 * for c > 0 (and the identity), scaling hidden unit u's incoming weights and
 * bias by c and its outgoing weights by 1/c leaves the network's function,
 * hence the loss, unchanged: T_c θ is a curve of equal loss. Its tangent at
 * c = 1 is d = S θ, S = diag(+1 on u's incoming weights and bias, −1 on its
 * outgoing weights, 0 elsewhere). Differentiating L(T_c θ) = L(θ) in θ and
 * then in c at c = 1 gives
 *   H(θ) d = −S ∇L(θ),
 * so d is a null vector of H exactly where ∇L = 0, and the loss along the
 * straight line θ + t d (unlike the curve) changes at second order when
 * ∇L ≠ 0. Swapping two hidden units of a layer (their incoming columns and
 * biases, and outgoing rows) is a permutation symmetry: both ends of the
 * segment from θ to the swapped θ have the same loss, with in general a
 * barrier between them.
 */
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import type { LongRunOptions } from '../math/krylov/operator';
import type { MlpObjective } from '../networks/objective';
import { layerLayout, paramCount, type DenseLayerLayout, type MlpSpec } from '../spec/mlp';
import { numericalRank, spectrumIndex } from './spectrumIndex';

/** What the counting needs of a model (MlpObjective provides it). */
export type FlatDirectionModel = Pick<MlpObjective, 'spec' | 'paramCount' | 'sampleCount' | 'fullHessian' | 'fullGaussNewton'>;

/** The flat-direction counts at one parameter vector. */
export interface FlatDirectionReport {
  /** P. */
  paramCount: number;
  /** N·C, or N·(C − 1) for softmax cross-entropy: the bound on rank G. */
  rankBound: number;
  /** rank G: eigenvalues of G above τ · λ_max(G). */
  gaussNewtonRank: number;
  /** Hessian eigenvalues within ±τ · max|λ(H)|. */
  hessianNearZero: number;
  /** Hessian eigenvalues below −τ · max|λ(H)|. */
  hessianNegative: number;
  /** τ. */
  relativeThreshold: number;
  /** Both spectra, descending. */
  hessianEigenvalues: Float64Array;
  gaussNewtonEigenvalues: Float64Array;
}

/** The bound N·C (N·(C − 1) for softmax cross-entropy) on the rank of the Gauss-Newton matrix. */
export function gaussNewtonRankBound(spec: MlpSpec, sampleCount: number): number {
  const outputs = spec.layers[spec.layers.length - 1];
  return sampleCount * (spec.loss === 'softmax_ce' ? outputs - 1 : outputs);
}

/**
 * Dense H and G at θ, their spectra, rank G against its bound and the
 * near-zero count of H, with threshold τ (default 1e-4). Progress covers
 * the two assemblies (P Hessian columns, then N samples of G).
 */
export async function flatDirectionReport(
  model: FlatDirectionModel,
  params: Float32Array,
  options: LongRunOptions & { relativeThreshold?: number } = {},
): Promise<FlatDirectionReport> {
  const relativeThreshold = options.relativeThreshold ?? 1e-4;
  const n = model.paramCount;
  const onProgress = options.onProgress;
  const hessian = await model.fullHessian(params, { signal: options.signal, onProgress: onProgress && ((done, total) => onProgress(done, 2 * total)) });
  const gaussNewton = await model.fullGaussNewton(params, {
    signal: options.signal,
    onProgress: onProgress && ((done, total) => onProgress(total + done, 2 * total)),
  });
  const hessianEigenvalues = symmetricEigenvalues(hessian, n);
  const gaussNewtonEigenvalues = symmetricEigenvalues(gaussNewton, n);
  const { nearZero, negative } = spectrumIndex(hessianEigenvalues, relativeThreshold);
  return {
    paramCount: n,
    rankBound: gaussNewtonRankBound(model.spec, model.sampleCount),
    gaussNewtonRank: numericalRank(gaussNewtonEigenvalues, relativeThreshold),
    hessianNearZero: nearZero,
    hessianNegative: negative,
    relativeThreshold,
    hessianEigenvalues,
    gaussNewtonEigenvalues,
  };
}

/**
 * S of the module comment for hidden unit `unit` of hidden layer `hidden`
 * (0 = the first hidden layer): +1 on the unit's incoming weights and bias,
 * −1 on its outgoing weights, 0 elsewhere.
 */
export function rescalingSigns(spec: MlpSpec, hidden: number, unit: number): Float32Array {
  const [incoming, outgoing] = hiddenLayers(spec, hidden, unit);
  const signs = new Float32Array(paramCount(spec));
  for (let i = 0; i < incoming.fanIn; i++) signs[incoming.kernelOffset + i * incoming.fanOut + unit] = 1;
  signs[incoming.biasOffset + unit] = 1;
  for (let j = 0; j < outgoing.fanOut; j++) signs[outgoing.kernelOffset + unit * outgoing.fanOut + j] = -1;
  return signs;
}

/**
 * The rescaling direction d = S θ of hidden unit `unit` of layer `hidden`:
 * the tangent at c = 1 of the equal-loss curve {@link rescaledParams}. Only
 * for activations with relu(c z) = c relu(z), c > 0: relu and linear.
 */
export function rescalingDirection(spec: MlpSpec, params: Float32Array, hidden: number, unit: number): Float32Array {
  requireHomogeneous(spec);
  const signs = rescalingSigns(spec, hidden, unit);
  return params.map((value, i) => signs[i] * value);
}

/** T_c θ: unit `unit` of layer `hidden` with incoming weights and bias scaled by c > 0 and outgoing weights by 1/c. */
export function rescaledParams(spec: MlpSpec, params: Float32Array, hidden: number, unit: number, c: number): Float32Array {
  requireHomogeneous(spec);
  if (!(c > 0 && Number.isFinite(c))) throw new RangeError(`rescaledParams: the scale c must be > 0 (relu(cz) = c relu(z) needs c > 0), got ${c}`);
  const signs = rescalingSigns(spec, hidden, unit);
  return params.map((value, i) => (signs[i] > 0 ? value * c : signs[i] < 0 ? value / c : value));
}

/**
 * θ with hidden units `a` and `b` of layer `hidden` swapped (their incoming
 * kernel columns, biases and outgoing kernel rows): the same function for
 * every activation.
 */
export function swapHiddenUnits(spec: MlpSpec, params: Float32Array, hidden: number, a: number, b: number): Float32Array {
  const [incoming, outgoing] = hiddenLayers(spec, hidden, a);
  hiddenLayers(spec, hidden, b);
  const out = Float32Array.from(params);
  const swap = (i: number, j: number) => {
    out[i] = params[j];
    out[j] = params[i];
  };
  for (let i = 0; i < incoming.fanIn; i++) swap(incoming.kernelOffset + i * incoming.fanOut + a, incoming.kernelOffset + i * incoming.fanOut + b);
  swap(incoming.biasOffset + a, incoming.biasOffset + b);
  for (let j = 0; j < outgoing.fanOut; j++) swap(outgoing.kernelOffset + a * outgoing.fanOut + j, outgoing.kernelOffset + b * outgoing.fanOut + j);
  return out;
}

/** The layers into and out of hidden layer `hidden`, checking that `unit` is one of its units. */
function hiddenLayers(spec: MlpSpec, hidden: number, unit: number): [DenseLayerLayout, DenseLayerLayout] {
  const layout = layerLayout(spec);
  if (!Number.isInteger(hidden) || hidden < 0 || hidden >= layout.length - 1) {
    throw new RangeError(`hidden layer ${hidden} does not exist; the network has ${layout.length - 1} hidden layer(s)`);
  }
  const width = layout[hidden].fanOut;
  if (!Number.isInteger(unit) || unit < 0 || unit >= width) {
    throw new RangeError(`unit ${unit} is not in hidden layer ${hidden}, which has ${width} units`);
  }
  return [layout[hidden], layout[hidden + 1]];
}

function requireHomogeneous(spec: MlpSpec): void {
  if (spec.activation !== 'relu' && spec.activation !== 'linear') {
    throw new RangeError(`the rescaling symmetry needs relu(cz) = c relu(z): relu or linear units, not ${spec.activation}`);
  }
}

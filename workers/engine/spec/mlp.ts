/**
 * The shape of a multi-layer perceptron and the layout of its parameters in
 * one flat vector.
 *
 * A network with `layers = [n0, n1, …, nL]` has L dense layers; layer l maps
 * h_{l−1} ∈ ℝ^{n_{l−1}} to z_l = h_{l−1} W_l + b_l with W_l ∈ ℝ^{n_{l−1}×n_l},
 * b_l ∈ ℝ^{n_l}; hidden layers apply the activation (h_l = act(z_l)), the last
 * layer does not (it outputs predictions or logits).
 *
 * The flat vector holds, layer by layer, W_l in row-major order (W[i][j] at
 * offset i·n_l + j, joining input i to unit j: a TensorFlow.js dense kernel),
 * then b_l. It has Σ_l (n_{l−1} + 1)·n_l entries.
 */

/** Hidden-layer nonlinearity. `linear` is the identity. */
export type Activation = 'tanh' | 'relu' | 'sigmoid' | 'linear';

/**
 * Training loss on the network's outputs z (N samples × C outputs):
 * - `mse`: (1/(N·C)) Σ (z − y)²,
 * - `softmax_ce`: (1/N) Σ_n [log Σ_c exp z_nc − z_n,label(n)],
 * - `sigmoid_ce`: (1/(N·C)) Σ [softplus(z) − y·z] (binary cross-entropy on logits).
 */
export type LossName = 'mse' | 'softmax_ce' | 'sigmoid_ce';

/** An MLP: layer sizes from input to output, hidden activation, loss. */
export interface MlpSpec {
  layers: number[];
  activation: Activation;
  loss: LossName;
}

/** Where one dense layer's kernel and bias sit in the flat parameter vector. */
export interface DenseLayerLayout {
  /** n_{l−1}: inputs of the layer. */
  fanIn: number;
  /** n_l: units of the layer. */
  fanOut: number;
  /** Offset of W_l (fanIn·fanOut entries, row-major [fanIn, fanOut]). */
  kernelOffset: number;
  /** Offset of b_l (fanOut entries), = kernelOffset + fanIn·fanOut. */
  biasOffset: number;
}

/** Every activation, in the order the UI lists them. */
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
/** Every loss, in the order the UI lists them. */
export const LOSSES: readonly LossName[] = ['mse', 'softmax_ce', 'sigmoid_ce'];

/**
 * Throws a descriptive error unless `spec` describes a usable network: at
 * least two layer sizes (input and output), every size a positive integer,
 * a known activation and loss, and at least two outputs for `softmax_ce`
 * (a softmax over one logit is constant).
 */
export function validateSpec(spec: MlpSpec): void {
  if (!Array.isArray(spec.layers) || spec.layers.length < 2) {
    throw new Error(`An MLP needs at least an input and an output size; got layers ${JSON.stringify(spec.layers)}`);
  }
  spec.layers.forEach((size, i) => {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`Layer size ${i} must be a positive integer; got ${size}`);
    }
  });
  if (!ACTIVATIONS.includes(spec.activation)) {
    throw new Error(`Unknown activation "${spec.activation}"; expected one of ${ACTIVATIONS.join(', ')}`);
  }
  if (!LOSSES.includes(spec.loss)) {
    throw new Error(`Unknown loss "${spec.loss}"; expected one of ${LOSSES.join(', ')}`);
  }
  if (spec.loss === 'softmax_ce' && spec.layers[spec.layers.length - 1] < 2) {
    throw new Error('softmax_ce needs at least 2 outputs (one logit per class)');
  }
}

/** Σ_l (n_{l−1} + 1)·n_l: the length of the flat parameter vector. */
export function paramCount(spec: MlpSpec): number {
  let count = 0;
  for (let l = 1; l < spec.layers.length; l++) {
    count += (spec.layers[l - 1] + 1) * spec.layers[l];
  }
  return count;
}

/** Offsets and shapes of every kernel and bias, in parameter order. */
export function layerLayout(spec: MlpSpec): DenseLayerLayout[] {
  const layout: DenseLayerLayout[] = [];
  let offset = 0;
  for (let l = 1; l < spec.layers.length; l++) {
    const fanIn = spec.layers[l - 1];
    const fanOut = spec.layers[l];
    layout.push({ fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut });
    offset += (fanIn + 1) * fanOut;
  }
  return layout;
}

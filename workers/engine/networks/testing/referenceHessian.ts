/**
 * For tests: the exact Hessian of an MLP's loss in float64, written
 * independently of the tensor code, by forward-over-reverse
 * differentiation (Pearlmutter 1994): the backward pass that gives ∇L,
 * differentiated along a direction v in a forward sweep, gives H v exactly
 * (no differencing step). All P directions e_p are carried at once, so the
 * tangents are Jacobians and one sweep per sample gives that sample's H.
 *
 * Per sample, with h₀ = x, z_l = h_{l−1} W_l + b_l, h_l = σ(z_l) (no σ on the
 * last layer) and the loss ℓ(z_L):
 *   forward tangent  ż_l = ḣ_{l−1} W_l + h_{l−1} Ẇ_l + ḃ_l,  ḣ_l = σ'(z_l) ż_l;
 *   backward         g_L = ∂ℓ/∂z_L,  ġ_L = ∇²ℓ ż_L,
 *                    ∂L/∂W_l = h_{l−1}ᵀ g_l,  its tangent ḣ_{l−1}ᵀ g_l + h_{l−1}ᵀ ġ_l,
 *                    a = g_l W_lᵀ,  ȧ = ġ_l W_lᵀ + g_l Ẇ_lᵀ,
 *                    g_{l−1} = σ'(z) a,  ġ_{l−1} = σ'(z) ȧ + σ''(z) ż a.
 */
import type { Samples } from '../../data/types';
import { layerLayout, paramCount, type MlpSpec } from '../../spec/mlp';
import { symmetrizeInPlace } from '../denseSymmetric';

/** σ, σ' and σ'' of a hidden activation at z. */
function activation(name: MlpSpec['activation'], z: number): [number, number, number] {
  switch (name) {
    case 'tanh': {
      const t = Math.tanh(z);
      return [t, 1 - t * t, -2 * t * (1 - t * t)];
    }
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return [s, s * (1 - s), s * (1 - s) * (1 - 2 * s)];
    }
    case 'relu':
      return [Math.max(0, z), z > 0 ? 1 : 0, 0];
    case 'linear':
      return [z, 1, 0];
  }
}

/** The per-sample values the tangent sweeps reuse: pre-activations' σ, σ', σ'' per layer, the outputs' gradient and loss Hessian. */
interface SampleState {
  /** h_l for l = 0 … L−1 (h₀ = x). */
  inputs: Float64Array[];
  /** σ'(z_l), σ''(z_l) of the hidden layers. */
  slope: Float64Array[];
  curve: Float64Array[];
  /** g_l = ∂ℓ/∂z_l for every layer l = 1 … L (index l − 1). */
  gradients: Float64Array[];
  /** ∇²ℓ with respect to z_L (C×C row-major), already scaled by the loss's 1/N or 1/(N C). */
  lossHessian: Float64Array;
}

function sampleStates(spec: MlpSpec, params: ArrayLike<number>, data: Samples): SampleState[] {
  const layout = layerLayout(spec);
  const width = spec.layers[spec.layers.length - 1];
  const states: SampleState[] = [];
  for (let s = 0; s < data.n; s++) {
    const inputs: Float64Array[] = [Float64Array.from({ length: spec.layers[0] }, (_, i) => data.x[s * spec.layers[0] + i])];
    const slope: Float64Array[] = [];
    const curve: Float64Array[] = [];
    let z = new Float64Array(0);
    layout.forEach(({ fanIn, fanOut, kernelOffset, biasOffset }, l) => {
      const h = inputs[l];
      z = new Float64Array(fanOut);
      for (let j = 0; j < fanOut; j++) {
        let sum = params[biasOffset + j];
        for (let i = 0; i < fanIn; i++) sum += h[i] * params[kernelOffset + i * fanOut + j];
        z[j] = sum;
      }
      if (l < layout.length - 1) {
        const next = new Float64Array(fanOut);
        const d1 = new Float64Array(fanOut);
        const d2 = new Float64Array(fanOut);
        for (let j = 0; j < fanOut; j++) [next[j], d1[j], d2[j]] = activation(spec.activation, z[j]);
        inputs.push(next);
        slope.push(d1);
        curve.push(d2);
      }
    });
    const { gradient, hessian } = lossDerivatives(spec, z, data, s, width);
    // Backward pass of the values: g_{l−1} = σ'(z_{l−1}) · g_l W_lᵀ.
    const gradients: Float64Array[] = new Array(layout.length);
    gradients[layout.length - 1] = gradient;
    for (let l = layout.length - 1; l > 0; l--) {
      const { fanIn, fanOut, kernelOffset } = layout[l];
      const g = gradients[l];
      const below = new Float64Array(fanIn);
      for (let i = 0; i < fanIn; i++) {
        let sum = 0;
        for (let j = 0; j < fanOut; j++) sum += g[j] * params[kernelOffset + i * fanOut + j];
        below[i] = sum * slope[l - 1][i];
      }
      gradients[l - 1] = below;
    }
    states.push({ inputs, slope, curve, gradients, lossHessian: hessian });
  }
  return states;
}

/** ∂ℓ/∂z and ∇²ℓ of one sample's share of the mean loss (the definitions of `LossName`). */
function lossDerivatives(spec: MlpSpec, z: Float64Array, data: Samples, s: number, width: number) {
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  if (spec.loss === 'softmax_ce') {
    const top = Math.max(...z);
    const e = Array.from(z, (v) => Math.exp(v - top));
    const total = e.reduce((sum, v) => sum + v, 0);
    const p = e.map((v) => v / total);
    const label = data.y[s];
    for (let c = 0; c < width; c++) {
      gradient[c] = (p[c] - (c === label ? 1 : 0)) / data.n;
      for (let d = 0; d < width; d++) hessian[c * width + d] = ((c === d ? p[c] : 0) - p[c] * p[d]) / data.n;
    }
  } else {
    const scale = 1 / (data.n * width);
    for (let c = 0; c < width; c++) {
      const y = data.y[s * width + c];
      if (spec.loss === 'mse') {
        gradient[c] = 2 * (z[c] - y) * scale;
        hessian[c * width + c] = 2 * scale;
      } else {
        const sigma = 1 / (1 + Math.exp(-z[c]));
        gradient[c] = (sigma - y) * scale;
        hessian[c * width + c] = sigma * (1 - sigma) * scale;
      }
    }
  }
  return { gradient, hessian };
}

/**
 * Adds one sample's Hessian to `hessian` (P×P row-major), with the tangents
 * of every parameter direction e_p carried at once: a tangent is a row of P
 * numbers per unit (unit-major), so ż_l is the Jacobian ∂z_l/∂θ.
 */
function addSampleHessian(spec: MlpSpec, params: ArrayLike<number>, state: SampleState, hessian: Float64Array): void {
  const layout = layerLayout(spec);
  const size = paramCount(spec);
  const last = layout.length - 1;
  const zDots: Float64Array[] = [];
  const hDots: Float64Array[] = [new Float64Array(spec.layers[0] * size)];
  layout.forEach(({ fanIn, fanOut, kernelOffset, biasOffset }, l) => {
    const h = state.inputs[l];
    const below = hDots[l];
    const dz = new Float64Array(fanOut * size);
    for (let j = 0; j < fanOut; j++) {
      const row = j * size;
      for (let i = 0; i < fanIn; i++) {
        const w = params[kernelOffset + i * fanOut + j];
        if (w !== 0 && l > 0) {
          const from = i * size;
          for (let p = 0; p < size; p++) dz[row + p] += w * below[from + p];
        }
        dz[row + kernelOffset + i * fanOut + j] += h[i];
      }
      dz[row + biasOffset + j] += 1;
    }
    zDots.push(dz);
    if (l < last) {
      const dh = new Float64Array(fanOut * size);
      for (let j = 0; j < fanOut; j++) {
        const slope = state.slope[l][j];
        for (let p = 0; p < size; p++) dh[j * size + p] = slope * dz[j * size + p];
      }
      hDots.push(dh);
    }
  });
  const width = layout[last].fanOut;
  let gDot = new Float64Array(width * size);
  for (let c = 0; c < width; c++) {
    for (let d = 0; d < width; d++) {
      const entry = state.lossHessian[c * width + d];
      if (entry === 0) continue;
      for (let p = 0; p < size; p++) gDot[c * size + p] += entry * zDots[last][d * size + p];
    }
  }
  for (let l = last; l >= 0; l--) {
    const { fanIn, fanOut, kernelOffset, biasOffset } = layout[l];
    const g = state.gradients[l];
    const h = state.inputs[l];
    const hd = hDots[l];
    for (let i = 0; i < fanIn; i++) {
      for (let j = 0; j < fanOut; j++) {
        const row = (kernelOffset + i * fanOut + j) * size;
        const gj = g[j];
        const hi = h[i];
        for (let p = 0; p < size; p++) hessian[row + p] += hd[i * size + p] * gj + hi * gDot[j * size + p];
      }
    }
    for (let j = 0; j < fanOut; j++) {
      const row = (biasOffset + j) * size;
      for (let p = 0; p < size; p++) hessian[row + p] += gDot[j * size + p];
    }
    if (l === 0) break;
    const next = new Float64Array(fanIn * size);
    for (let i = 0; i < fanIn; i++) {
      let a = 0;
      const row = i * size;
      for (let j = 0; j < fanOut; j++) {
        const w = params[kernelOffset + i * fanOut + j];
        a += g[j] * w;
        if (w !== 0) for (let p = 0; p < size; p++) next[row + p] += w * gDot[j * size + p];
        next[row + kernelOffset + i * fanOut + j] += g[j];
      }
      const slope = state.slope[l - 1][i];
      const curvature = state.curve[l - 1][i] * a;
      const dz = zDots[l - 1];
      for (let p = 0; p < size; p++) next[row + p] = slope * next[row + p] + curvature * dz[row + p];
    }
    gDot = next;
  }
}

/** The exact P×P Hessian ∇²L (row-major, float64, symmetrised) of the loss of `spec` at `params` on `data`. */
export function referenceHessian(spec: MlpSpec, params: ArrayLike<number>, data: Samples): Float64Array {
  const size = paramCount(spec);
  const hessian = new Float64Array(size * size);
  for (const state of sampleStates(spec, params, data)) addSampleHessian(spec, params, state, hessian);
  return symmetrizeInPlace(hessian, size);
}

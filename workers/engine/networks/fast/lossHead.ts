/**
 * The losses of the typed-array engine on a chunk of network outputs z
 * (m rows of C outputs, row-major), with their gradient and Hessian with
 * respect to z. Every loss is a mean over the T samples of the whole set
 * (T = N for the data objective, T = M for a minibatch), written as
 * ℓ = s · Σ_rows Σ_c term with the scale s of `lossScale`:
 *   mse:        term = (z − y)²,                  ∂ℓ/∂z = 2 s (z − y),   H u = 2 s u,
 *               s = 1/(T·C);
 *   sigmoid_ce: term = softplus(z) − y z,          ∂ℓ/∂z = s (σ(z) − y),  H u = s σ(1 − σ) ⊙ u,
 *               s = 1/(T·C);
 *   softmax_ce: term = log Σ_c e^{z_c} − z_label,  ∂ℓ/∂z = s (p − e_label),
 *               H u = s (p ⊙ u − p (pᵀu)) per row, p = softmax(z), s = 1/T.
 * Sums are float64; the chunks' shares add up to the whole loss.
 */
import type { LossName } from '../../spec/mlp';
import type { TargetArrays } from '../targets';
import { sigmoidOf } from './activation';

/** The scale s of `loss` for a mean over `total` samples of `width` outputs (see the module comment). */
export function lossScale(loss: LossName, total: number, width: number): number {
  return loss === 'softmax_ce' ? 1 / total : 1 / (total * width);
}

/** softplus(z) = log(1 + e^z) without overflow: max(z, 0) + log1p(e^−|z|). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * The chunk's share of ℓ for outputs z (m × C) against rows first … first+m−1
 * of `targets`, and, when `gradient` is given, ∂ℓ/∂z (m × C) into it.
 */
export function headLoss(
  loss: LossName,
  z: Float32Array,
  m: number,
  width: number,
  targets: TargetArrays,
  first: number,
  scale: number,
  gradient: Float32Array | null,
): number {
  let sum = 0;
  if (targets.kind === 'dense') {
    const y = targets.values;
    const base = first * width;
    for (let i = 0; i < m * width; i++) {
      const zi = z[i];
      const yi = y[base + i];
      if (loss === 'mse') {
        const r = zi - yi;
        sum += r * r;
        if (gradient !== null) gradient[i] = 2 * scale * r;
      } else {
        sum += softplus(zi) - yi * zi;
        if (gradient !== null) gradient[i] = scale * (sigmoidOf(zi) - yi);
      }
    }
    return scale * sum;
  }
  const labels = targets.labels;
  for (let r = 0; r < m; r++) {
    const row = r * width;
    const logSum = rowLogSumExp(z, row, width);
    const label = labels[first + r];
    sum += logSum - z[row + label];
    if (gradient !== null) {
      for (let c = 0; c < width; c++) {
        const p = Math.exp(z[row + c] - logSum);
        gradient[row + c] = scale * (c === label ? p - 1 : p);
      }
    }
  }
  return scale * sum;
}

/**
 * What H_L needs of the outputs, into `out` (m × C): σ(z)(1 − σ(z)) for
 * sigmoid_ce, p = softmax(z) per row for softmax_ce; nothing for mse.
 */
export function headCurvature(loss: LossName, z: Float32Array, m: number, width: number, out: Float32Array): void {
  if (loss === 'mse') return;
  if (loss === 'sigmoid_ce') {
    for (let i = 0; i < m * width; i++) {
      const s = sigmoidOf(z[i]);
      out[i] = s * (1 - s);
    }
    return;
  }
  for (let r = 0; r < m; r++) {
    const row = r * width;
    const logSum = rowLogSumExp(z, row, width);
    for (let c = 0; c < width; c++) out[row + c] = Math.exp(z[row + c] - logSum);
  }
}

/** out = H_L u for the chunk (m × C), from `curvature` of `headCurvature` (see the module comment). */
export function applyOutputHessian(
  loss: LossName,
  curvature: Float32Array,
  u: Float32Array,
  m: number,
  width: number,
  scale: number,
  out: Float32Array,
): void {
  if (loss === 'mse') {
    for (let i = 0; i < m * width; i++) out[i] = 2 * scale * u[i];
    return;
  }
  if (loss === 'sigmoid_ce') {
    for (let i = 0; i < m * width; i++) out[i] = scale * curvature[i] * u[i];
    return;
  }
  for (let r = 0; r < m; r++) {
    const row = r * width;
    let pu = 0;
    for (let c = 0; c < width; c++) pu += curvature[row + c] * u[row + c];
    for (let c = 0; c < width; c++) out[row + c] = scale * curvature[row + c] * (u[row + c] - pu);
  }
}

/**
 * Correct predictions in the chunk: rows whose first largest output is the
 * label (softmax_ce), outputs with [z > 0] = [y > 0.5] (sigmoid_ce); 0 for mse.
 */
export function headHits(
  loss: LossName,
  z: Float32Array,
  m: number,
  width: number,
  targets: TargetArrays,
  first: number,
): number {
  if (loss === 'mse') return 0;
  let hits = 0;
  if (targets.kind === 'dense') {
    const y = targets.values;
    const base = first * width;
    for (let i = 0; i < m * width; i++) if (z[i] > 0 === y[base + i] > 0.5) hits++;
    return hits;
  }
  for (let r = 0; r < m; r++) {
    const row = r * width;
    let best = 0;
    for (let c = 1; c < width; c++) if (z[row + c] > z[row + best]) best = c;
    if (best === targets.labels[first + r]) hits++;
  }
  return hits;
}

/** log Σ_c exp z[row + c] over one row of `width` logits, shifted by the row's maximum so no term overflows. */
function rowLogSumExp(z: Float32Array, row: number, width: number): number {
  let max = -Infinity;
  for (let c = 0; c < width; c++) max = Math.max(max, z[row + c]);
  let total = 0;
  for (let c = 0; c < width; c++) total += Math.exp(z[row + c] - max);
  return max + Math.log(total);
}

/**
 * Feature standardisation (z-scores): x' = (x − μ) / σ per feature, with μ
 * and σ fitted on the training split only and then applied unchanged to
 * the test split, so no information about the test set leaks into training.
 */
import type { Dataset } from './types';

/** Per-feature mean μ_k and population standard deviation σ_k. */
export interface FeatureScaling {
  mean: Float64Array;
  std: Float64Array;
}

/**
 * μ_k = (1/n) Σᵢ x_ik and σ_k = sqrt((1/n) Σᵢ (x_ik − μ_k)²), accumulated in
 * float64. A constant feature (σ_k = 0) gets σ_k = 1, so it maps to 0 rather
 * than to NaN.
 */
export function fitScaling(dataset: Dataset): FeatureScaling {
  const { x, n, inputDim } = dataset;
  if (n === 0) throw new RangeError('fitScaling: the data set is empty');
  const mean = new Float64Array(inputDim);
  const std = new Float64Array(inputDim);
  for (let i = 0; i < n; i++) for (let k = 0; k < inputDim; k++) mean[k] += x[i * inputDim + k];
  for (let k = 0; k < inputDim; k++) mean[k] /= n;
  // Two passes (mean first, then squared deviations) avoid the cancellation
  // of the one-pass E[x²] − E[x]² formula.
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inputDim; k++) {
      const d = x[i * inputDim + k] - mean[k];
      std[k] += d * d;
    }
  }
  for (let k = 0; k < inputDim; k++) {
    const s = Math.sqrt(std[k] / n);
    std[k] = s > 0 ? s : 1;
  }
  return { mean, std };
}

/** A copy of the data set with x'_ik = (x_ik − μ_k) / σ_k; targets are shared, not copied. */
export function applyScaling(dataset: Dataset, scaling: FeatureScaling): Dataset {
  const { x: raw, n, inputDim } = dataset;
  if (scaling.mean.length !== inputDim || scaling.std.length !== inputDim) {
    throw new RangeError(`applyScaling: scaling has ${scaling.mean.length} features, data set has ${inputDim}`);
  }
  const x = new Float32Array(n * inputDim);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inputDim; k++) {
      x[i * inputDim + k] = (raw[i * inputDim + k] - scaling.mean[k]) / scaling.std[k];
    }
  }
  return { ...dataset, x };
}

/** Fits the scaling on `train` and applies it to both splits. */
export function standardizeSplit(train: Dataset, test: Dataset): { train: Dataset; test: Dataset; scaling: FeatureScaling } {
  const scaling = fitScaling(train);
  return { train: applyScaling(train, scaling), test: applyScaling(test, scaling), scaling };
}

/**
 * Filter normalisation of a direction in parameter space (Li et al. 2018,
 * "Visualizing the Loss Landscape of Neural Nets", the variant that ignores
 * biases), so that a slice's scale matches the scale of each unit's weights.
 */
import { layerLayout, paramCount, type MlpSpec } from '../spec/mlp';

/** Added to ‖d_j‖ so that a zero column of the direction stays zero. */
const NORM_GUARD = 1e-10;

/**
 * The direction d rescaled filter by filter. For each dense kernel W
 * ([fanIn, fanOut], row-major) each column j — the incoming weights of unit
 * j, a "filter" — becomes d_j · ‖W_j‖ / (‖d_j‖ + 1e-10) (Euclidean norms);
 * every bias entry becomes 0. Norms and products in float64.
 */
export function filterNormalize(spec: MlpSpec, direction: Float32Array, params: Float32Array): Float32Array {
  const size = paramCount(spec);
  if (direction.length !== size || params.length !== size) {
    throw new Error(
      `filterNormalize needs vectors of ${size} parameters; got direction ${direction.length}, params ${params.length}`,
    );
  }
  // Biases (and anything not in a kernel) stay 0.
  const normalized = new Float32Array(size);
  for (const { fanIn, fanOut, kernelOffset } of layerLayout(spec)) {
    for (let j = 0; j < fanOut; j++) {
      let weightSquares = 0;
      let directionSquares = 0;
      for (let i = 0; i < fanIn; i++) {
        const k = kernelOffset + i * fanOut + j;
        weightSquares += params[k] * params[k];
        directionSquares += direction[k] * direction[k];
      }
      const scale = Math.sqrt(weightSquares) / (Math.sqrt(directionSquares) + NORM_GUARD);
      for (let i = 0; i < fanIn; i++) {
        const k = kernelOffset + i * fanOut + j;
        normalized[k] = direction[k] * scale;
      }
    }
  }
  return normalized;
}

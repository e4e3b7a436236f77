/**
 * A network's raw outputs over a grid of inputs turned into what the data
 * view draws: the predicted class and its probability (classification), or
 * the predicted value (regression).
 */
import type { PredictionGrid } from '../engine/landscape/predictionGrid';
import type { LossName } from '../engine/spec/mlp';
import type { PredictionFieldData } from '../engine/spec/messages/prediction';

/**
 * Classes and confidences from the outputs z of each grid point:
 * - `mse`: the value z₀;
 * - `sigmoid_ce`: p = σ(z₀) = 1 / (1 + e^(−z₀)), class 1 when p ≥ ½, confidence max(p, 1 − p);
 * - `softmax_ce`: class argmax_c z_c, confidence softmax(z)_class = 1 / Σ_c e^(z_c − z_max).
 */
export function predictionFieldOf(grid: PredictionGrid, loss: LossName): PredictionFieldData {
  const { nx, ny, outputDim, outputs, xs, ys } = grid;
  const count = nx * ny;
  const values = new Float32Array(count);
  const window = { xMin: xs[0], xMax: xs[xs.length - 1], yMin: ys[0], yMax: ys[ys.length - 1] };
  if (loss === 'mse') {
    for (let k = 0; k < count; k++) values[k] = outputs[k * outputDim];
    return { nx, ny, window, values };
  }
  const confidence = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    if (loss === 'sigmoid_ce') {
      const p = 1 / (1 + Math.exp(-outputs[k * outputDim]));
      values[k] = p >= 0.5 ? 1 : 0;
      confidence[k] = Math.max(p, 1 - p);
    } else {
      let best = 0;
      for (let c = 1; c < outputDim; c++) if (outputs[k * outputDim + c] > outputs[k * outputDim + best]) best = c;
      const top = outputs[k * outputDim + best];
      let sum = 0;
      for (let c = 0; c < outputDim; c++) sum += Math.exp(outputs[k * outputDim + c] - top);
      values[k] = best;
      confidence[k] = 1 / sum;
    }
  }
  return { nx, ny, window, values, confidence };
}

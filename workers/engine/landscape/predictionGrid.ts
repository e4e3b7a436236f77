/**
 * What a network predicts over its input space, for a decision-boundary
 * view (2 inputs: a grid of outputs over the plane of the data) or a
 * regression curve (1 input).
 */
import { throwIfAborted } from '../math/krylov/operator';
import type { MlpObjective } from '../networks/objective';
import { linspace } from '../math/plane/grid';
import { gridIndex } from '../math/plane/gridIndex';

/** The input range to cover: [lo, hi] of the first and (2 inputs) the second feature. */
export interface InputBox {
  x: [number, number];
  /** Ignored for networks with one input. */
  y: [number, number];
}

/** Network outputs on a grid of inputs. */
export interface PredictionGrid {
  /** Inputs along the first feature (nx) and the second (ny; [0] for one input). */
  xs: Float64Array;
  ys: Float64Array;
  nx: number;
  ny: number;
  /** C, outputs per input. */
  outputDim: number;
  /**
   * z(θ; x_i, y_j) at gridIndex(nx, i, j)·C + c = (j·nx + i)·C + c: predictions for `mse`, logits for
   * the cross-entropy losses (σ or softmax gives probabilities).
   */
  outputs: Float32Array;
}

/**
 * The box around the data's first two features (first feature only for one
 * input), widened on each side by `margin` times its width (default 0.1).
 */
export function inputBoxOf(data: { x: Float32Array; n: number; inputDim: number }, margin = 0.1): InputBox {
  const range = (feature: number): [number, number] => {
    if (feature >= data.inputDim) return [0, 0];
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < data.n; i++) {
      const value = data.x[i * data.inputDim + feature];
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
    const pad = margin * (hi - lo || 1);
    return [lo - pad, hi + pad];
  };
  return { x: range(0), y: range(1) };
}

/** What the prediction grid needs from a model. */
export type PredictingModel = Pick<MlpObjective, 'spec' | 'predict'>;

/**
 * The network's outputs at θ = `params` on a resolution × resolution grid
 * over `box` (a line of `resolution` points for one input), in batches of
 * rows (one `predict` call each, cancellation checked between them); null
 * for networks with more than two inputs, which have no such picture.
 */
export async function predictionGrid(
  model: PredictingModel,
  params: Float32Array,
  box: InputBox,
  resolution = 96,
  options: { signal?: AbortSignal; rowsPerCall?: number } = {},
): Promise<PredictionGrid | null> {
  const inputDim = model.spec.layers[0];
  const outputDim = model.spec.layers[model.spec.layers.length - 1];
  if (inputDim > 2) return null;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > 512) {
    throw new RangeError(`the prediction grid's resolution must be an integer from 2 to 512; got ${resolution}`);
  }
  const xs = linspace(box.x[0], box.x[1], resolution);
  const ys = inputDim === 2 ? linspace(box.y[0], box.y[1], resolution) : Float64Array.of(0);
  const nx = xs.length;
  const ny = ys.length;
  const outputs = new Float32Array(nx * ny * outputDim);
  const rowsPerCall = options.rowsPerCall ?? 24;
  for (let firstRow = 0; firstRow < ny; firstRow += rowsPerCall) {
    throwIfAborted(options.signal);
    const rows = Math.min(rowsPerCall, ny - firstRow);
    const inputs = new Float32Array(rows * nx * inputDim);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < nx; i++) {
        // Row r of this call is grid row firstRow + r; `outputs` takes the rows in order.
        const at = gridIndex(nx, i, r) * inputDim;
        inputs[at] = xs[i];
        if (inputDim === 2) inputs[at + 1] = ys[firstRow + r];
      }
    }
    outputs.set(await model.predict(params, inputs, rows * nx), firstRow * nx * outputDim);
  }
  throwIfAborted(options.signal);
  return { xs, ys, nx, ny, outputDim, outputs };
}

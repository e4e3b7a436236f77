/** Selecting rows of a data set. */
import type { Dataset } from './types';

/**
 * The data set restricted to the given rows, in the given order: row r of
 * the result is row `rows[r]` of `dataset` (inputs and targets copied).
 */
export function subsetRows(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  const { inputDim } = dataset;
  const m = rows.length;
  const targetWidth = dataset.y instanceof Int32Array ? 1 : dataset.outputDim;
  const x = new Float32Array(m * inputDim);
  const y = dataset.y instanceof Int32Array ? new Int32Array(m) : new Float32Array(m * targetWidth);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    if (!(i >= 0 && i < dataset.n) || !Number.isInteger(i)) {
      throw new RangeError(`subsetRows: row ${i} is not in [0, ${dataset.n})`);
    }
    x.set(dataset.x.subarray(i * inputDim, (i + 1) * inputDim), r * inputDim);
    y.set(dataset.y.subarray(i * targetWidth, (i + 1) * targetWidth), r * targetWidth);
  }
  return { ...dataset, x, n: m, y };
}

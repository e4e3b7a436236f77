import { describe, expect, it } from 'vitest';
import { joinRows, parameterPieces, repeatRow, splitRows } from './pieces';
import { layerLayout, paramCount, type MlpSpec } from '../spec/mlp';

const spec: MlpSpec = { layers: [2, 3, 2], activation: 'tanh', loss: 'mse' };
const pieces = parameterPieces(layerLayout(spec));
const size = paramCount(spec);

describe('parameterPieces', () => {
  it('lists kernel and bias of each layer with their matrix shapes', () => {
    expect(pieces).toEqual([
      { offset: 0, size: 6, shape: [2, 3] },
      { offset: 6, size: 3, shape: [1, 3] },
      { offset: 9, size: 6, shape: [3, 2] },
      { offset: 15, size: 2, shape: [1, 2] },
    ]);
  });
});

describe('splitRows / joinRows', () => {
  it('cut each row into its pieces, and join them back unchanged', () => {
    const rows = 3;
    const values = Float32Array.from({ length: rows * size }, (_, i) => i);
    const split = splitRows(pieces, values, rows);
    // Row 1's second-layer kernel starts at 1·17 + 9.
    expect(Array.from(split[2].subarray(6, 12))).toEqual([26, 27, 28, 29, 30, 31]);
    expect(Array.from(split[3])).toEqual([15, 16, 32, 33, 49, 50]);
    expect(joinRows(pieces, split, rows)).toEqual(values);
  });

  it('repeatRow gives the same pieces as splitting a stack of copies', () => {
    const vector = Float32Array.from({ length: size }, (_, i) => 0.5 * i - 3);
    const stacked = new Float32Array(4 * size);
    for (let r = 0; r < 4; r++) stacked.set(vector, r * size);
    expect(repeatRow(pieces, vector, 4)).toEqual(splitRows(pieces, stacked, 4));
  });
});

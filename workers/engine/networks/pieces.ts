/**
 * The flat parameter vector cut into its pieces (kernel_1, bias_1, kernel_2,
 * …), and batches of vectors moved between the flat row-major layout
 * (rows × P) and one array per piece (rows × piece size).
 *
 * The tensor code works on one [B, rows, cols] tensor per piece: kernels
 * [B, fanIn, fanOut], biases [B, 1, fanOut]. Cutting and joining happen here,
 * on plain arrays, because slicing a [B, P] tensor along its second axis
 * (and the concatenation its gradient needs) is slow on the cpu backend.
 */
import type { DenseLayerLayout } from '../spec/mlp';

/** One kernel or bias: where it sits in θ and its matrix shape. */
export interface ParameterPiece {
  offset: number;
  size: number;
  /** [fanIn, fanOut] for a kernel, [1, fanOut] for a bias. */
  shape: [number, number];
}

/** The pieces of θ in parameter order: kernel_1, bias_1, kernel_2, bias_2, … */
export function parameterPieces(layout: DenseLayerLayout[]): ParameterPiece[] {
  return layout.flatMap((layer) => [
    { offset: layer.kernelOffset, size: layer.fanIn * layer.fanOut, shape: [layer.fanIn, layer.fanOut] },
    { offset: layer.biasOffset, size: layer.fanOut, shape: [1, layer.fanOut] },
  ]);
}

/** Total length P of θ: Σ piece sizes. */
function vectorLength(pieces: ParameterPiece[]): number {
  const last = pieces[pieces.length - 1];
  return last.offset + last.size;
}

/** Cuts `rows` flat vectors (rows × P, row-major) into one rows × size array per piece. */
export function splitRows(pieces: ParameterPiece[], values: Float32Array, rows: number): Float32Array[] {
  const length = vectorLength(pieces);
  return pieces.map(({ offset, size }) => {
    const piece = new Float32Array(rows * size);
    for (let r = 0; r < rows; r++) {
      piece.set(values.subarray(r * length + offset, r * length + offset + size), r * size);
    }
    return piece;
  });
}

/** `rows` copies of one flat vector θ, cut into pieces. */
export function repeatRow(pieces: ParameterPiece[], vector: Float32Array, rows: number): Float32Array[] {
  return pieces.map(({ offset, size }) => {
    const source = vector.subarray(offset, offset + size);
    const piece = new Float32Array(rows * size);
    for (let r = 0; r < rows; r++) piece.set(source, r * size);
    return piece;
  });
}

/** Inverse of `splitRows`: rows × P flat vectors from one rows × size array per piece. */
export function joinRows(pieces: ParameterPiece[], pieceValues: ArrayLike<number>[], rows: number): Float32Array {
  const length = vectorLength(pieces);
  const values = new Float32Array(rows * length);
  pieces.forEach(({ offset, size }, p) => {
    const source = pieceValues[p];
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < size; i++) values[r * length + offset + i] = source[r * size + i];
    }
  });
  return values;
}

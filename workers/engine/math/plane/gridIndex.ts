/**
 * The one index convention of every grid of the project (slices, height
 * fields, prediction grids): an nx × ny grid is stored row-major, node (i, j)
 * — column i along x (α), row j along y (β) — at index
 *
 *   k = j·nx + i,   so i = k mod nx, j = ⌊k / nx⌋,
 *
 * x varying fastest. `GridIndex` is a branded number, as excalidraw brands
 * its GlobalPoint and LocalPoint: an index can only be made here, so a raw
 * number, or an index of another layout such as i·ny + j, does not type-check
 * where a grid index is expected.
 */

declare const gridIndexBrand: unique symbol;

/** k = j·nx + i of node (i, j) of a row-major grid; made by `gridIndex` and the functions below. */
export type GridIndex = number & { readonly [gridIndexBrand]: 'row-major j·nx + i' };

/**
 * A list of grid indices of one grid, as an Int32Array (compact, and
 * transferable). Reading an entry gives a `GridIndex`.
 */
export type GridIndices = Int32Array & { readonly [position: number]: GridIndex };

/** The index j·nx + i of node (i, j) of a grid with nx columns. */
export function gridIndex(nx: number, i: number, j: number): GridIndex {
  return (j * nx + i) as GridIndex;
}

/** The column i = k mod nx (the position along x, α) of index k. */
export function gridColumn(k: GridIndex, nx: number): number {
  return k % nx;
}

/** The row j = ⌊k / nx⌋ (the position along y, β) of index k. */
export function gridRow(k: GridIndex, nx: number): number {
  return Math.floor(k / nx);
}

/**
 * Stores node indices made by `fill` (which receives a `push` taking node
 * (i, j)) in a list of `length`: the one place a list of grid indices is
 * written.
 */
export function gridIndexList(nx: number, length: number, fill: (push: (i: number, j: number) => void) => void): GridIndices {
  const list = new Int32Array(length);
  let position = 0;
  fill((i, j) => {
    list[position++] = j * nx + i;
  });
  if (position !== length) throw new RangeError(`gridIndexList: ${position} indices written, ${length} expected`);
  return list as GridIndices;
}

/** The `count` consecutive indices first, first + 1, …: a run of rows in storage order. */
export function gridIndexRange(first: number, count: number): GridIndices {
  return Int32Array.from({ length: count }, (_, r) => first + r) as GridIndices;
}

/** Entries start … end − 1 of a list of indices, sharing its memory (Int32Array.subarray). */
export function gridIndexSlice(indices: GridIndices, start: number, end: number): GridIndices {
  return indices.subarray(start, end) as GridIndices;
}

/**
 * The plane coordinates (α_i, β_j) of the grid nodes `indices` over the axes
 * `alphas` (length nx) and `betas` (length ny), as a K×2 row-major array: feed
 * it to `pointsOnPlane` for a chunk of a slice grid (for example one level of
 * `progressiveOrder`). Throws for an index outside the grid.
 */
export function gridCoordinates(alphas: ArrayLike<number>, betas: ArrayLike<number>, indices: ArrayLike<GridIndex>): Float64Array {
  const nx = alphas.length;
  const size = nx * betas.length;
  const coords = new Float64Array(2 * indices.length);
  for (let r = 0; r < indices.length; r++) {
    const k = indices[r];
    if (!Number.isInteger(k) || k < 0 || k >= size) {
      throw new RangeError(`gridCoordinates: index ${k} is outside the ${nx}×${betas.length} grid`);
    }
    coords[2 * r] = alphas[gridColumn(k, nx)];
    coords[2 * r + 1] = betas[gridRow(k, nx)];
  }
  return coords;
}

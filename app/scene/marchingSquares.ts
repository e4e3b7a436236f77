/**
 * Iso-lines of a gridded scalar field by marching squares.
 *
 * Values are row-major, `values[j·nx + i]` at grid node (i, j). A node is
 * "above" a level c when its value is ≥ c. On every cell edge whose two ends
 * differ, the crossing is placed by linear interpolation; a cell with two
 * crossings gives one segment, and a cell with four (the two ambiguous
 * saddle cases) is resolved by the mean of its corners. Cells with a
 * non-finite corner are skipped, so gaps in the data stay gaps in the lines.
 */

/** Edges of a cell in the order bottom, right, top, left (used as indices below). */
const BOTTOM = 0;
const RIGHT = 1;
const TOP = 2;
const LEFT = 3;

/**
 * Segments of the iso-line f = level, as a flat array x0, y0, x1, y1, … in
 * fractional grid coordinates (x = i + fraction, y = j + fraction).
 */
export function isoSegments(values: ArrayLike<number>, nx: number, ny: number, level: number): Float32Array {
  const out: number[] = [];
  const crossX = [0, 0, 0, 0];
  const crossY = [0, 0, 0, 0];
  // The fraction of the way from a to b where the linear interpolant equals the level.
  const along = (a: number, b: number): number => (level - a) / (b - a);
  const emit = (from: number, to: number): void => {
    out.push(crossX[from], crossY[from], crossX[to], crossY[to]);
  };
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const k = j * nx + i;
      const bl = values[k];
      const br = values[k + 1];
      const tl = values[k + nx];
      const tr = values[k + nx + 1];
      if (!(Number.isFinite(bl) && Number.isFinite(br) && Number.isFinite(tl) && Number.isFinite(tr))) continue;
      const cell = (bl >= level ? 1 : 0) | (br >= level ? 2 : 0) | (tr >= level ? 4 : 0) | (tl >= level ? 8 : 0);
      if (cell === 0 || cell === 15) continue;
      // The first and last crossed edges; for a non-saddle cell these are its two ends.
      let first = -1;
      let last = -1;
      const mark = (edge: number): void => {
        if (first < 0) first = edge;
        last = edge;
      };
      if ((bl >= level) !== (br >= level)) {
        crossX[BOTTOM] = i + along(bl, br);
        crossY[BOTTOM] = j;
        mark(BOTTOM);
      }
      if ((br >= level) !== (tr >= level)) {
        crossX[RIGHT] = i + 1;
        crossY[RIGHT] = j + along(br, tr);
        mark(RIGHT);
      }
      if ((tl >= level) !== (tr >= level)) {
        crossX[TOP] = i + along(tl, tr);
        crossY[TOP] = j + 1;
        mark(TOP);
      }
      if ((bl >= level) !== (tl >= level)) {
        crossX[LEFT] = i;
        crossY[LEFT] = j + along(bl, tl);
        mark(LEFT);
      }
      if (cell === 5 || cell === 10) {
        // Saddle: opposite corners agree. If the centre is on the same side as
        // the diagonal {bl, tr}, that diagonal is connected and the other two
        // corners are cut off, and vice versa.
        const centreAbove = (bl + br + tl + tr) / 4 >= level;
        const cutOffBrAndTl = (cell === 5) === centreAbove;
        if (cutOffBrAndTl) {
          emit(BOTTOM, RIGHT);
          emit(TOP, LEFT);
        } else {
          emit(BOTTOM, LEFT);
          emit(RIGHT, TOP);
        }
        continue;
      }
      emit(first, last);
    }
  }
  return Float32Array.from(out);
}

/**
 * `count` levels evenly inside (lo, hi), excluding both ends:
 * c_k = lo + (hi − lo)·k/(count + 1), k = 1…count.
 */
export function evenLevels(lo: number, hi: number, count: number): number[] {
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) levels.push(lo + ((hi - lo) * k) / (count + 1));
  return levels;
}

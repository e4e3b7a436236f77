/**
 * Discrete critical points of a sampled surface: the grid points that are
 * local minima, maxima or saddles among their 8 neighbours, for markers on
 * a slice.
 *
 * The field is row-major ny × nx: value `gridIndex(nx, i, j)` = j·nx + i at
 * column i, row j.
 */
import type { CriticalKind } from '../../spec/vocabulary';
import { gridIndex, type GridIndex } from './gridIndex';

/** One discrete critical point of a sampled field. */
export interface GridCriticalPoint {
  /** Minimum, saddle or maximum among the 8 neighbours. */
  kind: CriticalKind;
  /** Row-major grid index j·nx + i. */
  index: GridIndex;
  i: number;
  j: number;
  value: number;
  /**
   * How clearly the point is critical, in field units: for a minimum the
   * smallest rise to a neighbour, min(f_n − f); for a maximum the smallest
   * drop, min(f − f_n); for a saddle the smaller of the largest rise and the
   * largest drop around it.
   */
  strength: number;
  /** Sign changes of f_n − f around the ring of neighbours (0 for extrema, ≥ 4 for saddles). */
  signChanges: number;
}

/** Tolerances and the cap of `findCriticalPoints`. */
export interface CriticalPointOptions {
  /**
   * A neighbour within tolerance + relativeTolerance·|f| of the centre value
   * f counts as level (neither above nor below), so rounding noise on a flat
   * region makes no critical points. Defaults: 1e-9·(max − min) of the
   * finite values, and 1e-5 (well above float32 rounding of a summed loss).
   */
  tolerance?: number;
  relativeTolerance?: number;
  /** At most this many points of each kind are returned, strongest first (default 16). */
  maxCount?: number;
}

/** The critical points found, by kind, each list strongest first. */
export interface CriticalPoints {
  minima: GridCriticalPoint[];
  saddles: GridCriticalPoint[];
  maxima: GridCriticalPoint[];
}

/** The 8 neighbours (di, dj) in cyclic order around the centre. */
const RING: ReadonlyArray<readonly [number, number]> = [
  [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1],
];

/**
 * Finds the interior grid points (the border is skipped: it lacks a full
 * ring) that are
 * - minima: every neighbour is higher than the centre by more than the tolerance;
 * - maxima: every neighbour is lower by more than the tolerance;
 * - saddles: going once around the ring of 8 neighbours, the sign of
 *   f_n − f (level neighbours skipped) changes at least 4 times — the
 *   discrete version of "up, down, up, down" (6 for a monkey saddle).
 * Points with a non-finite value in their 3×3 block are skipped.
 *
 * Adjacent saddles are merged into one (see `oneSaddlePerCluster`): a
 * saddle between samples passes the test at several of the grid points
 * around it, and a degenerate one, flat to second order like the monkey
 * saddle x³ − 3xy², at a small cluster of points.
 */
export function findCriticalPoints(field: ArrayLike<number>, nx: number, ny: number, options: CriticalPointOptions = {}): CriticalPoints {
  if (field.length !== nx * ny) {
    throw new RangeError(`findCriticalPoints: field has ${field.length} values, grid has ${nx}×${ny}`);
  }
  const tolerance = options.tolerance ?? 1e-9 * finiteRange(field);
  const relativeTolerance = options.relativeTolerance ?? 1e-5;
  const maxCount = options.maxCount ?? 16;
  if (!(tolerance >= 0) || !(relativeTolerance >= 0) || !(maxCount >= 0)) {
    throw new RangeError('findCriticalPoints: tolerances and maxCount must be non-negative');
  }
  const found: CriticalPoints = { minima: [], saddles: [], maxima: [] };
  const signs = new Int8Array(RING.length);
  // Neighbour (i + di, j + dj) lies dj·nx + di entries from (i, j) in the row-major field.
  const ringOffsets = RING.map(([di, dj]) => dj * nx + di);
  for (let j = 1; j < ny - 1; j++) {
    for (let i = 1; i < nx - 1; i++) {
      const index = gridIndex(nx, i, j);
      const value = field[index];
      if (!Number.isFinite(value)) continue;
      const level = tolerance + relativeTolerance * Math.abs(value);
      let above = 0, below = 0, largestRise = 0, largestDrop = 0;
      let smallestRise = Infinity, smallestDrop = Infinity, finite = true;
      for (let r = 0; r < RING.length; r++) {
        const neighbour = field[index + ringOffsets[r]];
        if (!Number.isFinite(neighbour)) { finite = false; break; }
        const diff = neighbour - value;
        signs[r] = diff > level ? 1 : diff < -level ? -1 : 0;
        if (signs[r] > 0) above++;
        if (signs[r] < 0) below++;
        largestRise = Math.max(largestRise, diff);
        largestDrop = Math.max(largestDrop, -diff);
        smallestRise = Math.min(smallestRise, diff);
        smallestDrop = Math.min(smallestDrop, -diff);
      }
      if (!finite) continue;
      const base = { index, i, j, value };
      if (above === RING.length) {
        found.minima.push({ ...base, kind: 'minimum', strength: smallestRise, signChanges: 0 });
      } else if (below === RING.length) {
        found.maxima.push({ ...base, kind: 'maximum', strength: smallestDrop, signChanges: 0 });
      } else {
        const changes = cyclicSignChanges(signs);
        if (changes >= 4) {
          found.saddles.push({ ...base, kind: 'saddle', strength: Math.min(largestRise, largestDrop), signChanges: changes });
        }
      }
    }
  }
  found.saddles = oneSaddlePerCluster(found.saddles, field, nx);
  const strongestFirst = (list: GridCriticalPoint[]) => list.sort((a, b) => b.strength - a.strength || a.index - b.index).slice(0, maxCount);
  return { minima: strongestFirst(found.minima), saddles: strongestFirst(found.saddles), maxima: strongestFirst(found.maxima) };
}

/**
 * Keeps one saddle from each group of adjacent ones. Unlike minima and
 * maxima (two neighbours cannot both be below each other), the sign-change
 * test passes at up to four grid points around one true saddle lying between
 * samples. The point kept is the one with the smallest central-difference
 * gradient, ((f_E − f_W)/2, (f_N − f_S)/2): the grid point nearest the
 * stationary point.
 */
function oneSaddlePerCluster(saddles: GridCriticalPoint[], field: ArrayLike<number>, nx: number): GridCriticalPoint[] {
  const gradientSquared = (k: number) => ((field[k + 1] - field[k - 1]) / 2) ** 2 + ((field[k + nx] - field[k - nx]) / 2) ** 2;
  const byFlatness = saddles
    .map((point) => ({ point, slope: gradientSquared(point.index) }))
    .sort((a, b) => a.slope - b.slope || a.point.index - b.point.index);
  const taken = new Set<GridIndex>();
  const kept: GridCriticalPoint[] = [];
  for (const { point } of byFlatness) {
    if (RING.some(([di, dj]) => taken.has(gridIndex(nx, point.i + di, point.j + dj)))) continue;
    taken.add(point.index);
    kept.push(point);
  }
  return kept;
}

/** Number of sign changes going once round the cycle of nonzero signs (zeros skipped). */
function cyclicSignChanges(signs: Int8Array): number {
  let first = 0, previous = 0, changes = 0;
  for (const s of signs) {
    if (s === 0) continue;
    if (first === 0) first = s;
    else if (s !== previous) changes++;
    previous = s;
  }
  // Close the cycle: from the last nonzero sign back to the first.
  if (first !== 0 && previous !== first) changes++;
  return changes;
}

/** max − min over the finite values (0 if there are none). */
function finiteRange(field: ArrayLike<number>): number {
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < field.length; k++) {
    const v = field[k];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi >= lo ? hi - lo : 0;
}

/**
 * The local minima, saddles and maxima of a finished slice, in plane
 * coordinates (α, β), for markers on the surface.
 */
import { findCriticalPoints, type CriticalPointOptions, type GridCriticalPoint } from '../math/plane/gridCriticalPoints';
import { gridIndex, type GridIndex } from '../math/plane/gridIndex';
import type { CriticalKind } from '../spec/vocabulary';

/** A discrete critical point of the slice. */
export interface SliceCriticalPoint {
  kind: CriticalKind;
  alpha: number;
  beta: number;
  /** Grid position: index = `gridIndex(nx, i, j)`. */
  i: number;
  j: number;
  index: GridIndex;
  loss: number;
  /** How clearly it is critical, in loss units (see findCriticalPoints). */
  strength: number;
}

/** The critical points of a slice by kind, each list strongest first. */
export interface SliceCriticalPoints {
  minima: SliceCriticalPoint[];
  saddles: SliceCriticalPoint[];
  maxima: SliceCriticalPoint[];
}

/**
 * On a plane: the grid points that are minima, saddles or maxima among
 * their 8 neighbours (`findCriticalPoints`). On a line (ny = 1): the interior
 * points below (minima) or above (maxima) both neighbours by more than the
 * tolerance; a line has no saddles. Each list strongest first.
 */
export function sliceCriticalPoints(
  field: ArrayLike<number>,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
  options: CriticalPointOptions = {},
): SliceCriticalPoints {
  const nx = alphas.length;
  const ny = betas.length;
  const place = (point: GridCriticalPoint): SliceCriticalPoint => ({
    kind: point.kind,
    alpha: alphas[point.i],
    beta: betas[point.j],
    i: point.i,
    j: point.j,
    index: point.index,
    loss: point.value,
    strength: point.strength,
  });
  if (ny > 1) {
    const found = findCriticalPoints(field, nx, ny, options);
    return { minima: found.minima.map(place), saddles: found.saddles.map(place), maxima: found.maxima.map(place) };
  }
  return lineExtrema(field, alphas, betas[0], options);
}

function lineExtrema(field: ArrayLike<number>, alphas: ArrayLike<number>, beta: number, options: CriticalPointOptions): SliceCriticalPoints {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < field.length; i++) {
    if (Number.isFinite(field[i])) {
      lo = Math.min(lo, field[i]);
      hi = Math.max(hi, field[i]);
    }
  }
  // The same default tolerances as on a plane.
  const tolerance = options.tolerance ?? 1e-9 * (hi >= lo ? hi - lo : 0);
  const relative = options.relativeTolerance ?? 1e-5;
  const maxCount = options.maxCount ?? 16;
  const minima: SliceCriticalPoint[] = [];
  const maxima: SliceCriticalPoint[] = [];
  for (let i = 1; i < field.length - 1; i++) {
    const value = field[i];
    const left = field[i - 1];
    const right = field[i + 1];
    if (!Number.isFinite(value) || !Number.isFinite(left) || !Number.isFinite(right)) continue;
    const level = tolerance + relative * Math.abs(value);
    const base = { alpha: alphas[i], beta, i, j: 0, index: gridIndex(field.length, i, 0), loss: value };
    if (left - value > level && right - value > level) {
      minima.push({ ...base, kind: 'minimum', strength: Math.min(left, right) - value });
    } else if (value - left > level && value - right > level) {
      maxima.push({ ...base, kind: 'maximum', strength: value - Math.max(left, right) });
    }
  }
  const strongest = (list: SliceCriticalPoint[]) => list.sort((a, b) => b.strength - a.strength || a.index - b.index).slice(0, maxCount);
  return { minima: strongest(minima), saddles: [], maxima: strongest(maxima) };
}

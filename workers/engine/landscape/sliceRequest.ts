/**
 * What a slice job evaluates, and the checks that turn a mistaken request
 * (a 10⁶-point grid, an empty range, directions of the wrong length) into a
 * clear error before any work starts.
 */
import { linspace } from '../math/plane/grid';
import { checkPlane, type Plane } from '../math/plane/plane';
import { LANDSCAPE_LIMITS } from '../spec/limits';

/** A slice to evaluate: the line or plane, the coordinate ranges, the resolution. */
export interface SliceRequest {
  plane: Plane;
  /** [lo, hi] of α, the coordinate along d1. */
  alphaRange: readonly [number, number];
  /** [lo, hi] of β along d2 (plane only; default alphaRange). */
  betaRange?: readonly [number, number];
  /** Points along α (default: the settings' default resolution of a line or a plane, `LANDSCAPE_LIMITS`). */
  nx?: number;
  /** Points along β (plane only; default nx). */
  ny?: number;
}

/** A checked request: the axes and the grid size. */
export interface SliceGeometry {
  plane: Plane;
  /** α_i, i < nx. */
  alphas: Float64Array;
  /** β_j, j < ny ([0] on a line). */
  betas: Float64Array;
  nx: number;
  ny: number;
}

/** Throws a RangeError naming the problem unless `request` describes a feasible slice for P parameters. */
export function sliceGeometry(request: SliceRequest, paramCount: number): SliceGeometry {
  const { plane } = request;
  checkPlane('slice', plane, paramCount);
  const isLine = plane.d2 === null;
  const resolution = isLine ? LANDSCAPE_LIMITS.lineResolution : LANDSCAPE_LIMITS.planeResolution;
  const nx = request.nx ?? resolution.default;
  const ny = isLine ? 1 : (request.ny ?? nx);
  const minSide = LANDSCAPE_LIMITS.slicePoints.min;
  const maxSide = resolution.max;
  if (isLine && request.ny !== undefined && request.ny !== 1) {
    throw new RangeError(`a 1-D slice (no d2) has one row; got ny = ${request.ny}`);
  }
  for (const [name, count] of [['nx', nx], ['ny', ny]] as const) {
    if (name === 'ny' && isLine) continue;
    if (!Number.isInteger(count) || count < minSide || count > maxSide) {
      throw new RangeError(
        `${name} must be an integer from ${minSide} to ${maxSide} for a ${isLine ? '1-D' : '2-D'} slice; got ${count}`,
      );
    }
  }
  const alphas = axis('alphaRange', request.alphaRange, nx);
  const betas = isLine ? Float64Array.of(0) : axis('betaRange', request.betaRange ?? request.alphaRange, ny);
  return { plane, alphas, betas, nx, ny };
}

function axis(name: string, range: readonly [number, number], count: number): Float64Array {
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new RangeError(`${name} must be two finite numbers lo < hi; got [${lo}, ${hi}]`);
  }
  return linspace(lo, hi, count);
}

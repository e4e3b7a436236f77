/**
 * The spectrum chart's horizontal axis: eigenvalues λ on a linear axis, or
 * y = symlog(λ) = sign(λ)·log₁₀(1 + |λ|/c) (the engine's own transform, from
 * its pure numerics in math/spectral, which the page may load). A density is
 * always shown per unit of the axis, so curves given in the other units are
 * converted by change of variables, and the exact eigenvalues are binned in
 * axis units.
 */
import { spectrumHistogram } from '../../workers/engine/math/spectral/knownSpectrum';
import { inverseSymlog, symlog } from '../../workers/engine/math/spectral/symlog';
import type { DensityCurve, SpectrumView } from '../plots/types';

/** Which axis, and the symlog scale c. */
export interface SpectrumAxis {
  kind: SpectrumView['axis'];
  /** c > 0 in y = sign(λ)·log₁₀(1 + |λ|/c); unused on a linear axis. */
  scale: number;
}

/** Share of the largest |λ| taken as c when no symlog scale is given (the curvature engine's default). */
export const DEFAULT_SYMLOG_FRACTION = 1e-3;

/**
 * The axis of a spectrum view. Its `symlogScale` when given; otherwise c =
 * 1e-3 · max |λ| over the exact eigenvalues and the grids given in
 * eigenvalue units (1 when there are none). Curves in symlog units need the
 * scale they were computed with, so such a view should always carry it.
 */
export function spectrumAxis(view: SpectrumView): SpectrumAxis {
  if (view.axis === 'linear') return { kind: 'linear', scale: 1 };
  if (view.symlogScale !== undefined && view.symlogScale > 0) return { kind: 'symlog', scale: view.symlogScale };
  let largest = 0;
  const include = (values: ArrayLike<number>) => {
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) largest = Math.max(largest, Math.abs(values[i]));
  };
  if (view.exact) include(view.exact);
  for (const curve of [view.slq, ...view.references]) if (curve && curve.gridUnits === 'eigenvalue') include(curve.grid);
  return { kind: 'symlog', scale: largest > 0 ? DEFAULT_SYMLOG_FRACTION * largest : 1 };
}

/** Position of eigenvalue λ on the axis: λ, or symlog(λ, c). */
export function toAxis(lambda: number, axis: SpectrumAxis): number {
  return axis.kind === 'linear' ? lambda : symlog(lambda, axis.scale);
}

/** Eigenvalue at axis position u: the inverse of {@link toAxis}. */
export function fromAxis(position: number, axis: SpectrumAxis): number {
  return axis.kind === 'linear' ? position : inverseSymlog(position, axis.scale);
}

/**
 * dλ/dy for y = symlog(λ, c): λ = sign(y)·c·(10^|y| − 1) gives
 * dλ/dy = c·ln 10·10^|y| = ln 10 · (c + |λ|).
 */
export function symlogJacobian(lambda: number, scale: number): number {
  return Math.LN10 * (scale + Math.abs(lambda));
}

/** A curve ready to draw: axis positions and density per axis unit. */
export interface AxisCurve {
  x: Float64Array;
  density: Float64Array;
}

/**
 * The curve on the axis. A curve already in the axis's units (its
 * `gridUnits`, or the axis's when absent) is used as it is. A density in λ
 * on a symlog axis becomes p_Y(y) = p_λ(λ)·dλ/dy at y = symlog(λ); a density
 * in y on a linear axis becomes p_λ(λ) = p_Y(y) / (dλ/dy) at λ = symlog⁻¹(y).
 */
export function curveOnAxis(curve: DensityCurve, axis: SpectrumAxis): AxisCurve {
  const units = curve.gridUnits ?? (axis.kind === 'linear' ? 'eigenvalue' : 'symlog');
  const inAxisUnits = (units === 'eigenvalue') === (axis.kind === 'linear');
  if (inAxisUnits) return { x: curve.grid, density: curve.density };
  const count = Math.min(curve.grid.length, curve.density.length);
  const x = new Float64Array(count);
  const density = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (units === 'eigenvalue') {
      const lambda = curve.grid[i];
      x[i] = symlog(lambda, axis.scale);
      density[i] = curve.density[i] * symlogJacobian(lambda, axis.scale);
    } else {
      const lambda = inverseSymlog(curve.grid[i], axis.scale);
      x[i] = lambda;
      density[i] = curve.density[i] / symlogJacobian(lambda, axis.scale);
    }
  }
  return { x, density };
}

/**
 * Number of histogram bins for n eigenvalues: twice Rice's rule 2·n^(1/3)
 * (Hessian spectra are spiky, so finer than usual), within [10, 100].
 */
export function histogramBinCount(count: number): number {
  return Math.min(100, Math.max(10, Math.ceil(4 * Math.cbrt(count))));
}

/** Histogram bars on the axis: `edges` (bins + 1 increasing positions) and the density per axis unit of each bin. */
export interface AxisHistogram {
  edges: Float64Array;
  density: Float64Array;
}

/**
 * The exact eigenvalues binned in axis units over [lo, hi] (default: their
 * own range on the axis) with `bins` equal bins; bin b holds
 * count_b / (n · width_b), so the bars' area is the fraction of eigenvalues
 * inside, as for the curves. Null when there are no finite eigenvalues.
 */
export function histogramOnAxis(eigenvalues: Float64Array, axis: SpectrumAxis, bins = histogramBinCount(eigenvalues.length), range?: [number, number]): AxisHistogram | null {
  const positions = Float64Array.from(eigenvalues.filter(Number.isFinite), (lambda) => toAxis(lambda, axis));
  if (positions.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const u of positions) {
    lo = Math.min(lo, u);
    hi = Math.max(hi, u);
  }
  if (range) [lo, hi] = range;
  if (!(hi > lo)) {
    // Every eigenvalue equal: one bin of unit width around it.
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b < bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  // Exactly hi (lo + (hi − lo) may round below it), so the largest eigenvalue falls in the last bin.
  edges[bins] = hi;
  // n is the number of finite eigenvalues.
  return { edges, density: spectrumHistogram(positions, edges) };
}

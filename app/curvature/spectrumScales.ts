/**
 * Scales, ticks and SVG paths of the spectrum chart: data to SVG user units
 * on a frame the size of the chart's container (one user unit per CSS
 * pixel, so text keeps its size however narrow the column).
 */
import { niceTicks } from '../scene/niceTicks';
import { formatSignificant } from '../ui/format';
import { fromAxis, toAxis, type AxisCurve, type AxisHistogram, type SpectrumAxis } from './spectrumAxis';

/** The chart frame in SVG user units: total size and the plot area inside the margins. */
export interface PlotFrame {
  width: number;
  height: number;
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
}

/** Margins of the spectrum's plot: room for the tick labels and the axis name left, the tick labels and the axis name below. */
const SPECTRUM_MARGINS = { left: 66, right: 18, top: 14, bottom: 50 } as const;

/** Narrowest and widest frame of the spectrum chart, and its height as a share of its width between the two limits. */
const SPECTRUM_SIZE = { minWidth: 200, minHeight: 190, maxHeight: 320, heightPerWidth: 0.6 } as const;

/**
 * The spectrum chart's frame for a container `width` CSS pixels wide: that
 * width (at least 200), a height of 0.6 · width within [190, 320], and the
 * plot inside fixed margins. 720 wide gives 720 × 320 with a 636 × 256 plot.
 */
export function spectrumFrame(width: number): PlotFrame {
  const { minWidth, minHeight, maxHeight, heightPerWidth } = SPECTRUM_SIZE;
  const frameWidth = Math.max(minWidth, Number.isFinite(width) ? Math.floor(width) : minWidth);
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, heightPerWidth * frameWidth)));
  const { left, right, top, bottom } = SPECTRUM_MARGINS;
  return { width: frameWidth, height, left, top, plotWidth: frameWidth - left - right, plotHeight: height - top - bottom };
}

/** Decades of density a log-y axis shows below the highest value. */
export const LOG_DENSITY_DECADES = 4;

/** A map from a data interval to a pixel interval, optionally through log₁₀. */
export interface Scale {
  domain: [number, number];
  range: [number, number];
  log: boolean;
}

/** Pixel of v: range₀ + (f(v) − f(d₀))/(f(d₁) − f(d₀))·(range₁ − range₀), f = log₁₀ on a log scale, identity otherwise. */
export function scaleValue(scale: Scale, value: number): number {
  const f = scale.log ? Math.log10 : (v: number) => v;
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  return r0 + ((f(value) - f(d0)) / (f(d1) - f(d0))) * (r1 - r0);
}

/** The x interval every curve and bar fits in: the union of their finite positions (and the bars' edges); [−1, 1] when empty. */
export function spectrumXDomain(curves: readonly AxisCurve[], histogram: AxisHistogram | null): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const include = (values: Float64Array) => {
    for (const v of values) {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  };
  for (const curve of curves) include(curve.x);
  if (histogram) include(histogram.edges);
  if (lo > hi) return [-1, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

/** Largest finite density of the curves and bars (0 when none). */
export function largestDensity(curves: readonly AxisCurve[], histogram: AxisHistogram | null): number {
  let largest = 0;
  for (const values of [...curves.map((c) => c.density), ...(histogram ? [histogram.density] : [])]) {
    for (const v of values) if (Number.isFinite(v) && v > largest) largest = v;
  }
  return largest;
}

/**
 * The density interval: [0, 1.05·max] on a linear axis; on a log axis
 * [max·10^−{@link LOG_DENSITY_DECADES}, 2·max] (no density at all: [0, 1] or [1e-4, 1]).
 */
export function densityDomain(largest: number, log: boolean): [number, number] {
  const top = largest > 0 ? largest : 1;
  return log ? [top * 10 ** -LOG_DENSITY_DECADES, 2 * top] : [0, 1.05 * top];
}

/**
 * An SVG path "M x y L x y …" through the points (xs_i, ys_i); a non-finite
 * point breaks the line (the next point starts a new "M"). On a log y scale
 * densities below the domain are drawn at its floor, so a curve that falls to
 * zero runs along the bottom edge instead of vanishing.
 */
export function svgPath(xs: Float64Array, ys: Float64Array, xScale: Scale, yScale: Scale): string {
  const parts: string[] = [];
  let drawing = false;
  const floor = yScale.domain[0];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const y = yScale.log ? Math.max(ys[i], floor) : ys[i];
    if (!Number.isFinite(xs[i]) || !Number.isFinite(y)) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${scaleValue(xScale, xs[i]).toFixed(1)} ${scaleValue(yScale, y).toFixed(1)}`);
    drawing = true;
  }
  return parts.join('');
}

/** An axis tick: its position in axis units and its label. */
export interface Tick {
  position: number;
  label: string;
}

/** Nice linear ticks (multiples of 1, 2 or 5 × 10^k) over [lo, hi], labelled with 3 significant digits. */
export function linearTicks(lo: number, hi: number, target = 6): Tick[] {
  return niceTicks(lo, hi, target).map((position) => ({ position, label: formatSignificant(position, 3) }));
}

/** Powers of ten within [lo, hi] (lo > 0), for a log axis. */
export function decadeTicks(lo: number, hi: number): Tick[] {
  const ticks: Tick[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) {
    ticks.push({ position: 10 ** k, label: formatSignificant(10 ** k, 1) });
  }
  return ticks;
}

/**
 * Ticks of a symlog axis over axis positions [lo, hi], labelled in
 * eigenvalues: λ = 0 and λ = ±10^k placed at symlog(λ), walking outward from
 * 0 and keeping a tick only when it lies at least `minSpacing` axis units
 * beyond the previous one (near 0, where decades crowd together below the
 * linear scale c, most are skipped).
 */
export function symlogTicks(lo: number, hi: number, axis: SpectrumAxis, minSpacing = (hi - lo) / 10): Tick[] {
  const ticks: Tick[] = [];
  if (lo <= 0 && hi >= 0) ticks.push({ position: 0, label: '0' });
  const largest = Math.max(Math.abs(lo), Math.abs(hi));
  const maxDecade = Math.ceil(Math.log10(Math.max(Number.MIN_VALUE, fromAxis(largest, axis))));
  const minDecade = maxDecade - 30;
  for (const sign of [1, -1]) {
    let previous = 0;
    for (let k = minDecade; k <= maxDecade; k++) {
      const lambda = sign * 10 ** k;
      const position = toAxis(lambda, axis);
      if (position < lo || position > hi) continue;
      if (Math.abs(position - previous) < minSpacing) continue;
      ticks.push({ position, label: formatSignificant(lambda, 1) });
      previous = position;
    }
  }
  return ticks.sort((a, b) => a.position - b.position);
}

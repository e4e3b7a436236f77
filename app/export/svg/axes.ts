/**
 * The frame of a 2-D figure: a plot rectangle, linear or log₁₀ scales from
 * data to SVG units, nice ticks (1, 2, 5 × 10^k, app/scene/niceTicks.ts;
 * decades on a log axis) with labels that read apart (app/ui/format.ts),
 * light grid lines, axis names, and a legend.
 */
import { scaleValue, type Scale } from '../../curvature/spectrumScales';
import { niceTicks } from '../../scene/niceTicks';
import { tickLabels } from '../../ui/format';
import { escapeXml, polylinePath, svgNumber, tag, textTag } from './svgText';

/** The plot rectangle in SVG units. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An axis tick: where it sits in data units and its label. */
export interface AxisTick {
  value: number;
  label: string;
}

/** Nice ticks over [lo, hi] (about `target`), or on a log axis (lo > 0) the powers of ten inside it (with 2 and 5 × 10^k over fewer than three decades). */
export function axisTicks(lo: number, hi: number, log: boolean, target = 6): AxisTick[] {
  let values: number[];
  if (log) {
    values = [];
    const first = Math.floor(Math.log10(lo));
    const last = Math.ceil(Math.log10(hi));
    // Fewer than three decades: 1, 2 and 5 of each, so the axis has enough labels.
    const mantissas = Math.log10(hi / lo) < 3 ? [1, 2, 5] : [1];
    const stride = Math.max(1, Math.ceil((last - first + 1) / target));
    for (let k = first; k <= last; k += stride) {
      for (const m of mantissas) {
        const value = Number((m * 10 ** k).toPrecision(15));
        if (value >= lo * (1 - 1e-12) && value <= hi * (1 + 1e-12)) values.push(value);
      }
    }
  } else {
    values = niceTicks(lo, hi, target);
  }
  const labels = tickLabels(values);
  return values.map((value, k) => ({ value, label: labels[k] }));
}

/** The scale from [lo, hi] (widened when empty or degenerate) to the pixel range [from, to]. */
export function scaleOf(lo: number, hi: number, from: number, to: number, log = false): Scale {
  let d0 = lo;
  let d1 = hi;
  if (!(Number.isFinite(d0) && Number.isFinite(d1))) [d0, d1] = log ? [0.1, 1] : [0, 1];
  if (d0 === d1) [d0, d1] = log ? [d0 / 2, d1 * 2] : [d0 - 0.5, d1 + 0.5];
  return { domain: [d0, d1], range: [from, to], log };
}

/** The pixel of `value` on `scale`. */
export const at = scaleValue;

/** The axes of `box`: frame, grid lines and ticks at `xTicks` / `yTicks`, and the axis names. */
export function axesSvg(box: PlotBox, x: Scale, y: Scale, xTicks: readonly AxisTick[], yTicks: readonly AxisTick[], xName: string, yName: string, grid = true): string {
  const parts: string[] = [];
  const bottom = box.top + box.height;
  const right = box.left + box.width;
  for (const tick of xTicks) {
    const px = at(x, tick.value);
    if (grid) parts.push(tag('line', { x1: px, y1: box.top, x2: px, y2: bottom, stroke: '#e3e3e3', 'stroke-width': 1 }));
    parts.push(tag('line', { x1: px, y1: bottom, x2: px, y2: bottom + 5, stroke: '#333333' }));
    parts.push(textTag(px, bottom + 18, tick.label, { 'text-anchor': 'middle', fill: '#333333' }));
  }
  for (const tick of yTicks) {
    const py = at(y, tick.value);
    if (grid) parts.push(tag('line', { x1: box.left, y1: py, x2: right, y2: py, stroke: '#e3e3e3', 'stroke-width': 1 }));
    parts.push(tag('line', { x1: box.left - 5, y1: py, x2: box.left, y2: py, stroke: '#333333' }));
    parts.push(textTag(box.left - 8, py + 4, tick.label, { 'text-anchor': 'end', fill: '#333333' }));
  }
  parts.push(tag('rect', { x: box.left, y: box.top, width: box.width, height: box.height, fill: 'none', stroke: '#333333', 'stroke-width': 1 }));
  parts.push(textTag(box.left + box.width / 2, bottom + 38, xName, { 'text-anchor': 'middle', 'font-size': 13, fill: '#111111' }));
  const yMid = box.top + box.height / 2;
  parts.push(textTag(box.left - 52, yMid, yName, { 'text-anchor': 'middle', 'font-size': 13, fill: '#111111', transform: `rotate(-90 ${svgNumber(box.left - 52)} ${svgNumber(yMid)})` }));
  return tag('g', { class: 'axes' }, parts.join(''));
}

/** The ticks of `scale`'s domain (see {@link axisTicks}) that lie inside it. */
export function ticksOf(scale: Scale, target = 6): AxisTick[] {
  const [lo, hi] = scale.domain;
  return axisTicks(Math.min(lo, hi), Math.max(lo, hi), scale.log, target);
}

/** How a legend entry is drawn: a line (solid or dashed) or a symbol. */
export type LegendSwatch = { kind: 'line'; color: string; dash?: string } | { kind: 'symbol'; svg: (cx: number, cy: number) => string };

/** One legend entry. */
export interface LegendItem {
  label: string;
  swatch: LegendSwatch;
}

/** A legend of `items`, one a row from (x, y) down, 18 units apart. */
export function legendSvg(items: readonly LegendItem[], x: number, y: number): string {
  const rows = items.map((item, k) => {
    const cy = y + 18 * k;
    const swatch =
      item.swatch.kind === 'line'
        ? tag('path', { d: polylinePath([[x, cy], [x + 22, cy]]), stroke: item.swatch.color, 'stroke-width': 2.5, 'stroke-dasharray': item.swatch.dash, fill: 'none' })
        : item.swatch.svg(x + 11, cy);
    return swatch + textTag(x + 30, cy + 4, item.label, { fill: '#111111' });
  });
  return tag('g', { class: 'legend' }, rows.join(''));
}

/** A clip path named `id` around `box`. */
export function clipPathSvg(id: string, box: PlotBox): string {
  return tag('clipPath', { id }, tag('rect', { x: box.left, y: box.top, width: box.width, height: box.height }));
}

/** A caption line (a note under the title), or nothing. */
export function noteSvg(x: number, y: number, note: string | null): string {
  return note === null ? '' : tag('text', { x, y, 'text-anchor': 'middle', fill: '#555555', 'font-size': 11 }, escapeXml(note));
}

/**
 * The curvature report's spectrum as an SVG figure: for each matrix the
 * smoothed stochastic-Lanczos density over λ, the histogram of every
 * eigenvalue when the exact spectrum was computed, the semicircle and
 * Marchenko–Pastur references with the same mean and variance (dashed and
 * dotted), and the Lanczos extremes as ticks along the bottom.
 */
import { histogramOnAxis } from '../../curvature/spectrumAxis';
import type { ResultsDocument, Value } from '../results';
import { at, axesSvg, clipPathSvg, legendSvg, noteSvg, scaleOf, ticksOf, type LegendItem, type PlotBox } from './axes';
import { polylinePath, svgDocument, tag } from './svgText';

const WIDTH = 760;
const HEIGHT = 440;
const BOX: PlotBox = { left: 80, top: 48, width: 440, height: 320 };
/** Colours of the matrices: the Hessian blue, the Gauss-Newton matrix orange. */
const MATRIX_COLORS = { hessian: '#1f77b4', gaussNewton: '#ff7f0e' } as const;
const MATRIX_NAMES = { hessian: 'Hessian H', gaussNewton: 'Gauss-Newton G' } as const;

/** The largest finite entry of the lists (0 when none). */
function largest(lists: readonly (readonly Value[] | ArrayLike<number> | null)[]): number {
  let most = 0;
  for (const list of lists) {
    if (list === null) continue;
    for (let k = 0; k < list.length; k++) {
      const value = list[k];
      if (value !== null && Number.isFinite(value) && value > most) most = value;
    }
  }
  return most;
}

/** The spectrum figure of the results' curvature report, or null without one. */
export function spectrumFigure(results: ResultsDocument): string | null {
  const curvature = results.curvature;
  if (curvature === null) return null;
  const histograms = curvature.matrices.map((matrix) => (matrix.exact === null ? null : histogramOnAxis(Float64Array.from(matrix.exact), { kind: 'linear', scale: 1 })));
  let lo = Infinity;
  let hi = -Infinity;
  curvature.matrices.forEach((matrix, k) => {
    for (const value of [...matrix.density.grid, ...(histograms[k] ? Array.from(histograms[k]!.edges) : [])]) {
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
  });
  const top = largest([...curvature.matrices.flatMap((m) => [m.density.density, m.density.semicircle, m.density.marchenkoPastur]), ...histograms.map((h) => h?.density ?? null)]);
  const x = scaleOf(lo, hi, BOX.left, BOX.left + BOX.width);
  const y = scaleOf(0, 1.05 * (top > 0 ? top : 1), BOX.top + BOX.height, BOX.top);
  const bottom = BOX.top + BOX.height;
  const parts: string[] = [];
  const legend: LegendItem[] = [];
  curvature.matrices.forEach((matrix, k) => {
    const color = MATRIX_COLORS[matrix.matrix];
    const name = MATRIX_NAMES[matrix.matrix];
    const histogram = histograms[k];
    if (histogram) {
      for (let b = 0; b < histogram.density.length; b++) {
        const x0 = at(x, histogram.edges[b]);
        const x1 = at(x, histogram.edges[b + 1]);
        const y1 = at(y, histogram.density[b]);
        parts.push(tag('rect', { x: x0, y: y1, width: Math.max(0, x1 - x0), height: Math.max(0, bottom - y1), fill: color, 'fill-opacity': 0.22, stroke: 'none', class: 'histogram-bar' }));
      }
      legend.push({ label: `${name}: exact eigenvalues (${matrix.exact!.length})`, swatch: { kind: 'symbol', svg: (cx, cy) => tag('rect', { x: cx - 9, y: cy - 5, width: 18, height: 10, fill: color, 'fill-opacity': 0.22 }) } });
    }
    const curve = (values: readonly Value[]) => polylinePath(matrix.density.grid.map((lambda, i): [number, number] => (values[i] === null ? [NaN, NaN] : [at(x, lambda), at(y, values[i]!)])));
    parts.push(tag('path', { d: curve(matrix.density.density), stroke: color, 'stroke-width': 2, fill: 'none', class: 'density' }));
    legend.push({ label: `${name}: SLQ density`, swatch: { kind: 'line', color } });
    if (matrix.density.semicircle) {
      parts.push(tag('path', { d: curve(matrix.density.semicircle), stroke: color, 'stroke-width': 1.2, 'stroke-dasharray': '6 4', fill: 'none' }));
      legend.push({ label: `${name}: semicircle`, swatch: { kind: 'line', color, dash: '6 4' } });
    }
    if (matrix.density.marchenkoPastur) {
      parts.push(tag('path', { d: curve(matrix.density.marchenkoPastur), stroke: color, 'stroke-width': 1.2, 'stroke-dasharray': '2 3', fill: 'none' }));
      legend.push({ label: `${name}: Marchenko–Pastur`, swatch: { kind: 'line', color, dash: '2 3' } });
    }
    for (const lambda of [...matrix.largest, ...matrix.smallest]) {
      const px = at(x, lambda);
      parts.push(tag('line', { x1: px, y1: bottom, x2: px, y2: bottom - 10, stroke: color, 'stroke-width': 1.5, class: 'extreme' }));
    }
  });
  legend.push({ label: 'Lanczos extremes', swatch: { kind: 'symbol', svg: (cx, cy) => tag('line', { x1: cx, y1: cy + 6, x2: cx, y2: cy - 6, stroke: '#333333', 'stroke-width': 1.5 }) } });
  const first = curvature.matrices[0];
  const note = first ? `λmax ${first.readouts.lambdaMax.toPrecision(4)}, λmin ${first.readouts.lambdaMin.toPrecision(4)}, trace ${first.readouts.trace.toPrecision(4)} (${first.readouts.source}) · P = ${curvature.size}` : null;
  const body = [
    tag('defs', {}, clipPathSvg('plot-area', BOX)),
    axesSvg(BOX, x, y, ticksOf(x), ticksOf(y), 'eigenvalue λ', 'density'),
    tag('g', { class: 'spectrum', 'clip-path': 'url(#plot-area)' }, parts.join('')),
    legendSvg(legend, BOX.left + BOX.width + 28, BOX.top + 10),
    noteSvg(WIDTH / 2, 40, note),
  ].join('\n');
  return svgDocument({ width: WIDTH, height: HEIGHT, title: `Curvature spectrum at ${curvature.label}, latest parameters`, description: `Spectral density of ${curvature.matrices.map((m) => MATRIX_NAMES[m.matrix]).join(' and ')}; link ${results.link}` }, body);
}

/**
 * The contour map as an SVG figure: iso-lines of the surface (the analytic
 * function on its window, or a network's plane slice) coloured by their
 * level, the runs' paths (each optimizer's walk, or each training run
 * projected onto the plane) with a ring at the start and a dot at the end
 * (a red cross where a run diverged), the marked points, axes with nice
 * ticks, a colour bar and a legend.
 *
 * The levels are those of the page's contour view: evenly spaced on the
 * height scale (`createHeightMapping`, log when the experiment's view is),
 * traced by marching squares on the scaled field.
 */
import { colormapCss } from '../../scene/colormap';
import { fitPlotRect, planeToPixel } from '../../scene/contourLayout';
import { scaledField } from '../../scene/fieldImage';
import { createHeightMapping, legibleTicks, scaleTicks, type HeightMapping } from '../../scene/heightScale';
import { evenLevels, isoSegments } from '../../scene/marchingSquares';
import { DIVERGED_COLOR, MARKER_COLORS, MARKER_NAMES } from '../../scene/markerStyle';
import type { ColormapName, PlaneWindow } from '../../scene/types';
import type { MarkerKind } from '../../../workers/engine/spec/vocabulary';
import { ISO_LINE_COUNT } from '../../scene/contourLayout';
import type { ResultsDocument, SurfaceResults } from '../results';
import { axesSvg, clipPathSvg, legendSvg, noteSvg, scaleOf, ticksOf, type LegendItem, type PlotBox } from './axes';
import { polylinePath, svgDocument, svgNumber, tag, textTag } from './svgText';


const WIDTH = 820;
const HEIGHT = 600;
/** Room left for the y ticks and name, right for the colour bar and legend, above for the title. */
const MARGINS = { left: 72, right: 296, top: 48, bottom: 60 };
const COLORMAP: ColormapName = 'viridis';

/** A run's path in plane coordinates, with how it ended. */
interface PathLine {
  label: string;
  color: string;
  points: [number, number][];
  diverged: boolean;
}

/** The symbol of a marker kind at (cx, cy): minimum ◆, saddle ■, maximum ▲, start ●, outlined dark. */
export function markerSymbol(kind: MarkerKind, cx: number, cy: number, r = 6): string {
  const style = { fill: MARKER_COLORS[kind], stroke: '#222222', 'stroke-width': 1.3 };
  switch (kind) {
    case 'minimum':
      return tag('path', { d: `M${svgNumber(cx)} ${svgNumber(cy - r)}L${svgNumber(cx + r)} ${svgNumber(cy)}L${svgNumber(cx)} ${svgNumber(cy + r)}L${svgNumber(cx - r)} ${svgNumber(cy)}Z`, ...style });
    case 'saddle':
      return tag('rect', { x: cx - 0.7 * r, y: cy - 0.7 * r, width: 1.4 * r, height: 1.4 * r, ...style });
    case 'maximum':
      return tag('path', { d: `M${svgNumber(cx)} ${svgNumber(cy - r)}L${svgNumber(cx + r)} ${svgNumber(cy + 0.8 * r)}L${svgNumber(cx - r)} ${svgNumber(cy + 0.8 * r)}Z`, ...style });
    case 'start':
      return tag('circle', { cx, cy, r: 0.75 * r, ...style });
  }
}

/** The paths of the runs on the surface's plane: analytic walks, or training runs projected onto a slice. */
function pathLines(results: ResultsDocument): PathLine[] {
  return results.runs.flatMap((run): PathLine[] => {
    if (run.kind === 'analytic') return [{ label: run.label, color: run.color, points: run.path, diverged: run.divergedAt !== null }];
    const projection = run.projection;
    if (projection === null) return [];
    const points = projection.alpha.map((alpha, k): [number, number] => [alpha ?? NaN, projection.beta[k] ?? NaN]);
    return [{ label: run.label, color: run.color, points, diverged: run.divergedAt !== null }];
  });
}

/** Iso-lines of `surface` on the mapping's scale, one path element per level, in plot pixels. */
function isoLinesSvg(surface: SurfaceResults, mapping: HeightMapping, box: PlotBox): string {
  const values = Float64Array.from(surface.values, (value) => value ?? NaN);
  const scaled = scaledField(values, mapping);
  const toX = box.width / Math.max(1, surface.nx - 1);
  const toY = box.height / Math.max(1, surface.ny - 1);
  const bottom = box.top + box.height;
  return evenLevels(0, 1, ISO_LINE_COUNT)
    .map((unit) => {
      const segments = isoSegments(scaled, surface.nx, surface.ny, unit);
      if (segments.length === 0) return '';
      const parts: string[] = [];
      for (let k = 0; k < segments.length; k += 4) {
        // Grid row j grows upward; SVG y grows downward.
        parts.push(
          `M${svgNumber(box.left + segments[k] * toX)} ${svgNumber(bottom - segments[k + 1] * toY)}L${svgNumber(box.left + segments[k + 2] * toX)} ${svgNumber(bottom - segments[k + 3] * toY)}`,
        );
      }
      return tag('path', { d: parts.join(''), stroke: colormapCss(COLORMAP, unit), 'stroke-width': 1.2, fill: 'none', 'data-level': unit });
    })
    .join('');
}

/** A vertical colour bar at (x, top) of `height`, with the scale's ticks in value units. */
function colourBarSvg(mapping: HeightMapping, x: number, top: number, height: number, name: string): string {
  const stops = Array.from({ length: 11 }, (_, k) => tag('stop', { offset: `${k * 10}%`, 'stop-color': colormapCss(COLORMAP, 1 - k / 10) })).join('');
  const gradient = tag('defs', {}, tag('linearGradient', { id: 'colour-bar', x1: 0, y1: 0, x2: 0, y2: 1 }, stops));
  const width = 14;
  const ticks = legibleTicks(scaleTicks(mapping), 16 / height).map((tick) => {
    const py = top + height - tick.unit * height;
    return tag('line', { x1: x + width, y1: py, x2: x + width + 4, y2: py, stroke: '#333333' }) + textTag(x + width + 7, py + 4, tick.label, { fill: '#333333', 'font-size': 11 });
  });
  const levels = evenLevels(0, 1, ISO_LINE_COUNT).map((unit) => {
    const py = top + height - unit * height;
    return tag('line', { x1: x, y1: py, x2: x + width, y2: py, stroke: '#ffffff', 'stroke-width': 0.6 });
  });
  return tag(
    'g',
    { class: 'colour-bar' },
    gradient +
      tag('rect', { x, y: top, width, height, fill: 'url(#colour-bar)', stroke: '#333333', 'stroke-width': 0.8 }) +
      levels.join('') +
      ticks.join('') +
      textTag(x, top - 8, name, { fill: '#111111', 'font-size': 12 }),
  );
}

/** Each path as a polyline with a dark halo (light run colours read on white too), a ring at its start, and a dot (or a red cross) at its end, clipped to the plot. */
function pathsSvg(lines: readonly PathLine[], window: PlaneWindow, box: PlotBox): string {
  const drawn = lines.map((line) => {
    const pixels = line.points.map(([x, y]) => (Number.isFinite(x) && Number.isFinite(y) ? planeToPixel(box, window, x, y) : ([NaN, NaN] as [number, number])));
    const finite = pixels.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py));
    if (finite.length === 0) return '';
    const d = polylinePath(pixels);
    const [sx, sy] = finite[0];
    const [ex, ey] = finite[finite.length - 1];
    const end = line.diverged
      ? tag('path', { d: `M${svgNumber(ex - 6)} ${svgNumber(ey - 6)}L${svgNumber(ex + 6)} ${svgNumber(ey + 6)}M${svgNumber(ex + 6)} ${svgNumber(ey - 6)}L${svgNumber(ex - 6)} ${svgNumber(ey + 6)}`, stroke: DIVERGED_COLOR, 'stroke-width': 3 })
      : tag('circle', { cx: ex, cy: ey, r: 4.5, fill: line.color, stroke: '#ffffff', 'stroke-width': 1.5 });
    return (
      tag('path', { d, stroke: '#222222', 'stroke-opacity': 0.75, 'stroke-width': 4, fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }) +
      tag('path', { d, stroke: line.color, 'stroke-width': 2, fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round', class: 'run-path' }) +
      tag('circle', { cx: sx, cy: sy, r: 5, fill: 'none', stroke: line.color, 'stroke-width': 2 }) +
      end
    );
  });
  return tag('g', { class: 'paths', 'clip-path': 'url(#plot-area)' }, drawn.join(''));
}

/** The figure's title: the function and its formula, or what the slice is. */
function titleOf(results: ResultsDocument, surface: SurfaceResults): string {
  if (surface.of === 'function') return `Contours of f(x, y) with ${results.runs.length} optimizer path(s)`;
  const settings = results.network?.slice?.settings;
  return `Slice of the ${surface.quantity} (${surface.split} set), ${settings?.directions ?? ''} directions`;
}

/**
 * The contour map of the results' surface (see the module comment), or
 * null when there is none (a 1-D slice). The same results give the same text.
 */
export function contourFigure(results: ResultsDocument): string | null {
  const surface = results.surface;
  if (surface === null) return null;
  const window: PlaneWindow = {
    xMin: surface.x.values[0],
    xMax: surface.x.values[surface.nx - 1],
    yMin: surface.y.values[0],
    yMax: surface.y.values[surface.ny - 1],
  };
  const values = surface.values.map((value) => value ?? NaN);
  const mapping = createHeightMapping(values, { log: results.experiment.view.logScale });
  const rect = fitPlotRect(window, WIDTH, HEIGHT, MARGINS);
  const box: PlotBox = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  const x = scaleOf(window.xMin, window.xMax, box.left, box.left + box.width);
  const y = scaleOf(window.yMin, window.yMax, box.top + box.height, box.top);
  const lines = pathLines(results);
  const markers = results.markers.filter((m) => m.x >= window.xMin && m.x <= window.xMax && m.y >= window.yMin && m.y <= window.yMax);
  const kinds = (['minimum', 'saddle', 'maximum', 'start'] as const).filter((kind) => markers.some((m) => m.kind === kind));
  const legend: LegendItem[] = [
    ...lines.map((line): LegendItem => ({ label: line.label, swatch: { kind: 'line', color: line.color } })),
    ...kinds.map((kind): LegendItem => ({ label: MARKER_NAMES[kind], swatch: { kind: 'symbol', svg: (cx, cy) => markerSymbol(kind, cx, cy) } })),
  ];
  const right = box.left + box.width;
  const barTop = box.top + 18;
  const barHeight = Math.min(220, box.height - 18);
  const legendTop = barTop + barHeight + 36;
  const scaleName = `${surface.quantity}${mapping.log ? ' (log scale)' : ''}`;
  const body = [
    tag('defs', {}, clipPathSvg('plot-area', box)),
    axesSvg(box, x, y, ticksOf(x), ticksOf(y), surface.x.name, surface.y.name, false),
    tag('g', { class: 'iso-lines', 'clip-path': 'url(#plot-area)' }, isoLinesSvg(surface, mapping, box)),
    pathsSvg(lines, window, box),
    tag('g', { class: 'markers' }, markers.map((m) => markerSymbol(m.kind, ...planeToPixel(box, window, m.x, m.y))).join('')),
    colourBarSvg(mapping, right + 28, barTop, barHeight, scaleName),
    legendSvg(legend, right + 28, legendTop),
    noteSvg(WIDTH / 2, 40, `${ISO_LINE_COUNT} iso-lines evenly spaced on the ${mapping.log ? 'log' : 'linear'} scale · ${results.backend}${results.engine ? `, ${results.engine} engine` : ''}`),
  ].join('\n');
  return svgDocument({ width: WIDTH, height: HEIGHT, title: titleOf(results, surface), description: `Contour map: ${surface.nx}×${surface.ny} grid of ${surface.quantity}; link ${results.link}` }, body);
}

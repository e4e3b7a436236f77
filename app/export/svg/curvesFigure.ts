/**
 * Line charts of the results as SVG figures: the loss of every run against
 * the step (f for an analytic function; for a network the training loss of
 * the full-data evaluations, solid, and the test loss, dashed), and a 1-D
 * slice (the loss along α on both splits, with its named points). A log
 * axis is used when every value fits one (`chooseYAxis`, as the page's
 * charts choose), otherwise a linear one with a note saying why.
 */
import { chooseYAxis, emptyExtent, includeValue } from '../../plots/axisScale';
import type { ResultsDocument, Value } from '../results';
import { at, axesSvg, clipPathSvg, legendSvg, noteSvg, scaleOf, ticksOf, type LegendItem, type PlotBox } from './axes';
import { polylinePath, svgDocument, tag, textTag } from './svgText';

const WIDTH = 760;
const HEIGHT = 440;
const BOX: PlotBox = { left: 80, top: 48, width: 440, height: 320 };
const LEGEND_X = BOX.left + BOX.width + 28;

/** One drawn series. */
export interface CurveSeries {
  label: string;
  color: string;
  dash?: string;
  xs: readonly number[];
  ys: readonly Value[];
}

/** A chart of `series` with axes named `xName`, `yName`; log y when wanted and possible. */
export function lineChart(head: { title: string; description: string }, series: readonly CurveSeries[], xName: string, yName: string, wantLog: boolean, extra: (x: (v: number) => number, y: (v: number) => number) => string = () => ''): string {
  const xExtent = emptyExtent();
  const yExtent = emptyExtent();
  for (const s of series) {
    s.xs.forEach((value) => includeValue(xExtent, value));
    s.ys.forEach((value) => value !== null && includeValue(yExtent, value));
  }
  const axis = chooseYAxis(wantLog, yExtent);
  const yLo = axis.log ? yExtent.min / 1.5 : yExtent.min - 0.04 * (yExtent.max - yExtent.min);
  const yHi = axis.log ? yExtent.max * 1.5 : yExtent.max + 0.04 * (yExtent.max - yExtent.min);
  const x = scaleOf(xExtent.min, xExtent.max, BOX.left, BOX.left + BOX.width);
  const y = scaleOf(yLo, yHi, BOX.top + BOX.height, BOX.top, axis.log);
  const lines = series.map((s) => {
    const points = s.xs.map((value, k): [number, number] => {
      const v = s.ys[k];
      return v === null || (axis.log && v <= 0) ? [NaN, NaN] : [at(x, value), at(y, v)];
    });
    return tag('path', { d: polylinePath(points), stroke: s.color, 'stroke-width': 1.8, 'stroke-dasharray': s.dash, fill: 'none', 'stroke-linejoin': 'round', class: 'curve' });
  });
  const legend: LegendItem[] = series.map((s) => ({ label: s.label, swatch: { kind: 'line', color: s.color, dash: s.dash } }));
  const body = [
    tag('defs', {}, clipPathSvg('plot-area', BOX)),
    axesSvg(BOX, x, y, ticksOf(x), ticksOf(y), xName, axis.log ? `${yName} (log scale)` : yName),
    tag('g', { class: 'curves', 'clip-path': 'url(#plot-area)' }, lines.join('') + extra((v) => at(x, v), (v) => at(y, v))),
    legendSvg(legend, LEGEND_X, BOX.top + 10),
    noteSvg(WIDTH / 2, 40, axis.note),
  ].join('\n');
  return svgDocument({ width: WIDTH, height: HEIGHT, ...head }, body);
}

/** The loss of every run against the step (see the module comment). */
export function lossCurvesFigure(results: ResultsDocument): string {
  const series: CurveSeries[] = results.runs.flatMap((run): CurveSeries[] => {
    if (run.kind === 'analytic') return [{ label: run.label, color: run.color, xs: run.losses.map((_, t) => t), ys: run.losses }];
    const e = run.evaluations;
    const train: CurveSeries = { label: `${run.label}: train`, color: run.color, xs: e.steps, ys: e.trainLoss };
    const hasTest = e.testLoss.some((value) => value !== null);
    return hasTest ? [train, { label: `${run.label}: test`, color: run.color, dash: '6 4', xs: e.steps, ys: e.testLoss }] : [train];
  });
  const analytic = results.experiment.problem.kind === 'analytic';
  return lineChart(
    { title: analytic ? 'f along each optimizer’s path' : 'Loss during training', description: `Loss against the step for ${results.runs.length} run(s); link ${results.link}` },
    series,
    'step',
    analytic ? 'f(x, y)' : 'loss',
    true,
  );
}

/** The 1-D slice's profiles against α, with its named points as vertical lines; null without a line. */
export function lineSliceFigure(results: ResultsDocument): string | null {
  const line = results.line;
  if (line === null) return null;
  const series: CurveSeries[] = [{ label: 'train loss', color: '#1f77b4', xs: line.alphas, ys: line.trainLoss }];
  if (line.testLoss !== null) series.push({ label: 'test loss', color: '#d62728', dash: '6 4', xs: line.alphas, ys: line.testLoss });
  const marks = (x: (v: number) => number) =>
    line.marks
      .map((mark) => tag('line', { x1: x(mark.alpha), y1: BOX.top, x2: x(mark.alpha), y2: BOX.top + BOX.height, stroke: '#777777', 'stroke-dasharray': '2 3' }) + textTag(x(mark.alpha) + 4, BOX.top + 14, mark.label, { fill: '#444444', 'font-size': 11 }))
      .join('');
  const directions = results.network?.slice?.settings.directions ?? '';
  return lineChart({ title: `Loss along a line (${directions})`, description: `1-D slice of ${line.alphas.length} points; link ${results.link}` }, series, 'α', 'loss', false, marks);
}

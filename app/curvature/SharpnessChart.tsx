/**
 * Sharpness during training, the edge-of-stability picture of Cohen et al.
 * (2021): each run's largest Hessian eigenvalue λmax against step (and its
 * most negative one, λmin, when tracked), the stability thresholds 2/η and
 * 2(1+β)/η as labelled dashed lines, and the training loss, faint, on a
 * second, logarithmic axis.
 */
import { useLayoutEffect, useRef, type ReactElement } from 'react';
import uPlot from 'uplot';
import { chartOptions, lineSeries, stepAxis, valueAxis } from '../plots/chartOptions';
import { MIN_EIGENVALUE_DASH, THRESHOLD_DASH } from '../plots/lineStyles';
import { RunLegend } from '../runs/RunLegend';
import { lengthsSignature, unionOfSteps, valuesAtSteps } from '../plots/seriesData';
import { rangeIncluding, thresholdLines, type ThresholdLine } from './stabilityThresholds';
import type { RunCurves, StepSeries } from '../plots/types';
import { useUplot } from '../plots/useUplot';
import '../plots/plots.css';

/** Opacity of the training-loss lines, which are context, not the subject. */
const LOSS_ALPHA = 0.4;

/** Props of {@link SharpnessChart}. */
export interface SharpnessChartProps {
  runs: readonly RunCurves[];
}

/** The series drawn for each run, in column order. */
interface Column {
  run: RunCurves;
  kind: 'max' | 'min' | 'loss';
  series: StepSeries | null;
}

function columnsOf(runs: readonly RunCurves[]): Column[] {
  return runs.flatMap((run): Column[] => [
    { run, kind: 'max', series: run.sharpness },
    ...(run.minEigenvalue ? [{ run, kind: 'min' as const, series: run.minEigenvalue }] : []),
    { run, kind: 'loss', series: run.trainLoss },
  ]);
}

/** Aligned data: x = every step of any series; the loss columns keep only what their log axis can place. */
function chartData(columns: readonly Column[]): uPlot.AlignedData {
  const steps = unionOfSteps(columns.map((c) => c.series));
  return [steps, ...columns.map((c) => valuesAtSteps(c.series, steps, c.kind === 'loss'))] as unknown as uPlot.AlignedData;
}

/** Draws the threshold lines across the plot with their labels at the right end. */
function paintThresholds(chart: uPlot, lines: readonly ThresholdLine[]): void {
  const ratio = uPlot.pxRatio;
  const { left, top, width, height } = chart.bbox;
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  for (const line of lines) {
    const y = chart.valToPos(line.value, 'y', true);
    if (!(y >= top && y <= top + height)) continue;
    ctx.setLineDash(THRESHOLD_DASH.map((d) => d * ratio));
    ctx.strokeStyle = line.color;
    ctx.lineWidth = 1.5 * ratio;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    // The label on a dark plate, so it reads over grid lines and curves.
    const textWidth = ctx.measureText(line.label).width;
    const x = left + width - 6 * ratio;
    ctx.fillStyle = 'rgba(15, 18, 22, 0.8)';
    ctx.fillRect(x - textWidth - 4 * ratio, y - 17 * ratio, textWidth + 8 * ratio, 15 * ratio);
    ctx.fillStyle = line.color;
    ctx.fillText(line.label, x, y - 3 * ratio);
  }
  ctx.restore();
}

function sharpnessOptions(
  columns: readonly Column[],
  linesRef: { current: readonly ThresholdLine[] },
  width: number,
  height: number,
): uPlot.Options {
  return chartOptions(width, height, {
    scales: {
      // The sharpness axis always shows the thresholds, even before λmax approaches them.
      y: { range: (_chart, min, max) => rangeIncluding(min, max, linesRef.current.map((line) => line.value)) },
      loss: { distr: 3, log: 10 },
    },
    axes: [
      stepAxis(),
      valueAxis({ label: 'Hessian eigenvalue', labelSize: 20 }),
      valueAxis({ scale: 'loss', side: 1, label: 'training loss (log)', labelSize: 20, grid: { show: false } }),
    ],
    series: [
      { label: 'step' },
      ...columns.map(({ run, kind }) =>
        lineSeries({
          label: `${run.label} ${kind === 'max' ? 'λmax' : kind === 'min' ? 'λmin' : 'train loss'}`,
          stroke: run.color,
          width: kind === 'loss' ? 1.5 : 2.25,
          dash: kind === 'min' ? MIN_EIGENVALUE_DASH : undefined,
          alpha: kind === 'loss' ? LOSS_ALPHA : 1,
          scale: kind === 'loss' ? 'loss' : 'y',
        }),
      ),
    ],
    hooks: { drawAxes: [(chart) => paintThresholds(chart, linesRef.current)] },
  });
}

/** λmax (and λmin) against step with the stability thresholds, and the training loss for context. */
export function SharpnessChart({ runs }: SharpnessChartProps): ReactElement {
  const plotRef = useRef<HTMLDivElement>(null);
  const lines = thresholdLines(runs);
  const linesRef = useRef<readonly ThresholdLine[]>(lines);
  useLayoutEffect(() => {
    linesRef.current = lines;
  });
  const columns = columnsOf(runs);
  const optionsKey = JSON.stringify([columns.map((c) => [c.run.id, c.run.label, c.run.color, c.kind]), lines]);
  const dataKey = runs.map((run) => `${run.id}:${run.version}`).join('|') + lengthsSignature(columns.map((c) => c.series));
  useUplot(plotRef, (w, h) => sharpnessOptions(columns, linesRef, w, h), chartData(columns), optionsKey, dataKey);

  const tracksMin = runs.some((run) => run.minEigenvalue !== null);
  const summary = lines.map((line) => line.label).join('; ');
  return (
    <div className="view-chart sharpness-chart" data-testid="sharpness-chart">
      <div className="chart-head">
        <span>Sharpness λmax per step, with the stability thresholds</span>
      </div>
      <div
        className="chart-plot"
        ref={plotRef}
        role="img"
        aria-label={`Largest Hessian eigenvalue against step for ${runs.length} run(s), with stability thresholds ${summary || 'none'}, and the training loss on a log axis`}
      />
      <RunLegend
        runs={runs}
        lines={[
          { label: 'λmax', width: 2.25 },
          ...(tracksMin ? [{ label: 'λmin', dash: MIN_EIGENVALUE_DASH }] : []),
          { label: 'stability threshold', dash: THRESHOLD_DASH, width: 1.5 },
          { label: 'training loss (right axis)', width: 1.5, color: 'rgba(232, 236, 241, 0.45)' },
        ]}
      />
    </div>
  );
}

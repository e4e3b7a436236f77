/**
 * The loss along a line in parameter space, θ(α) = θ_A + α·d (e.g. the
 * linear interpolation from θ_A at α = 0 to θ_B at α = 1): train (solid)
 * and test (dashed) loss, accuracy on a second axis, vertical marks at the
 * named points. Samples not yet computed are gaps, so the curve fills in
 * as the slice progresses.
 */
import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import uPlot from 'uplot';
import { chooseYAxis, emptyExtent, includeValue, type ValueExtent } from '../plots/axisScale';
import { chartOptions, lineSeries, percentAxis, valueAxis, yScale } from '../plots/chartOptions';
import { formatSignificant } from '../ui/format';
import { ACCURACY_COLOR, LOSS_COLOR, MARK_COLOR, TEST_DASH } from '../plots/lineStyles';
import { LogScaleHead } from '../plots/LogScaleHead';
import { RunLegend } from '../runs/RunLegend';
import { lineSliceData, visibleMarks, type SliceQuantity } from './lineSliceData';
import type { LineSlice } from '../plots/types';
import { useUplot } from '../plots/useUplot';
import '../plots/plots.css';

/** Props of {@link LineSliceChart}. */
export interface LineSliceChartProps {
  slice: LineSlice;
  /** The x axis's name (default "α"). */
  xLabel?: string;
  title?: string;
}

const QUANTITY_LABELS: Record<SliceQuantity, string> = {
  trainLoss: 'train loss',
  testLoss: 'test loss',
  trainAccuracy: 'train accuracy',
  testAccuracy: 'test accuracy',
};

function isAccuracy(quantity: SliceQuantity): boolean {
  return quantity === 'trainAccuracy' || quantity === 'testAccuracy';
}

/** Vertical dashed lines at the marks, labelled at the top of the plot. */
function paintMarks(chart: uPlot, marks: LineSlice['marks']): void {
  const ratio = uPlot.pxRatio;
  const { top, height } = chart.bbox;
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  marks.forEach((mark, index) => {
    const x = chart.valToPos(mark.alpha, 'x', true);
    ctx.strokeStyle = MARK_COLOR;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1.25 * ratio;
    ctx.setLineDash([4 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.globalAlpha = 1;
    // Labels alternate between two rows so neighbouring marks do not overwrite each other.
    const y = top + (4 + (index % 2) * 18) * ratio;
    const textWidth = ctx.measureText(mark.label).width;
    // Right of the line, unless that runs off the plot.
    const textX = x + 5 * ratio + textWidth > chart.bbox.left + chart.bbox.width ? x - 5 * ratio - textWidth : x + 5 * ratio;
    ctx.fillStyle = 'rgba(15, 18, 22, 0.8)';
    ctx.fillRect(textX - 3 * ratio, y - 1 * ratio, textWidth + 6 * ratio, 16 * ratio);
    ctx.fillStyle = MARK_COLOR;
    ctx.fillText(mark.label, textX, y);
  });
  ctx.restore();
}

/** The finite losses of the slice (train and test), to choose the loss axis by. */
function lossExtent(slice: LineSlice): ValueExtent {
  const extent = emptyExtent();
  for (const losses of [slice.trainLoss, slice.testLoss]) losses?.forEach((loss) => includeValue(extent, loss));
  return extent;
}

function sliceOptions(
  quantities: readonly SliceQuantity[],
  logLoss: boolean,
  xLabel: string,
  marksRef: { current: LineSlice['marks'] },
  width: number,
  height: number,
): uPlot.Options {
  const hasAccuracy = quantities.some(isAccuracy);
  return chartOptions(width, height, {
    scales: { y: yScale(logLoss), accuracy: { range: [0, 1] } },
    axes: [
      valueAxis({ side: 2, label: xLabel, labelSize: 20 }),
      valueAxis({ label: logLoss ? 'loss (log)' : 'loss', labelSize: 20 }),
      ...(hasAccuracy ? [percentAxis({ scale: 'accuracy', side: 1, label: 'accuracy', labelSize: 20, grid: { show: false } })] : []),
    ],
    series: [
      { label: xLabel },
      ...quantities.map((quantity) =>
        lineSeries({
          label: QUANTITY_LABELS[quantity],
          stroke: isAccuracy(quantity) ? ACCURACY_COLOR : LOSS_COLOR,
          dash: quantity.startsWith('test') ? TEST_DASH : undefined,
          scale: isAccuracy(quantity) ? 'accuracy' : 'y',
        }),
      ),
    ],
    hooks: { draw: [(chart) => paintMarks(chart, marksRef.current)] },
  });
}

/** Loss (and accuracy) along α with the named points marked. */
export function LineSliceChart({ slice, xLabel = 'α', title = 'Loss along the line' }: LineSliceChartProps): ReactElement {
  const [wantLog, setWantLog] = useState(false);
  const plotRef = useRef<HTMLDivElement>(null);
  const marks = visibleMarks(slice);
  const marksRef = useRef(marks);
  useLayoutEffect(() => {
    marksRef.current = marks;
  });
  // A log axis needs losses it can place; otherwise the axis stays linear and says why.
  const axis = chooseYAxis(wantLog, lossExtent(slice));
  const logLoss = axis.log;
  const { data, quantities } = lineSliceData(slice, logLoss);
  const optionsKey = JSON.stringify([quantities, logLoss, xLabel, slice.alphas.length]);
  const dataKey = `${slice.version}:${slice.done}:${JSON.stringify(marks)}:${logLoss}`;
  useUplot(plotRef, (w, h) => sliceOptions(quantities, logLoss, xLabel, marksRef, w, h), data, optionsKey, dataKey);

  const total = slice.alphas.length;
  const markText = marks.map((mark) => `${mark.label} at ${xLabel} = ${formatSignificant(mark.alpha, 3)}`).join(', ');
  return (
    <div className="view-chart line-slice-chart" data-testid="line-slice-chart" data-done={slice.done}>
      <LogScaleHead title={title} wantLog={wantLog} onWantLog={setWantLog} axis={axis} namesScale={false}>
        {slice.done < total && (
          <span className="muted">
            computed {slice.done} / {total}
          </span>
        )}
      </LogScaleHead>
      <div
        className="chart-plot"
        ref={plotRef}
        role="img"
        aria-label={`${quantities.map((q) => QUANTITY_LABELS[q]).join(', ')} against ${xLabel}${markText ? `; marks: ${markText}` : ''}`}
      />
      <RunLegend
        runs={[]}
        lines={quantities.map((quantity) => ({
          label: QUANTITY_LABELS[quantity] + (isAccuracy(quantity) ? ' (right axis)' : ''),
          color: isAccuracy(quantity) ? ACCURACY_COLOR : LOSS_COLOR,
          dash: quantity.startsWith('test') ? TEST_DASH : undefined,
        }))}
      />
    </div>
  );
}

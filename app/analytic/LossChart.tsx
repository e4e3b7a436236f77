/**
 * Loss versus step, one line per optimizer, drawn by uPlot on a canvas.
 * New steps redraw the existing chart (at most once per frame); the chart is
 * rebuilt only when the set of optimizers or the axis type changes. The y
 * axis is logarithmic when asked for and the losses allow it; otherwise it
 * is linear and the heading says why.
 */
import { useRef, useState, type ReactElement } from 'react';
import { chartOptions, lineSeries, stepAxis, valueAxis, yScale } from '../plots/chartOptions';
import { LogScaleHead } from '../plots/LogScaleHead';
import { useUplot } from '../plots/useUplot';
import { selectPaths } from '../store/selectors';
import { useAppStore } from '../store/store';
import type { PathView } from '../scene/types';
import { lossChartData } from './lossChartData';
import { lastComputedStep, pathsAtStep } from './shownPaths';

/** A signature of what the chart draws from the paths: their growth and versions. */
function pathsSignature(paths: readonly PathView[]): string {
  return paths.map((path) => `${path.id}:${path.version}:${path.length}`).join('|');
}

/** The loss chart of the analytic runs, reading the paths from the store. */
export function LossChart(): ReactElement {
  const allPaths = useAppStore(selectPaths);
  const shownStep = useAppStore((state) => state.shownStep);
  // Up to the scrubber's step.
  const paths = pathsAtStep(allPaths, shownStep);
  const [wantLog, setWantLog] = useState(true);
  const containerRef = useRef<HTMLDivElement>(null);

  const { data, logY, note } = lossChartData(paths, wantLog);
  // The step axis spans every step computed, so that scrubbing back does not rescale it.
  const lastStep = useRef(0);
  lastStep.current = lastComputedStep(allPaths);
  const optionsKey = JSON.stringify([paths.map((p) => [p.id, p.label, p.color]), logY]);
  useUplot(
    containerRef,
    (width, height) =>
      chartOptions(width, height, {
        scales: { x: { time: false, range: (_chart, min, max) => [Math.min(0, min ?? 0), Math.max(1, lastStep.current, max ?? 0)] }, y: yScale(logY) },
        axes: [stepAxis(), valueAxis()],
        series: [{ label: 'step' }, ...paths.map((path) => lineSeries({ label: path.label, stroke: path.color }))],
      }),
    data,
    optionsKey,
    `${pathsSignature(paths)}:${logY}`,
  );

  return (
    <div className="loss-chart" data-testid="loss-chart" data-points={(data[0] as ArrayLike<number>).length} data-log={logY}>
      <LogScaleHead title="Loss per step" wantLog={wantLog} onWantLog={setWantLog} axis={{ log: logY, note }} testId="loss-chart" />
      <div className="chart-body" ref={containerRef} />
    </div>
  );
}

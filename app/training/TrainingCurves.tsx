/**
 * Training curves: train loss (solid) and test loss (dashed) against step,
 * one colour per run, with a log-y toggle; below it a small accuracy chart
 * when any run reports accuracy. Growing series are pushed into the existing
 * charts; a chart is rebuilt only when the runs or the axis type change.
 */
import { useRef, useState, type ReactElement } from 'react';
import type uPlot from 'uplot';
import { chooseYAxis } from '../plots/axisScale';
import { chartOptions, lineSeries, percentAxis, stepAxis, valueAxis, yScale } from '../plots/chartOptions';
import { TEST_DASH } from '../plots/lineStyles';
import { LogScaleHead } from '../plots/LogScaleHead';
import { RunLegend } from '../runs/RunLegend';
import { finiteExtent, joinStepSeries, lengthsSignature } from '../plots/seriesData';
import type { RunCurves, StepSeries } from '../plots/types';
import { useUplot } from '../plots/useUplot';
import '../plots/plots.css';

/** Props of {@link TrainingCurves}. */
export interface TrainingCurvesProps {
  runs: readonly RunCurves[];
}

/** The train (solid) and test (dashed) series of every run, in the run's colour. */
function runSeries(runs: readonly RunCurves[], quantity: string): uPlot.Series[] {
  return runs.flatMap((run) =>
    (['train', 'test'] as const).map((which) =>
      lineSeries({ label: `${run.label} ${which} ${quantity}`, stroke: run.color, dash: which === 'test' ? TEST_DASH : undefined }),
    ),
  );
}

/** Options of the loss chart: x = step, y = loss (log or linear). */
function lossOptions(runs: readonly RunCurves[], logY: boolean, width: number, height: number): uPlot.Options {
  return chartOptions(width, height, {
    scales: { y: yScale(logY) },
    axes: [stepAxis(), valueAxis()],
    series: [{ label: 'step' }, ...runSeries(runs, 'loss')],
  });
}

/** Options of the accuracy chart: x = step, y = accuracy on [0, 1] labelled in percent. */
function accuracyOptions(runs: readonly RunCurves[], width: number, height: number): uPlot.Options {
  return chartOptions(width, height, {
    scales: { y: { range: [0, 1] } },
    axes: [stepAxis(), percentAxis()],
    series: [{ label: 'step' }, ...runSeries(runs, 'accuracy')],
  });
}

/** Loss and accuracy curves of every run. */
export function TrainingCurves({ runs }: TrainingCurvesProps): ReactElement {
  const [wantLog, setWantLog] = useState(true);
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);

  const losses: (StepSeries | null)[] = runs.flatMap((run) => [run.trainLoss, run.testLoss]);
  const accuracies: (StepSeries | null)[] = runs.flatMap((run) => [run.trainAccuracy, run.testAccuracy]);
  const hasAccuracy = accuracies.some((series) => series !== null);
  // A log axis needs losses it can place; otherwise the axis stays linear and says why.
  const axis = chooseYAxis(wantLog, finiteExtent(losses));
  const logY = axis.log;

  const runsKey = JSON.stringify(runs.map((run) => [run.id, run.label, run.color]));
  const dataKey = runs.map((run) => `${run.id}:${run.version}`).join('|') + lengthsSignature(losses) + lengthsSignature(accuracies);
  useUplot(lossRef, (w, h) => lossOptions(runs, logY, w, h), joinStepSeries(losses, logY), `${runsKey}${logY}`, `${dataKey}${logY}`);
  useUplot(
    accuracyRef,
    (w, h) => accuracyOptions(runs, w, h),
    joinStepSeries(accuracies),
    `${runsKey}${hasAccuracy}`,
    dataKey,
  );

  return (
    <div className="view-chart training-curves" data-testid="training-curves">
      <LogScaleHead title="Loss per step" wantLog={wantLog} onWantLog={setWantLog} axis={axis} />
      <div className="chart-plot" ref={lossRef} role="img" aria-label={`Training and test loss against step for ${runs.length} run(s)`} />
      {hasAccuracy && (
        <>
          <div className="chart-head">
            <span>Accuracy per step</span>
          </div>
          <div className="chart-plot small" ref={accuracyRef} role="img" aria-label="Training and test accuracy against step" />
        </>
      )}
      <RunLegend runs={runs} lines={[{ label: 'train' }, { label: 'test', dash: TEST_DASH }]} />
    </div>
  );
}

/**
 * Training curves: train loss (solid) and test loss (dashed) against step,
 * one colour per run, with a log-y toggle; below it a small accuracy chart
 * when any run reports accuracy. Growing series are pushed into the existing
 * charts; a chart is rebuilt only when the runs or the axis type change.
 */
import { useRef, useState, type ReactElement } from 'react';
import type uPlot from 'uplot';
import { formatTick, STEP_INCREMENTS } from '../analytic/lossChartData';
import { TEST_DASH } from '../plots/lineStyles';
import { RunLegend } from '../runs/RunLegend';
import { joinStepSeries, lengthsSignature, smallestFiniteValue } from '../plots/seriesData';
import type { RunCurves, StepSeries } from '../plots/types';
import { AXIS_STYLE, useUplot } from '../plots/useUplot';
import '../plots/plots.css';

/** Props of {@link TrainingCurves}. */
export interface TrainingCurvesProps {
  runs: readonly RunCurves[];
}

/** A series of one run, drawn in the run's colour, solid or dashed. */
function runSeries(run: RunCurves, which: 'train' | 'test', quantity: string): uPlot.Series {
  return {
    label: `${run.label} ${which} ${quantity}`,
    stroke: run.color,
    width: 2,
    dash: which === 'test' ? [...TEST_DASH] : undefined,
    points: { show: false },
    spanGaps: false,
  };
}

/** Options of the loss chart: x = step, y = loss (log or linear). */
function lossOptions(runs: readonly RunCurves[], logY: boolean, width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    scales: { x: { time: false }, y: logY ? { distr: 3, log: 10 } : { distr: 1 } },
    axes: [
      { ...AXIS_STYLE, incrs: STEP_INCREMENTS, size: 30 },
      // A log axis passes null for the ticks it leaves unlabelled.
      { ...AXIS_STYLE, size: 56, values: (_chart, ticks) => ticks.map((tick) => (tick == null ? '' : formatTick(tick))) },
    ],
    series: [{ label: 'step' }, ...runs.flatMap((run) => [runSeries(run, 'train', 'loss'), runSeries(run, 'test', 'loss')])],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
  };
}

/** Options of the accuracy chart: x = step, y = accuracy on [0, 1] labelled in percent. */
function accuracyOptions(runs: readonly RunCurves[], width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    scales: { x: { time: false }, y: { range: [0, 1] } },
    axes: [
      { ...AXIS_STYLE, incrs: STEP_INCREMENTS, size: 30 },
      { ...AXIS_STYLE, size: 56, values: (_chart, ticks) => ticks.map((tick) => `${Math.round(100 * tick)}%`) },
    ],
    series: [{ label: 'step' }, ...runs.flatMap((run) => [runSeries(run, 'train', 'accuracy'), runSeries(run, 'test', 'accuracy')])],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
  };
}

/** Loss and accuracy curves of every run. */
export function TrainingCurves({ runs }: TrainingCurvesProps): ReactElement {
  const [wantLog, setWantLog] = useState(true);
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);

  const losses: (StepSeries | null)[] = runs.flatMap((run) => [run.trainLoss, run.testLoss]);
  const accuracies: (StepSeries | null)[] = runs.flatMap((run) => [run.trainAccuracy, run.testAccuracy]);
  const hasAccuracy = accuracies.some((series) => series !== null);
  const smallestLoss = smallestFiniteValue(losses);
  // A log axis needs positive losses; with a loss ≤ 0 the axis stays linear and says why.
  const logY = wantLog && !(smallestLoss <= 0);

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
      <div className="chart-head">
        <span>Loss per step{logY ? ' (log scale)' : ''}</span>
        <label className="check">
          <input type="checkbox" checked={wantLog} onChange={(event) => setWantLog(event.target.checked)} />
          log y
        </label>
        {wantLog && !logY && <span className="muted">(linear: some losses are ≤ 0)</span>}
      </div>
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

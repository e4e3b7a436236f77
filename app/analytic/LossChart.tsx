/**
 * Loss versus step, one line per optimizer, drawn by uPlot on a canvas.
 * New steps redraw the existing chart (at most once per frame); the chart is
 * rebuilt only when the set of optimizers or the axis type changes.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { selectPaths } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { STEP_INCREMENTS, formatTick, lossChartData } from './lossChartData';

const AXIS_COLOR = '#c9d1d9';
const GRID_COLOR = 'rgba(255, 255, 255, 0.08)';
const FONT = '13px system-ui, sans-serif';

function chartOptions(
  series: { label: string; color: string }[],
  logY: boolean,
  width: number,
  height: number,
): uPlot.Options {
  const axisStyle = {
    stroke: AXIS_COLOR,
    font: FONT,
    grid: { stroke: GRID_COLOR, width: 1 },
    ticks: { stroke: GRID_COLOR, width: 1 },
  };
  return {
    width,
    height,
    scales: { x: { time: false }, y: logY ? { distr: 3, log: 10 } : { distr: 1 } },
    axes: [
      { ...axisStyle, incrs: STEP_INCREMENTS, size: 30 },
      // A log axis passes null for the ticks it leaves unlabelled.
      { ...axisStyle, size: 56, values: (_chart, ticks) => ticks.map((tick) => (tick == null ? '' : formatTick(tick))) },
    ],
    series: [
      { label: 'step' },
      ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: false }, spanGaps: false })),
    ],
    // The optimizers' colours are named in the side panel; the plot keeps all the height.
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
  };
}

export function LossChart(): ReactElement {
  const paths = useAppStore(selectPaths);
  const [wantLog, setWantLog] = useState(true);
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const frameRef = useRef<number | null>(null);

  const { data, logY, minLoss } = lossChartData(paths, wantLog);
  const signature = JSON.stringify([paths.map((p) => [p.id, p.label, p.color]), logY]);

  // Rebuild when the series or the axis type change.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const series = paths.map((p) => ({ label: p.label, color: p.color }));
    const chart = new uPlot(
      chartOptions(series, logY, container.clientWidth, Math.max(100, container.clientHeight)),
      lossChartData(paths, wantLog).data,
      container,
    );
    chartRef.current = chart;
    const observer = new ResizeObserver(() =>
      chart.setSize({ width: container.clientWidth, height: Math.max(100, container.clientHeight) }),
    );
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
    // `paths` is read only for its labels and colours, which the signature captures.
  }, [signature]);

  // New points: redraw once per frame at most.
  useEffect(() => {
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      // The paths as they are when the frame is drawn, which may be newer than this render's.
      chartRef.current?.setData(lossChartData(appStore.getState().paths, wantLog).data);
    });
  });
  useEffect(() => () => {
    if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
  }, []);

  const noLog = wantLog && !logY && Number.isFinite(minLoss);
  return (
    <div className="loss-chart" data-testid="loss-chart" data-points={(data[0] as ArrayLike<number>).length}>
      <div className="chart-head">
        <span>Loss per step{logY ? ' (log scale)' : ''}</span>
        <label className="check">
          <input type="checkbox" checked={wantLog} onChange={(event) => setWantLog(event.target.checked)} />
          log y
        </label>
        {noLog && <span className="muted">(linear: some losses are ≤ 0)</span>}
      </div>
      <div className="chart-body" ref={containerRef} />
    </div>
  );
}

/**
 * The legend under the run charts: each run's colour, name and state (a
 * diverged run says so in words, not only by its line ending), and the key
 * to the line styles.
 */
import type { ReactElement } from 'react';
import type { RunCurves } from '../plots/types';
import '../plots/plots.css';

/** A line style of the key: a short sample line and what it stands for. */
export interface LineKey {
  label: string;
  dash?: readonly number[];
  /** Sample colour; the text colour when absent. */
  color?: string;
  width?: number;
}

/** SVG stroke-dasharray for a uPlot dash pattern. */
function dashArray(dash: readonly number[] | undefined): string | undefined {
  return dash && dash.length > 0 ? dash.join(' ') : undefined;
}

/** Runs (colour, label, status) and the line-style key. */
export function RunLegend({ runs, lines }: { runs: readonly Pick<RunCurves, 'id' | 'label' | 'color' | 'status' | 'message'>[]; lines: readonly LineKey[] }): ReactElement {
  return (
    <div className="run-legend" aria-label="legend">
      {runs.map((run) => (
        <span key={run.id} className="legend-item" data-status={run.status}>
          <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
          {run.label}
          {run.status === 'diverged' && <strong className="diverged-tag"> diverged{run.message ? `: ${run.message}` : ''}</strong>}
          {run.status === 'running' && <span className="muted"> (running)</span>}
        </span>
      ))}
      {lines.map((line) => (
        <span key={line.label} className="legend-item">
          <svg width="26" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="25" y2="5" stroke={line.color ?? 'currentColor'} strokeWidth={line.width ?? 2} strokeDasharray={dashArray(line.dash)} />
          </svg>
          {line.label}
        </span>
      ))}
    </div>
  );
}

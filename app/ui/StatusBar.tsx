/**
 * The bottom line: the backend in use (and why faster ones were passed
 * over), the state of the surface, the run, and the last error.
 */
import type { ReactElement } from 'react';
import {
  selectBackend,
  selectBackendAttempts,
  selectError,
  selectRunStatus,
  selectSurfacePhase,
} from '../store/selectors';
import { useAppStore } from '../store/store';

const SURFACE_TEXT = { waiting: 'computing surface…', coarse: 'refining surface…', full: 'surface ready' } as const;

export function StatusBar(): ReactElement {
  const backend = useAppStore(selectBackend);
  const attempts = useAppStore(selectBackendAttempts);
  const surface = useAppStore(selectSurfacePhase);
  const status = useAppStore(selectRunStatus);
  const error = useAppStore(selectError);
  const firstSurfaceMs = useAppStore((s) => s.firstSurfaceMs);
  const grid = useAppStore((s) => s.field && `${s.field.nx} × ${s.field.ny}`);
  const passedOver = attempts.filter((attempt) => !attempt.ok);
  // Network experiments have no analytic surface: the surface's state would only confuse.
  const analytic = useAppStore((s) => s.experiment.problem.kind === 'analytic');

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item">
        backend{' '}
        <strong data-testid="backend" data-backend={backend ?? ''}>
          {backend ?? 'starting…'}
        </strong>
        {passedOver.length > 0 && (
          <span
            className="muted"
            data-testid="backend-fallbacks"
            title={passedOver.map((a) => `${a.backend}: ${a.reason ?? 'failed'}`).join('\n')}
          >
            {' '}
            (not {passedOver.map((a) => a.backend).join(', ')})
          </span>
        )}
      </span>
      {analytic && (
        <span className="status-item" data-testid="surface-phase" data-phase={surface}>
          {SURFACE_TEXT[surface]}
          {grid && surface === 'full' && <span className="muted"> {grid}</span>}
          {firstSurfaceMs !== null && <span className="muted"> · first shown at {firstSurfaceMs} ms</span>}
        </span>
      )}
      <span className="status-item">run {status}</span>
      {error && (
        <span className="status-item error" role="alert" data-testid="error">
          {error}
        </span>
      )}
    </footer>
  );
}

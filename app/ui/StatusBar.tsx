/**
 * The bottom line: the backend in use (and why faster ones were passed
 * over) with a chooser to pick another, the state of the surface, the run,
 * and the last error.
 */
import type { ReactElement } from 'react';
import { BROWSER_BACKENDS, forcedBackend, hrefWithBackend, isBackendName } from '../../workers/engine/spec/backendNames';
import {
  selectBackend,
  selectBackendAttempts,
  selectError,
  selectRunStatus,
  selectSurfacePhase,
} from '../store/selectors';
import { useAppStore } from '../store/store';

const SURFACE_TEXT = { waiting: 'computing surface…', coarse: 'refining surface…', full: 'surface ready' } as const;

/** The chooser's value for "the fastest backend that works here". */
const AUTOMATIC = 'auto';

/**
 * Picks the backend by hand: the workers choose theirs when they start, so
 * the page opens again with `?backend=` set (or removed, for the automatic
 * choice); the experiment is in the link's hash and stays.
 */
function BackendChooser(): ReactElement {
  const chosen = forcedBackend(window.location.search) ?? AUTOMATIC;
  return (
    <select
      className="backend-choice"
      aria-label="Computation backend"
      title="Choose the TensorFlow.js backend; the page opens again with it, with the same experiment"
      data-testid="backend-choice"
      value={chosen}
      onChange={(event) => {
        const value = event.target.value;
        window.location.assign(hrefWithBackend(window.location.href, isBackendName(value) ? value : null));
      }}
    >
      <option value={AUTOMATIC}>automatic (fastest that works)</option>
      {BROWSER_BACKENDS.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

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
        )}{' '}
        <BackendChooser />
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

/**
 * The two modes of the explorer, at the top of the controls: optimizers on
 * an analytic function, or neural networks trained on data. Each mode keeps
 * its last settings when the other is shown.
 */
import type { ReactElement } from 'react';
import type { ExplorerMode } from '../store/networkExperimentSlice';
import { selectMode } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';

const MODES: readonly { mode: ExplorerMode; label: string }[] = [
  { mode: 'analytic', label: 'Analytic function' },
  { mode: 'network', label: 'Neural network' },
];

/** Two toggle buttons, the pressed one the mode on screen. */
export function ModeSwitch(): ReactElement {
  const current = useAppStore(selectMode);
  return (
    <div className="row segmented mode-switch" role="group" aria-label="Mode" data-testid="mode-switch">
      {MODES.map(({ mode, label }) => (
        <button
          key={mode}
          type="button"
          aria-pressed={current === mode}
          data-testid={`mode-${mode}`}
          onClick={() => appStore.getState().setMode(mode)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** How the surface is drawn: 3-D or contour map, linear or log heights, and the camera reset. */
import type { ReactElement } from 'react';
import { selectView } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { Section } from './Section';

export function ViewPanel({ onResetCamera }: { onResetCamera(): void }): ReactElement {
  const view = useAppStore(selectView);
  const { setViewMode, setLogScale } = appStore.getState();
  return (
    <Section title="View" testId="view-panel">
      <div className="row segmented" role="group" aria-label="View mode">
        <button type="button" aria-pressed={view.mode === '3d'} data-testid="view-3d" onClick={() => setViewMode('3d')}>
          3-D
        </button>
        <button
          type="button"
          aria-pressed={view.mode === 'contour'}
          data-testid="view-contour"
          onClick={() => setViewMode('contour')}
        >
          Contour
        </button>
      </div>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={view.logScale}
            data-testid="log-scale"
            onChange={(event) => setLogScale(event.target.checked)}
          />
          Log scale
        </label>
        <button type="button" className="secondary" onClick={onResetCamera} disabled={view.mode !== '3d'}>
          Reset camera
        </button>
      </div>
    </Section>
  );
}

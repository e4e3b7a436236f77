/** The plotted window (x and y ranges), the grid resolution, and the start point. */
import type { ReactElement } from 'react';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { selectGrid, selectStart, selectWindow } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';

/** Resolutions offered in the menu (any side from the limits can come from a link). */
const RESOLUTIONS = [32, 64, 128, 256, 384, 512].filter(
  (side) => side >= EXPERIMENT_LIMITS.gridSide.min && side <= EXPERIMENT_LIMITS.gridSide.max,
);

export function WindowPanel(): ReactElement {
  const plane = useAppStore(selectWindow);
  const grid = useAppStore(selectGrid);
  const { setWindow, resetWindow, setGrid } = appStore.getState();
  const square = grid.nx === grid.ny && RESOLUTIONS.includes(grid.nx);

  return (
    <Section title="Window" testId="window-panel">
      <div className="row">
        <NumberField label="x from" value={plane.xMin} testId="x-min" onCommit={(xMin) => setWindow({ xMin })} />
        <NumberField label="x to" value={plane.xMax} testId="x-max" onCommit={(xMax) => setWindow({ xMax })} />
      </div>
      <div className="row">
        <NumberField label="y from" value={plane.yMin} testId="y-min" onCommit={(yMin) => setWindow({ yMin })} />
        <NumberField label="y to" value={plane.yMax} testId="y-max" onCommit={(yMax) => setWindow({ yMax })} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="resolution-select">Resolution</label>
          <select
            id="resolution-select"
            data-testid="resolution-select"
            value={square ? String(grid.nx) : 'custom'}
            onChange={(event) => {
              const side = Number(event.target.value);
              setGrid({ nx: side, ny: side });
            }}
          >
            {!square && <option value="custom">{`${grid.nx} × ${grid.ny}`}</option>}
            {RESOLUTIONS.map((side) => (
              <option key={side} value={side}>{`${side} × ${side}`}</option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary align-end" onClick={resetWindow} data-testid="reset-window">
          Default window
        </button>
      </div>
    </Section>
  );
}

export function StartPanel(): ReactElement {
  const start = useAppStore(selectStart);
  const { setStart } = appStore.getState();
  return (
    <Section title="Start point" testId="start-panel">
      <div className="row">
        <NumberField label="x₀" value={start[0]} testId="start-x" onCommit={(x) => setStart(x, start[1])} />
        <NumberField label="y₀" value={start[1]} testId="start-y" onCommit={(y) => setStart(start[0], y)} />
      </div>
      <p className="note">Or click the surface or the map.</p>
    </Section>
  );
}

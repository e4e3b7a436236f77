/**
 * The clicked point of the slice: where it is, its losses and accuracies,
 * and the Hessian's extreme eigenvalues there, in a small table over the
 * landscape that folds down to its first line.
 */
import { useState, type ReactElement } from 'react';
import { appStore, useAppStore } from '../store/store';
import { formatCoordinate, formatPercent, formatSignificant } from '../ui/format';
import './landscape.css';

/** A number to 4 significant digits, or "—". */
const show = (value: number | null) => formatSignificant(value, 4);

/** The probed point's read-out, or nothing before a click. */
export function ProbeReadout(): ReactElement | null {
  const probe = useAppStore((state) => state.landscape.probe);
  const [folded, setFolded] = useState(false);
  if (probe === null) return null;
  return (
    <div className="probe-readout" data-testid="probe-readout" data-folded={folded}>
      <div className="probe-head">
        {/* The short form of the caption (which the data view shows whole): the point, 3 digits a coordinate. */}
        <strong data-testid="probe-caption" title={probe.caption}>
          at (α, β) = ({formatCoordinate(probe.alpha, 3)}, {formatCoordinate(probe.beta, 3)})
        </strong>
        <button
          type="button"
          className="icon"
          aria-expanded={!folded}
          aria-label={folded ? 'Show the clicked point’s values' : 'Fold the clicked point’s values away'}
          data-testid="probe-fold"
          onClick={() => setFolded((value) => !value)}
        >
          {folded ? '▸' : '▾'}
        </button>
        <button type="button" className="icon" aria-label="Forget the clicked point" onClick={() => appStore.getState().clearProbe()}>
          ×
        </button>
      </div>
      <table hidden={folded}>
        <thead>
          <tr>
            <th />
            <th scope="col">train</th>
            <th scope="col">test</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">loss</th>
            <td data-testid="probe-loss">{show(probe.loss)}</td>
            <td>{show(probe.testLoss)}</td>
          </tr>
          <tr>
            <th scope="row">accuracy</th>
            <td>{formatPercent(probe.accuracy)}</td>
            <td>{formatPercent(probe.testAccuracy)}</td>
          </tr>
        </tbody>
      </table>
      <p className="probe-curvature" hidden={folded}>
        <span>
          λmax <span data-testid="probe-lambda-max">{show(probe.lambdaMax)}</span>
        </span>
        <span>
          λmin <span data-testid="probe-lambda-min">{show(probe.lambdaMin)}</span>
        </span>
      </p>
    </div>
  );
}

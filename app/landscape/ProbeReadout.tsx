/** The clicked point of the slice: where it is, its losses and accuracies, and the Hessian's extreme eigenvalues there. */
import type { ReactElement } from 'react';
import { appStore, useAppStore } from '../store/store';
import { formatSignificant } from '../ui/format';
import './landscape.css';

/** A number to 4 significant digits, or "—". */
const show = (value: number | null) => formatSignificant(value, 4);

/** The probed point's read-out, or nothing before a click. */
export function ProbeReadout(): ReactElement | null {
  const probe = useAppStore((state) => state.landscape.probe);
  if (probe === null) return null;
  return (
    <div className="probe-readout" data-testid="probe-readout">
      <div className="message-head">
        <strong data-testid="probe-caption">{probe.caption}</strong>
        <button type="button" className="icon" aria-label="Forget the clicked point" onClick={() => appStore.getState().clearProbe()}>
          ×
        </button>
      </div>
      <dl>
        <dt>train loss</dt>
        <dd data-testid="probe-loss">{show(probe.loss)}</dd>
        <dt>test loss</dt>
        <dd>{show(probe.testLoss)}</dd>
        <dt>train accuracy</dt>
        <dd>{show(probe.accuracy)}</dd>
        <dt>test accuracy</dt>
        <dd>{show(probe.testAccuracy)}</dd>
        <dt>λmax</dt>
        <dd data-testid="probe-lambda-max">{show(probe.lambdaMax)}</dd>
        <dt>λmin</dt>
        <dd data-testid="probe-lambda-min">{show(probe.lambdaMin)}</dd>
      </dl>
    </div>
  );
}

/** The training curves of every run and, while sharpness is tracked, the sharpness chart beside them. */
import type { ReactElement } from 'react';
import { selectCurves, selectSharpnessEvery } from '../store/networkSelectors';
import { useAppStore } from '../store/store';
import { SharpnessChart } from '../curvature/SharpnessChart';
import { TrainingCurves } from './TrainingCurves';

/** Loss and accuracy of every run against step, and λ_max against 2/η while sharpness is tracked. */
export function NetworkCharts(): ReactElement {
  const curves = useAppStore(selectCurves);
  const tracking = useAppStore(selectSharpnessEvery) > 0;
  if (curves.length === 0) {
    return <div className="network-charts-empty muted">The training curves appear once the network is built.</div>;
  }
  return (
    <div className={`network-charts${tracking ? ' with-sharpness' : ''}`}>
      <TrainingCurves runs={curves} />
      {tracking && (
        <div className="sharpness-box" data-testid="sharpness-box">
          <SharpnessChart runs={curves} />
        </div>
      )}
    </div>
  );
}

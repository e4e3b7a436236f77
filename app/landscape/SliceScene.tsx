/**
 * The landscape of a network: the 2-D slice as a surface (or contour map)
 * over the (α, β) plane with the runs' projected paths, the critical points,
 * one faithfulness badge per run and what is being computed; a 1-D slice as
 * a line chart. The slice is there from the start and follows training
 * (`liveLandscape.ts`). A click
 * on the surface probes that point of parameter space: the probe read-out
 * shows its losses and λ_max / λ_min, and the data view its predictions.
 */
import { useCallback, type ReactElement } from 'react';
import { StageLandscape } from '../scene/StageLandscape';
import { roundToSpan } from '../analytic/AnalyticStage';
import { appStore, useAppStore } from '../store/store';
import { useCameraBinding } from '../share/useCameraBinding';
import { FaithfulnessBadge } from './FaithfulnessBadge';
import { LandscapeStatus } from './LandscapeStatus';
import { JobProgressBar } from '../ui/JobProgressBar';
import { LineSliceChart } from './LineSliceChart';
import { ProbeReadout } from './ProbeReadout';
import './landscape.css';

const AXIS_LABELS = ['α (d1)', 'β (d2)'] as const;

/** The network's landscape for the scene area; `resetViewToken` re-frames the 3-D camera when it changes. */
export function SliceScene({ resetViewToken }: { resetViewToken: number }): ReactElement {
  const field = useAppStore((state) => state.landscape.field);
  const camera = useCameraBinding();
  const line = useAppStore((state) => state.landscape.line);
  const paths = useAppStore((state) => state.landscape.paths);
  const markers = useAppStore((state) => state.landscape.markers);
  const faithfulness = useAppStore((state) => state.landscape.faithfulness);
  const probeJob = useAppStore((state) => state.landscape.probeJob);
  const view = useAppStore((state) => state.experiment.view);
  const metric = useAppStore((state) => state.landscape.slice?.settings.metric ?? state.experiment.slice.metric);

  // Rounded to a thousandth of the range (well below a pixel), so the link holds a short point.
  const onPick = useCallback((alpha: number, beta: number) => {
    const { alpha: a, beta: b } = appStore.getState().experiment.slice;
    appStore.getState().requestProbe(roundToSpan(alpha, a[1] - a[0]), roundToSpan(beta, b[1] - b[0]));
  }, []);

  if (line !== null && field === null) {
    return (
      <div className="slice-scene slice-line" data-testid="slice-line">
        <LineSliceChart slice={line} title={metric === 'loss' ? 'Loss along the line' : 'Accuracy along the line'} />
      </div>
    );
  }

  return (
    <div className="slice-scene">
      <StageLandscape
        shown={{ field, paths, markers, view, camera }}
        onPick={onPick}
        resetViewToken={resetViewToken}
        axisLabels={AXIS_LABELS}
        emptyMessage="Computing the landscape at θ₀…"
      />
      <div className="slice-overlay">
        <LandscapeStatus />
        {faithfulness.length > 0 && <FaithfulnessBadge items={faithfulness} />}
        {probeJob?.state === 'running' && <JobProgressBar job={probeJob} onCancel={() => appStore.getState().clearProbe()} />}
        <ProbeReadout />
      </div>
    </div>
  );
}

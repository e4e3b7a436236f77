/**
 * The middle of the page in network mode: the landscape (the slice through
 * parameter space, with its empty state until one is computed) beside the
 * data view, and the training curves (and sharpness chart) below both.
 */
import type { ReactElement } from 'react';
import { StageArea } from '../ErrorBoundary';
import { Messages } from '../ui/Messages';
import { DataAndCurvature } from '../curvature/DataAndCurvature';
import { SliceScene } from '../landscape/SliceScene';
import { DataViewPanel } from './DataViewPanel';
import { NetworkCharts } from './NetworkCharts';
import './training.css';

/** The network-mode stage; `resetViewToken` re-frames the landscape's camera when it changes. */
export function NetworkStage({ resetViewToken }: { resetViewToken: number }): ReactElement {
  return (
    <main className="stage network-stage" data-testid="network-stage">
      <Messages />
      <StageArea className="scene network-scene" area="landscape view">
        <SliceScene resetViewToken={resetViewToken} />
      </StageArea>
      <StageArea className="network-data" area="data view">
        <DataAndCurvature data={<DataViewPanel />} />
      </StageArea>
      <StageArea className="network-bottom" area="training curves">
        <NetworkCharts />
      </StageArea>
    </main>
  );
}

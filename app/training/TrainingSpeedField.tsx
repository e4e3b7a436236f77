/**
 * The training pace of network mode, in steps per second (0: as fast as the
 * worker goes). It changes how fast the runs go, never what they compute,
 * so it is the page's setting rather than the experiment's.
 */
import type { ReactElement } from 'react';
import { selectMode } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';

/** The pace field (nothing for an analytic experiment). */
export function TrainingSpeedField(): ReactElement | null {
  const mode = useAppStore(selectMode);
  const stepsPerSecond = useAppStore((state) => state.stepsPerSecond);
  if (mode !== 'network') return null;
  return (
    <NumberField
      label="Speed (steps/s)"
      hint="0: fastest"
      value={stepsPerSecond}
      integer
      testId="steps-per-second"
      onCommit={(value) => appStore.getState().setStepsPerSecond(value)}
    />
  );
}

/**
 * Play / pause, single step, reset, and the number of steps; for analytic
 * runs also their speed and the scrubber along the steps computed, for
 * networks the training pace.
 * Keyboard: space plays or pauses, → takes one step, r resets (the
 * scrubber, when focused, takes its own arrow keys).
 */
import type { ReactElement } from 'react';
import { selectRunStatus, selectSteps } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';
import { TrainingSpeedField } from '../training/TrainingSpeedField';
import { RunPace } from './RunPace';

export function RunControls(): ReactElement {
  const status = useAppStore(selectRunStatus);
  const steps = useAppStore(selectSteps);
  const analytic = useAppStore((state) => state.experiment.problem.kind === 'analytic');
  const { togglePlay, stepOnce, reset, setSteps } = appStore.getState();
  const running = status === 'running';

  return (
    <Section title="Run" testId="run-controls">
      <div className="row buttons">
        <button type="button" className="primary" data-testid="play" aria-keyshortcuts="Space" onClick={togglePlay}>
          {running ? 'Pause' : status === 'done' ? 'Replay' : 'Play'}
        </button>
        <button type="button" data-testid="step" aria-keyshortcuts="ArrowRight" title="One step (→)" onClick={stepOnce}>
          Step
        </button>
        <button type="button" data-testid="reset" aria-keyshortcuts="R" title="Reset (r)" onClick={reset}>
          Reset
        </button>
      </div>
      <div className="row">
        <NumberField label="Steps" value={steps} integer testId="steps" onCommit={(n) => setSteps(n)} />
        <div className="field run-state">
          <span className="label">Status</span>
          <span data-testid="run-status" data-status={status}>
            {status}
          </span>
        </div>
      </div>
      {analytic ? <RunPace /> : <TrainingSpeedField />}
      <p className="note">Space: play / pause · →: one step · r: reset</p>
    </Section>
  );
}

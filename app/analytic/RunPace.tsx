/**
 * The analytic runs' speed and scrubber: how many steps a second the runs
 * play (or as fast as the worker computes), and a slider along the steps
 * already computed; dragging it (or its arrow, Page and Home/End keys) shows
 * that step in the paths, their current points and the loss chart, pausing
 * the runs. Play shows the newest step again.
 */
import { useId, type ReactElement } from 'react';
import { RUN_SPEEDS, type RunSpeed } from '../store/runSlice';
import { selectPaths } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { SelectField } from '../ui/SelectField';
import { lastComputedStep } from './shownPaths';

/** The speed control's options: its value (text) and what it shows. */
const SPEED_OPTIONS = [
  { value: 'auto', label: 'Auto (a run in 2.5 s)' },
  ...RUN_SPEEDS.map((rate) => ({ value: String(rate), label: `${rate} steps/s` })),
  { value: 'max', label: 'As fast as possible' },
];

/** The speed a speed-control value stands for. */
export function speedOf(value: string): RunSpeed {
  return value === 'auto' || value === 'max' ? value : Number(value);
}

/** Speed and scrubber of the analytic runs. */
export function RunPace(): ReactElement {
  const speed = useAppStore((state) => state.runSpeed);
  const shownStep = useAppStore((state) => state.shownStep);
  const computed = lastComputedStep(useAppStore(selectPaths));
  const { setRunSpeed, showStep } = appStore.getState();
  const shown = shownStep === null ? computed : Math.min(shownStep, computed);
  const id = useId();
  return (
    <>
      <SelectField label="Speed" value={String(speed)} options={SPEED_OPTIONS} testId="run-speed" onChange={(value) => setRunSpeed(speedOf(value))} />
      <div className="field run-scrubber">
        <label htmlFor={id}>
          Step shown <output data-testid="run-scrubber-step">{shown}</output> of {computed}
        </label>
        <input
          id={id}
          type="range"
          data-testid="run-scrubber"
          min={0}
          max={computed}
          step={1}
          value={shown}
          disabled={computed === 0}
          aria-valuetext={`step ${shown} of ${computed} computed`}
          // The newest step follows the runs as they go on; any other stays put.
          onChange={(event) => {
            const step = Number(event.target.value);
            showStep(step >= computed ? null : step);
          }}
        />
      </div>
    </>
  );
}

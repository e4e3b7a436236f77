/**
 * How often the runs are measured: the full train/test evaluation every N
 * steps, and the sharpness (the Hessian's λ_max and λ_min, by Lanczos) every
 * N steps when tracking is on. Sharpness costs about 20 Hessian-vector
 * products per measurement, so it is off by default.
 */
import type { ReactElement } from 'react';
import { selectEvalEvery, selectMode, selectSharpnessEvery } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';

/** The interval sharpness tracking starts with when turned on. */
const DEFAULT_SHARPNESS_EVERY = 10;

/** The measurement section (nothing for an analytic experiment). */
export function SchedulePanel(): ReactElement | null {
  const mode = useAppStore(selectMode);
  const evalEvery = useAppStore(selectEvalEvery);
  const sharpnessEvery = useAppStore(selectSharpnessEvery);
  if (mode !== 'network') return null;
  const { setEvalEvery, setSharpnessEvery } = appStore.getState();
  const tracking = sharpnessEvery > 0;

  return (
    <Section title="Measurements" testId="schedule-panel">
      <NumberField label="Evaluate every (steps)" value={evalEvery} integer testId="eval-every" onCommit={(n) => setEvalEvery(n)} />
      <label className="check">
        <input
          type="checkbox"
          checked={tracking}
          data-testid="track-sharpness"
          onChange={(event) => setSharpnessEvery(event.target.checked ? DEFAULT_SHARPNESS_EVERY : 0)}
        />
        Track sharpness (λ<sub>max</sub>, λ<sub>min</sub> of the Hessian)
      </label>
      {tracking && (
        <NumberField
          label="Sharpness every (steps)"
          value={sharpnessEvery}
          integer
          testId="sharpness-every"
          onCommit={(n) => setSharpnessEvery(n)}
        />
      )}
    </Section>
  );
}

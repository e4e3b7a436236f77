/** The training runs of a network experiment: all start from the same initialisation; add several, edit or remove each. */
import { useMemo, useState, type ReactElement } from 'react';
import { NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import { NETWORK_OPTIMIZER_NAMES, type NetworkOptimizerName } from '../../workers/engine/spec/optimizers/networkConfig';
import { NETWORK_OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/networkInfo';
import { runLabels } from './runLabels';
import { selectNetworkRuns } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { commitEdit } from '../ui/commit';
import { Section } from '../ui/Section';
import { TrainingRunCard } from './TrainingRunCard';

/** The run cards and the row that adds a run (nothing for an analytic experiment). */
export function TrainingRunsPanel(): ReactElement | null {
  const runs = useAppStore(selectNetworkRuns);
  const labels = useMemo(() => runLabels(runs), [runs]);
  const [choice, setChoice] = useState<NetworkOptimizerName>('adam');
  if (runs.length === 0) return null;
  const full = runs.length >= NETWORK_TRAINING_LIMITS.runCount.max;

  return (
    <Section title="Training runs" testId="training-runs-panel">
      <p className="note">Every run starts from the same initialisation θ₀.</p>
      {runs.map((spec, index) => (
        <TrainingRunCard key={spec.id} spec={spec} label={labels[index]} />
      ))}
      <div className="row add-row">
        <select
          aria-label="Optimizer of the run to add"
          data-testid="add-run-kind"
          value={choice}
          onChange={(event) => setChoice(event.target.value as NetworkOptimizerName)}
        >
          {NETWORK_OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {NETWORK_OPTIMIZER_INFO[name].label}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={full}
          title={full ? `At most ${NETWORK_TRAINING_LIMITS.runCount.max} runs` : undefined}
          data-testid="add-run"
          onClick={() => commitEdit(() => appStore.getState().addNetworkRun(choice))}
        >
          Add run
        </button>
      </div>
    </Section>
  );
}

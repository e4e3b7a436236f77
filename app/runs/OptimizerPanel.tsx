/** The optimizers to run: add several, edit or remove each. */
import { useState, type ReactElement } from 'react';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { OPTIMIZER_NAMES, type OptimizerName } from '../../workers/engine/spec/optimizers/config';
import { OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/info';
import { selectAnalyticOptimizers } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { OptimizerCard } from './OptimizerCard';
import { Section } from '../ui/Section';

export function OptimizerPanel(): ReactElement {
  const optimizers = useAppStore(selectAnalyticOptimizers);
  const [choice, setChoice] = useState<OptimizerName>('momentum');
  const full = optimizers.length >= EXPERIMENT_LIMITS.optimizerCount.max;

  return (
    <Section title="Optimizers" testId="optimizer-panel">
      {optimizers.map((spec) => (
        <OptimizerCard key={spec.id} spec={spec} />
      ))}
      {optimizers.length === 0 && <p className="note">No optimizer: add one to walk the surface.</p>}
      <div className="row add-row">
        <select
          aria-label="Optimizer to add"
          data-testid="add-optimizer-kind"
          value={choice}
          onChange={(event) => setChoice(event.target.value as OptimizerName)}
        >
          {OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {OPTIMIZER_INFO[name].label}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={full}
          title={full ? `At most ${EXPERIMENT_LIMITS.optimizerCount.max} optimizers` : undefined}
          data-testid="add-optimizer"
          onClick={() => appStore.getState().addOptimizer(choice)}
        >
          Add
        </button>
      </div>
    </Section>
  );
}

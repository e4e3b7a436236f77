/**
 * One optimizer of the experiment: its kind, colour and hyper-parameters,
 * and its live status (step, loss, or the divergence message in red).
 */
import { memo, type ReactElement } from 'react';
import type { OptimizerRunSpec } from '../../workers/engine/spec/experiment';
import { OPTIMIZER_NAMES, type OptimizerName } from '../../workers/engine/spec/optimizers/config';
import { OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/info';
import { selectProgressOf } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { commitEdit } from '../ui/commit';
import { formatLoss, READOUT_DIGITS } from '../ui/format';
import { HyperParameterControl } from './HyperParameterControl';

function RunStatusLine({ id }: { id: string }): ReactElement {
  const progress = useAppStore(selectProgressOf(id));
  if (!progress) return <div className="run-status" />;
  return (
    <div className="run-status" data-testid={`status-${id}`} data-status={progress.status}>
      <span>
        step <strong data-testid={`step-${id}`}>{progress.step}</strong>
      </span>
      <span>
        loss <strong data-testid={`loss-${id}`}>{formatLoss(progress.loss, READOUT_DIGITS)}</strong>
      </span>
      {progress.message && (
        <div className="diverged" role="status" data-testid={`diverged-${id}`}>
          {progress.message}
        </div>
      )}
    </div>
  );
}

export const OptimizerCard = memo(function OptimizerCard({ spec }: { spec: OptimizerRunSpec }): ReactElement {
  const { updateOptimizer, removeOptimizer } = appStore.getState();
  const info = OPTIMIZER_INFO[spec.name];
  return (
    <div className="optimizer-card" data-testid={`optimizer-${spec.id}`} data-name={spec.name} style={{ borderLeftColor: spec.color }}>
      <div className="optimizer-head">
        <input
          type="color"
          value={spec.color}
          aria-label={`${info.label} colour`}
          onChange={(event) => updateOptimizer(spec.id, { color: event.target.value })}
        />
        <select
          aria-label="Optimizer"
          data-testid={`kind-${spec.id}`}
          value={spec.name}
          onChange={(event) => updateOptimizer(spec.id, { name: event.target.value as OptimizerName })}
        >
          {OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {OPTIMIZER_INFO[name].label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon"
          aria-label={`Remove ${info.label}`}
          title="Remove"
          data-testid={`remove-${spec.id}`}
          onClick={() => removeOptimizer(spec.id)}
        >
          ×
        </button>
      </div>
      <div className="summary">{info.summary}</div>
      {info.hyperParameters.map((hyper) => (
        <HyperParameterControl
          key={hyper.key}
          spec={hyper}
          value={spec[hyper.key] ?? hyper.defaultValue}
          testId={`${hyper.key}-${spec.id}`}
          onCommit={(value) => commitEdit(() => updateOptimizer(spec.id, { [hyper.key]: value }))}
        />
      ))}
      <RunStatusLine id={spec.id} />
    </div>
  );
});

/**
 * One training run: its optimizer (any network optimizer), colour, batch
 * size and hyper-parameters, and its live status: step and epoch, train
 * and test loss and accuracy, sharpness when tracked, or the divergence
 * message in red. "Show" picks the run whose decision boundary the data
 * view draws.
 */
import { memo, type ReactElement } from 'react';
import { batchSizeOf, type NetworkRunSpec } from '../../workers/engine/spec/networkRuns';
import { NETWORK_OPTIMIZER_NAMES, type NetworkOptimizerName } from '../../workers/engine/spec/optimizers/networkConfig';
import { NETWORK_OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/networkInfo';
import { selectShownRunId, selectTrainingRunOf } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { commitEdit } from '../ui/commit';
import { HyperParameterControl } from './HyperParameterControl';
import { NumberField } from '../ui/NumberField';
import { formatLoss, formatPercent, READOUT_DIGITS } from '../ui/format';
import type { UpdateReport } from '../../workers/engine/spec/messages/training';

/**
 * What a curvature-based optimizer's last update did: for a trust region the
 * ratio ρ = actual / predicted decrease (accepted when ρ exceeds the
 * threshold) and the radius Δ after the update; for Hessian-free the damping
 * and the conjugate-gradient iterations; and how many updates were rejected.
 */
function UpdateLine({ id, update, rejected }: { id: string; update: UpdateReport; rejected: number }): ReactElement {
  return (
    <span className="muted" data-testid={`update-report-${id}`} title="The last update: ρ = actual / predicted decrease, Δ = trust-region radius">
      step {update.step}: {update.accepted ? 'accepted' : 'rejected'}
      {update.ratio !== null && <> · ρ <strong data-testid={`update-ratio-${id}`}>{formatLoss(update.ratio, READOUT_DIGITS)}</strong></>}
      {update.radius !== null && <> · Δ <strong data-testid={`update-radius-${id}`}>{formatLoss(update.radius, READOUT_DIGITS)}</strong></>}
      {update.damping !== null && <> · damping {formatLoss(update.damping, READOUT_DIGITS)}</>}
      {update.cgIterations !== null && <> · CG {update.cgIterations}</>}
      {rejected > 0 && <> · {rejected} rejected</>}
    </span>
  );
}

function TrainingStatusLine({ id }: { id: string }): ReactElement {
  const run = useAppStore(selectTrainingRunOf(id));
  if (!run) return <div className="run-status" />;
  return (
    <div className="run-status" data-testid={`training-status-${id}`} data-status={run.status}>
      <span>
        step <strong data-testid={`training-step-${id}`}>{run.step}</strong>
        {run.epoch > 0 && <span className="muted"> (epoch {run.epoch + 1})</span>}
      </span>
      <span>
        train <strong data-testid={`train-loss-${id}`}>{formatLoss(run.trainLoss, READOUT_DIGITS)}</strong>
      </span>
      {run.testLoss !== null && (
        <span>
          test <strong>{formatLoss(run.testLoss, READOUT_DIGITS)}</strong>
        </span>
      )}
      {run.trainAccuracy !== null && (
        <span>
          accuracy <strong>{formatPercent(run.trainAccuracy)}</strong>
          {run.testAccuracy !== null && <span className="muted"> / {formatPercent(run.testAccuracy)} test</span>}
        </span>
      )}
      {run.sharpness !== null && (
        <span title="Largest Hessian eigenvalue, and the gradient-descent stability threshold 2/η">
          λ<sub>max</sub> <strong data-testid={`sharpness-${id}`}>{formatLoss(run.sharpness, READOUT_DIGITS)}</strong>
          {run.threshold !== null && <span className="muted"> (2/η = {formatLoss(run.threshold, READOUT_DIGITS)})</span>}
        </span>
      )}
      {run.lastUpdate && <UpdateLine id={id} update={run.lastUpdate} rejected={run.rejectedSteps} />}
      {run.message && (
        <div className="diverged" role="status" data-testid={`training-diverged-${id}`}>
          {run.message}
        </div>
      )}
    </div>
  );
}

/** The card of run `spec`, named `label` (see runLabels). */
export const TrainingRunCard = memo(function TrainingRunCard({ spec, label }: { spec: NetworkRunSpec; label: string }): ReactElement {
  const { updateNetworkRun, removeOptimizer, selectRun } = appStore.getState();
  const shown = useAppStore(selectShownRunId) === spec.id;
  const info = NETWORK_OPTIMIZER_INFO[spec.name];
  return (
    <div className="optimizer-card training-run" data-testid={`run-${spec.id}`} data-name={spec.name} style={{ borderLeftColor: spec.color }}>
      <div className="optimizer-head">
        <input
          type="color"
          value={spec.color}
          aria-label={`${label} colour`}
          onChange={(event) => updateNetworkRun(spec.id, { color: event.target.value })}
        />
        <select
          aria-label="Optimizer"
          data-testid={`run-kind-${spec.id}`}
          value={spec.name}
          onChange={(event) => commitEdit(() => updateNetworkRun(spec.id, { name: event.target.value as NetworkOptimizerName }))}
        >
          {NETWORK_OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {NETWORK_OPTIMIZER_INFO[name].label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={shown ? 'shown-run' : 'secondary'}
          aria-pressed={shown}
          title="Show this run's decision boundary in the data view"
          data-testid={`show-run-${spec.id}`}
          onClick={() => selectRun(spec.id)}
        >
          Show
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`Remove ${label}`}
          title="Remove"
          data-testid={`remove-run-${spec.id}`}
          onClick={() => commitEdit(() => removeOptimizer(spec.id))}
        >
          ×
        </button>
      </div>
      <div className="summary">{info.summary}</div>
      <NumberField
        label="Batch size"
        hint="0 = full batch"
        value={batchSizeOf(spec)}
        integer
        testId={`batch-${spec.id}`}
        onCommit={(batchSize) => commitEdit(() => updateNetworkRun(spec.id, { batchSize }))}
      />
      {info.hyperParameters.map((hyper) => (
        <HyperParameterControl
          key={hyper.key}
          spec={hyper}
          value={spec[hyper.key] ?? hyper.defaultValue}
          testId={`${hyper.key}-${spec.id}`}
          onCommit={(value) => commitEdit(() => updateNetworkRun(spec.id, { [hyper.key]: value }))}
        />
      ))}
      <TrainingStatusLine id={spec.id} />
    </div>
  );
});

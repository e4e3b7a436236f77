/**
 * A run card's live status line, one per problem kind: an analytic run's
 * step and loss; a training run's step and epoch, train and test loss and
 * accuracy, sharpness when tracked and, for the trust-region and
 * Hessian-free methods, what the last update did. A diverged run shows its
 * message in red.
 */
import type { ReactElement } from 'react';
import type { ProblemKind } from '../../workers/engine/spec/optimizers/registry';
import type { UpdateReport } from '../../workers/engine/spec/messages/training';
import { selectTrainingRunOf } from '../store/networkSelectors';
import { selectProgressOf } from '../store/selectors';
import { useAppStore } from '../store/store';
import { formatLoss, formatPercent, READOUT_DIGITS } from '../ui/format';

function AnalyticStatusLine({ id }: { id: string }): ReactElement {
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

/** The status line of run `id` of a `kind` experiment. */
export function RunStatus({ kind, id }: { kind: ProblemKind; id: string }): ReactElement {
  return kind === 'network' ? <TrainingStatusLine id={id} /> : <AnalyticStatusLine id={id} />;
}

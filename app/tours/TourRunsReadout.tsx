/**
 * The runs of the step on screen, in the tour's own words: each run's
 * colour and name, then "diverged at step t" or its step and loss, so the
 * step's claims can be read off the tour panel even when the controls
 * (and their run cards) are hidden in presentation mode.
 */
import type { ReactElement } from 'react';
import { runLabels } from '../runs/runLabels';
import { useAppStore } from '../store/store';
import { formatLoss } from '../ui/format';

/** One line per run of the experiment on screen. */
export function TourRunsReadout(): ReactElement | null {
  const experiment = useAppStore((state) => state.experiment);
  const progress = useAppStore((state) => state.runProgress);
  if (experiment.optimizers.length === 0) return null;
  const labels = runLabels(experiment.optimizers, experiment.problem.kind);
  return (
    <ul className="tour-runs" data-testid="tour-runs" aria-label="Runs of this step">
      {experiment.optimizers.map((spec, index) => {
        const run = progress.runs.find((candidate) => candidate.id === spec.id);
        const loss = run ? ('loss' in run ? run.loss : run.trainLoss) : null;
        const diverged = run?.status === 'diverged';
        return (
          <li key={spec.id} data-testid={`tour-run-${spec.id}`} data-status={run?.status ?? 'idle'}>
            <span className="tour-swatch" style={{ background: spec.color }} aria-hidden="true" />
            <span className="tour-run-name">{labels[index]}</span>
            {diverged ? (
              <span className="tour-run-diverged">diverged at step {run?.divergedAt}</span>
            ) : (
              <span className="tour-run-numbers">
                step {run?.step ?? 0} · loss {formatLoss(loss)}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The progress of a long job: label, a bar (sliding stripe when the fraction
 * is unknown), the percentage, the estimated time when given, and a Cancel
 * button while it runs. Escape cancels while the bar or its button has focus.
 * A finished, cancelled or failed job shows its state and message instead.
 */
import type { KeyboardEvent, ReactElement } from 'react';
import { cancelsOnKey, estimateText, jobStatusText, progressPercent } from './jobProgress';
import type { JobProgress } from '../plots/types';
import '../plots/plots.css';

/** Props of {@link JobProgressBar}. */
export interface JobProgressBarProps {
  job: JobProgress;
  /** Asks the owner to stop the job; without it there is no Cancel button. */
  onCancel?: () => void;
}

/** A labelled progress bar with a Cancel button. */
export function JobProgressBar({ job, onCancel }: JobProgressBarProps): ReactElement {
  const running = job.state === 'running';
  // A stopped job keeps the bar where it stopped; a finished one fills it.
  const percent = job.state === 'done' ? 100 : progressPercent(job.fraction);
  const estimate = estimateText(job);
  const status = jobStatusText(job);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onCancel && cancelsOnKey(event.key, job)) {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="job-progress" data-state={job.state} data-testid="job-progress" role="group" aria-label={job.label} tabIndex={0} onKeyDown={onKeyDown}>
      <div className="job-head">
        <span className="job-label">{job.label}</span>
        {estimate && running && <span className="muted">{estimate}</span>}
        <span className="job-status" role="status">
          {status}
        </span>
        {running && onCancel && (
          <button type="button" className="secondary" onClick={onCancel} aria-keyshortcuts="Escape">
            Cancel
          </button>
        )}
      </div>
      <div
        className={`job-track${running && percent === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={`${job.label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={status}
      >
        <div className="job-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

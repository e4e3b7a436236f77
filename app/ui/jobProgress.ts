/** The words and numbers of a job's progress bar. */
import { formatEstimate } from './format';
import type { JobProgress } from '../plots/types';

/** The fraction as a whole percentage in [0, 100] (round(100·f), clamped), or null when unknown. */
export function progressPercent(fraction: number | null): number | null {
  if (fraction === null || !Number.isFinite(fraction)) return null;
  return Math.round(100 * Math.min(1, Math.max(0, fraction)));
}

/** "about 12 s" for an estimate, or null without one. */
export function estimateText(job: JobProgress): string | null {
  return job.estimateSeconds === undefined ? null : formatEstimate(job.estimateSeconds);
}

/**
 * The state in words: the percentage (or "working…" when unknown) while
 * running; "done", "cancelled" or "failed", followed by the job's message,
 * otherwise.
 */
export function jobStatusText(job: JobProgress): string {
  if (job.state === 'running') {
    const percent = progressPercent(job.fraction);
    return percent === null ? 'working…' : `${percent}%`;
  }
  const word = { done: 'done', cancelled: 'cancelled', failed: 'failed' }[job.state];
  return job.message ? `${word}: ${job.message}` : word;
}

/** Whether key `key` cancels the job: Escape, while it runs. */
export function cancelsOnKey(key: string, job: JobProgress): boolean {
  return key === 'Escape' && job.state === 'running';
}

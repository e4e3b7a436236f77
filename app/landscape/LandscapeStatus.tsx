/**
 * What the landscape worker is computing, in one line over the landscape:
 * "Refining slice 65×65 · 40%", "Slice 21×21 at step 140 · trajectory
 * plane · 100%", or why the last slice failed. Nothing once a slice is done.
 */
import type { ReactElement } from 'react';
import type { JobProgress } from '../plots/types';
import { useAppStore } from '../store/store';
import { jobStatusText } from '../ui/jobProgress';

/** The status line of `job` (null when there is nothing to say: no job, or one finished or cancelled). */
export function landscapeStatusText(job: JobProgress | null): string | null {
  if (job === null || job.state === 'done' || job.state === 'cancelled') return null;
  return `${job.label} · ${jobStatusText(job)}`;
}

/** The status line over the landscape (see the module comment). */
export function LandscapeStatus(): ReactElement | null {
  const job = useAppStore((state) => state.landscape.sliceJob);
  const text = landscapeStatusText(job);
  if (text === null) return null;
  return (
    <p className="landscape-status" data-testid="landscape-status" data-state={job!.state} role="status">
      {text}
    </p>
  );
}

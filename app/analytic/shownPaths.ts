/**
 * The analytic paths as at one step of the runs (the scrubber's position):
 * each path ends at its point of that step (point 0 is the start), so the
 * scene's lines and current-point markers and the loss chart stop there.
 * The buffers are the paths' own; only the wrappers are new.
 */
import type { PathView } from '../scene/types';

/** `paths` as at step `step` (null, or a step no path has reached yet: as they are). */
export function pathsAtStep(paths: PathView[], step: number | null): PathView[] {
  if (step === null || paths.every((path) => path.length <= step + 1)) return paths;
  return paths.map((path) =>
    path.length <= step + 1
      ? path
      : // Cut short: the run goes on past this point, so it shows as a run under way (no end-of-divergence cross).
        { ...path, length: step + 1, status: 'paused' },
  );
}

/** The last step any path has reached (0 before any step; a path of n points has reached step n − 1). */
export function lastComputedStep(paths: readonly PathView[]): number {
  return paths.reduce((most, path) => Math.max(most, path.length - 1), 0);
}

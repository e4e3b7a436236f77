/**
 * The choices of the curvature view's "At" control: the selected run, each
 * run, and the clicked point when there is one, named as the runs' cards
 * name them (never by their ids).
 */
import type { CurvatureTargetChoice } from '../store/landscapeSlice';

/** A run as the control shows it. */
export interface TargetRun {
  id: string;
  label: string;
}

/** The select's value of a target: "selected", "run:<id>" or "probe". */
export function targetValue(target: CurvatureTargetChoice): string {
  return target.kind === 'run' ? `run:${target.runId}` : target.kind;
}

/** The target of a select value (inverse of {@link targetValue}). */
export function targetOf(value: string): CurvatureTargetChoice {
  if (value === 'probe' || value === 'selected') return { kind: value };
  return { kind: 'run', runId: value.slice('run:'.length) };
}

/** The options of the "At" control, the selected run's label in the first. */
export function curvatureTargetOptions(runs: readonly TargetRun[], selectedRunId: string | null, hasProbe: boolean): { value: string; label: string }[] {
  const selected = runs.find((run) => run.id === selectedRunId);
  return [
    { value: 'selected', label: `selected run${selected ? ` (${selected.label})` : ''}, latest` },
    ...runs.map((run) => ({ value: `run:${run.id}`, label: `${run.label} (latest)` })),
    ...(hasProbe ? [{ value: 'probe', label: 'clicked point' }] : []),
  ];
}

/**
 * Narrow selectors of network mode: each panel and view subscribes to the
 * least it needs, so a growing curve re-renders the charts, not the panels.
 */
import { isNetworkExperiment, type NetworkRunSpec } from '../../workers/engine/spec/experiment';
import type { ExplorerMode } from './networkExperimentSlice';
import type { NetworkRunProgress } from './runSlice';
import type { Store } from './store';

/** One empty list, so that "no runs" is the same value each time (no needless re-renders). */
const NO_RUNS: readonly NetworkRunSpec[] = [];

/** The mode on screen: the kind of the experiment's problem. */
export const selectMode = (s: Store): ExplorerMode => s.experiment.problem.kind;
/** The network problem, or null when the experiment is analytic. */
export const selectNetworkProblem = (s: Store) => (isNetworkExperiment(s.experiment) ? s.experiment.problem : null);
/** The training runs' specs (none when the experiment is analytic). */
export const selectNetworkRuns = (s: Store): readonly NetworkRunSpec[] => (isNetworkExperiment(s.experiment) ? s.experiment.optimizers : NO_RUNS);
/** Steps between full evaluations. */
export const selectEvalEvery = (s: Store) => s.experiment.evalEvery;
/** Steps between sharpness measurements (0: off). */
export const selectSharpnessEvery = (s: Store) => s.experiment.sharpnessEvery;
/** One empty list of progress, for the same reason. */
const NO_PROGRESS: readonly NetworkRunProgress[] = [];
/** Each training run's progress (none while the runs on screen are analytic). */
export const selectTrainingRuns = (s: Store): readonly NetworkRunProgress[] => (s.runProgress.mode === 'network' ? s.runProgress.runs : NO_PROGRESS);
/** Each training run's curves. */
export const selectCurves = (s: Store) => s.curves;
/** The data set as the data view draws it (null until built). */
export const selectTrainingData = (s: Store) => s.trainingData;
/** The run chosen for the data view (see selectShownRunId for the one shown). */
export const selectSelectedRunId = (s: Store) => s.selectedRunId;

/**
 * The run whose prediction the data view shows: the selected one, or
 * without a selection the first that has not diverged (a diverged run's
 * last parameters predict nothing useful), or the first.
 */
export const selectShownRunId = (s: Store): string | null => {
  const runs = selectTrainingRuns(s);
  if (runs.some((run) => run.id === s.selectedRunId)) return s.selectedRunId;
  return (runs.find((run) => run.status !== 'diverged') ?? runs[0])?.id ?? null;
};

/** The progress of the training run with `id` (undefined before the run exists). */
export const selectTrainingRunOf = (id: string) => (s: Store) => selectTrainingRuns(s).find((run) => run.id === id);

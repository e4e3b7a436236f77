/**
 * Narrow selectors: each component subscribes to the least it needs, so a
 * path growing re-renders the scene and the chart, not the control panels.
 */
import { isAnalyticExperiment, type OptimizerRunSpec } from '../../workers/engine/spec/experiment';
import type { OptimizerProgress } from './runSlice';
import type { Store } from './store';

export const selectExperiment = (s: Store) => s.experiment;
export const selectProblem = (s: Store) => s.experiment.problem;
export const selectWindow = (s: Store) => s.experiment.window;
export const selectGrid = (s: Store) => s.experiment.grid;
export const selectStart = (s: Store) => s.experiment.start;
export const selectSteps = (s: Store) => s.experiment.steps;
export const selectOptimizers = (s: Store) => s.experiment.optimizers;
/** One empty list, so that a selector returning "no optimizers" returns the same value each time. */
const NO_OPTIMIZERS: readonly OptimizerRunSpec[] = [];
/** The analytic experiment's optimizers (none when the experiment is about a network). */
export const selectAnalyticOptimizers = (s: Store): readonly OptimizerRunSpec[] =>
  isAnalyticExperiment(s.experiment) ? s.experiment.optimizers : NO_OPTIMIZERS;
/** The analytic problem, or null when the experiment is about a network. */
export const selectAnalyticProblem = (s: Store) => (s.experiment.problem.kind === 'analytic' ? s.experiment.problem : null);
export const selectView = (s: Store) => s.experiment.view;
export const selectLinkMessages = (s: Store) => s.linkMessages;
export const selectEditProblems = (s: Store) => s.editProblems;

export const selectRunStatus = (s: Store) => s.status;
/** One empty list, so that "no progress" is the same value each time. */
const NO_PROGRESS: readonly OptimizerProgress[] = [];
/** The optimizers' progress (none while the runs on screen are a network's). */
export const selectProgress = (s: Store): readonly OptimizerProgress[] => (s.runProgress.mode === 'analytic' ? s.runProgress.runs : NO_PROGRESS);
export const selectBackend = (s: Store) => s.backend;
export const selectBackendAttempts = (s: Store) => s.backendAttempts;
export const selectNotices = (s: Store) => s.notices;
export const selectError = (s: Store) => s.error;
export const selectSurfacePhase = (s: Store) => s.surfacePhase;

export const selectField = (s: Store) => s.field;
export const selectPaths = (s: Store) => s.paths;
export const selectMarkers = (s: Store) => s.markers;

/** The progress of the optimizer with `id` (undefined before its run exists). */
export const selectProgressOf = (id: string) => (s: Store) => selectProgress(s).find((p) => p.id === id);

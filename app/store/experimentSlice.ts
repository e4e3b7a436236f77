/**
 * The experiment slice: the serialisable configuration that the controls
 * edit and the URL hash mirrors. Every edit of the experiment, in every
 * slice, goes through one action, `editExperiment`: it applies the edit to a
 * copy and keeps the result only if it is valid, so the rest of the app
 * never sees a broken one; a refused edit leaves its reasons in
 * `editProblems` (shown on the page) and returns them to the control that
 * made it. The named edits below are written with it.
 */
import type { StateCreator } from 'zustand';
import type { AnalyticName } from '../../workers/engine/spec/functions';
import type { AnalyticOptimizerName } from '../../workers/engine/spec/optimizers/registry';
import { defaultRun } from '../../workers/engine/spec/runs';
import {
  analyticProblemSpec,
  defaultExperiment,
  isAnalyticExperiment,
  problemDefaults,
  validateExperiment,
  type AnalyticExperiment,
  type Experiment,
  type GridSize,
  type OptimizerRunSpec,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import type { ViewMode, Window2D } from '../../workers/engine/spec/vocabulary';
import type { Store } from './store';

/** Changes to one optimizer: its hyper-parameters or colour (a new `name` resets the hyper-parameters). */
export type OptimizerPatch = Partial<Omit<OptimizerRunSpec, 'id'>>;

/** An edit of the experiment: it changes `draft` (a copy of the experiment) in place, or returns the experiment to keep. */
export type ExperimentEdit<E extends Experiment = Experiment> = (draft: E) => E | void;

/** Why an edit was refused (the validation messages, joined with "; "), or null when it was kept. */
export type EditRefusal = string | null;

export interface ExperimentSlice {
  /**
   * The experiment on screen (the URL's content): an analytic one or a
   * network one, as `problem.kind` says. The function, window, start and
   * optimizer edits below apply to analytic experiments only (and are
   * ignored otherwise); network edits live in the network experiment slice.
   */
  experiment: Experiment;
  /** What was ignored when the experiment was read from a link (shown until dismissed). */
  linkMessages: string[];
  /** Why the last edit was refused (empty when it was accepted). */
  editProblems: string[];
  /**
   * The one way the experiment changes: applies `edit` to a copy and keeps
   * the result if `validateExperiment` accepts it, together with `alongside`
   * (other state that changes with it in the same update); otherwise keeps
   * the experiment, records the reasons in `editProblems` and returns them.
   */
  editExperiment(edit: ExperimentEdit, alongside?: Partial<Store>): EditRefusal;
  /** Replaces the whole experiment (from a link or a preset); `messages` say what the link got wrong. */
  loadExperiment(experiment: Experiment, messages: string[]): EditRefusal;
  dismissLinkMessages(): void;
  /**
   * Clears `editProblems` when the control whose edit was refused is set
   * back to the value the experiment holds (the refused edit no longer
   * stands; nothing else changes).
   */
  withdrawEditProblems(): void;
  /** Switches function; the window, start and scale become the new function's defaults. */
  setFunction(name: AnalyticName): EditRefusal;
  /** Sets the quadratic's condition number and/or rotation. */
  setQuadratic(parameters: { condition?: number; angleDeg?: number }): EditRefusal;
  setWindow(window: Partial<Window2D>): EditRefusal;
  /** Back to the function's own window. */
  resetWindow(): EditRefusal;
  setGrid(grid: Partial<GridSize>): EditRefusal;
  setStart(x: number, y: number): EditRefusal;
  setSteps(steps: number): EditRefusal;
  addOptimizer(name: AnalyticOptimizerName): EditRefusal;
  removeOptimizer(id: string): EditRefusal;
  updateOptimizer(id: string, patch: OptimizerPatch): EditRefusal;
  setViewMode(mode: ViewMode): EditRefusal;
  setLogScale(logScale: boolean): EditRefusal;
  setSeed(seed: number): EditRefusal;
}

export const createExperimentSlice: StateCreator<Store, [], [], ExperimentSlice> = (set, get) => {
  const editExperiment: ExperimentSlice['editExperiment'] = (edit, alongside) => get().editExperiment(edit, alongside);
  /** An edit that only means something for an analytic experiment (nothing happens, and nothing is refused, otherwise). */
  const editAnalytic = (edit: ExperimentEdit<AnalyticExperiment>): EditRefusal =>
    isAnalyticExperiment(get().experiment) ? editExperiment((draft) => edit(draft as AnalyticExperiment)) : null;

  return {
    experiment: defaultExperiment(),
    linkMessages: [],
    editProblems: [],
    editExperiment: (edit, alongside = {}) => {
      const draft = structuredClone(get().experiment);
      const next = edit(draft) ?? draft;
      const problems = validateExperiment(next);
      if (problems.length > 0) {
        set({ editProblems: problems });
        return problems.join('; ');
      }
      set({ ...alongside, experiment: next, editProblems: [] });
      return null;
    },
    loadExperiment: (experiment, messages) => {
      const { experiment: current, stashedExperiments } = get();
      const kind = current.problem.kind;
      // A link or preset of the other mode switches mode: the experiment left behind is kept, as a mode switch keeps it.
      const stashed = kind === experiment.problem.kind ? stashedExperiments : { ...stashedExperiments, [kind]: current };
      // A link's missing uploaded rows are set again by the link reader (urlSync.ts) after this.
      return editExperiment(() => experiment, { linkMessages: messages, stashedExperiments: stashed, missingUpload: null });
    },
    dismissLinkMessages: () => set({ linkMessages: [] }),
    withdrawEditProblems: () => {
      if (get().editProblems.length > 0) set({ editProblems: [] });
    },
    setFunction: (name) =>
      editAnalytic((draft) => {
        const problem = analyticProblemSpec(name);
        const defaults = problemDefaults(problem);
        return { ...draft, problem, window: defaults.window, start: defaults.start, view: { ...draft.view, logScale: defaults.logScale } };
      }),
    setQuadratic: (parameters) =>
      editAnalytic((draft) => {
        if (draft.problem.name !== 'quadratic') return;
        draft.problem = { ...draft.problem, ...parameters };
      }),
    setWindow: (window) =>
      editExperiment((draft) => {
        draft.window = { ...draft.window, ...window };
      }),
    resetWindow: () =>
      editAnalytic((draft) => {
        draft.window = problemDefaults(draft.problem).window;
      }),
    setGrid: (grid) =>
      editExperiment((draft) => {
        draft.grid = { ...draft.grid, ...grid };
      }),
    setStart: (x, y) =>
      editExperiment((draft) => {
        draft.start = [x, y];
      }),
    setSteps: (steps) =>
      editExperiment((draft) => {
        draft.steps = steps;
      }),
    addOptimizer: (name) =>
      editAnalytic((draft) => {
        if (draft.optimizers.length >= EXPERIMENT_LIMITS.optimizerCount.max) return;
        const ids = draft.optimizers.map((spec) => spec.id);
        draft.optimizers.push(defaultRun('analytic', name, draft.optimizers.length, ids));
      }),
    removeOptimizer: (id) =>
      editExperiment((draft) => {
        draft.optimizers = draft.optimizers.filter((spec) => spec.id !== id);
      }),
    updateOptimizer: (id, patch) =>
      editAnalytic((draft) => {
        draft.optimizers = draft.optimizers.map((spec, index) => {
          if (spec.id !== id) return spec;
          if (patch.name !== undefined && patch.name !== spec.name) {
            // Hyper-parameters differ between optimizers: start from the new one's defaults.
            return { ...defaultRun('analytic', patch.name, index), id: spec.id, color: patch.color ?? spec.color };
          }
          return { ...spec, ...patch };
        });
      }),
    setViewMode: (mode) =>
      editExperiment((draft) => {
        draft.view.mode = mode;
      }),
    setLogScale: (logScale) =>
      editExperiment((draft) => {
        draft.view.logScale = logScale;
      }),
    setSeed: (seed) =>
      editExperiment((draft) => {
        draft.seed = seed;
      }),
  };
};

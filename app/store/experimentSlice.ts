/**
 * The experiment slice: the serialisable configuration that the controls
 * edit and the URL hash mirrors. Every edit builds a new experiment and keeps
 * it only if it is valid, so the rest of the app never sees a broken one.
 */
import type { StateCreator } from 'zustand';
import type { AnalyticName } from '../../workers/engine/spec/functions';
import type { OptimizerName } from '../../workers/engine/spec/optimizers/config';
import {
  analyticProblemSpec,
  defaultExperiment,
  defaultOptimizerRun,
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
  /** Replaces the whole experiment (from a link); `messages` say what the link got wrong. */
  loadExperiment(experiment: Experiment, messages: string[]): void;
  dismissLinkMessages(): void;
  /** Switches function; the window, start and scale become the new function's defaults. */
  setFunction(name: AnalyticName): void;
  /** Sets the quadratic's condition number and/or rotation. */
  setQuadratic(parameters: { condition?: number; angleDeg?: number }): void;
  setWindow(window: Partial<Window2D>): void;
  /** Back to the function's own window. */
  resetWindow(): void;
  setGrid(grid: Partial<GridSize>): void;
  setStart(x: number, y: number): void;
  setSteps(steps: number): void;
  addOptimizer(name: OptimizerName): void;
  removeOptimizer(id: string): void;
  updateOptimizer(id: string, patch: OptimizerPatch): void;
  setViewMode(mode: ViewMode): void;
  setLogScale(logScale: boolean): void;
  setSeed(seed: number): void;
}

export const createExperimentSlice: StateCreator<Store, [], [], ExperimentSlice> = (set, get) => {
  /** Applies `edit` to a copy of the experiment and keeps the result only if it is valid. */
  const commit = (edit: (draft: Experiment) => Experiment | void) => {
    const draft = structuredClone(get().experiment);
    const next = edit(draft) ?? draft;
    const problems = validateExperiment(next);
    if (problems.length > 0) set({ editProblems: problems });
    else set({ experiment: next, editProblems: [] });
  };
  /** `commit` for edits that only mean something for an analytic experiment (nothing happens otherwise). */
  const commitAnalytic = (edit: (draft: AnalyticExperiment) => AnalyticExperiment | void) => {
    if (isAnalyticExperiment(get().experiment)) commit((draft) => edit(draft as AnalyticExperiment));
  };

  return {
    experiment: defaultExperiment(),
    linkMessages: [],
    editProblems: [],
    loadExperiment: (experiment, messages) =>
      set((state) => {
        const kind = state.experiment.problem.kind;
        // A link or preset of the other mode switches mode: the experiment left behind is kept, as a mode switch keeps it.
        const stashedExperiments = kind === experiment.problem.kind ? state.stashedExperiments : { ...state.stashedExperiments, [kind]: state.experiment };
        return { experiment, linkMessages: messages, editProblems: [], stashedExperiments };
      }),
    dismissLinkMessages: () => set({ linkMessages: [] }),
    setFunction: (name) =>
      commitAnalytic((draft) => {
        const problem = analyticProblemSpec(name);
        const defaults = problemDefaults(problem);
        return { ...draft, problem, window: defaults.window, start: defaults.start, view: { ...draft.view, logScale: defaults.logScale } };
      }),
    setQuadratic: (parameters) =>
      commitAnalytic((draft) => {
        if (draft.problem.name !== 'quadratic') return;
        draft.problem = { ...draft.problem, ...parameters };
      }),
    setWindow: (window) =>
      commit((draft) => {
        draft.window = { ...draft.window, ...window };
      }),
    resetWindow: () =>
      commitAnalytic((draft) => {
        draft.window = problemDefaults(draft.problem).window;
      }),
    setGrid: (grid) =>
      commit((draft) => {
        draft.grid = { ...draft.grid, ...grid };
      }),
    setStart: (x, y) =>
      commit((draft) => {
        draft.start = [x, y];
      }),
    setSteps: (steps) =>
      commit((draft) => {
        draft.steps = steps;
      }),
    addOptimizer: (name) =>
      commitAnalytic((draft) => {
        if (draft.optimizers.length >= EXPERIMENT_LIMITS.optimizerCount.max) return;
        const ids = draft.optimizers.map((spec) => spec.id);
        draft.optimizers.push(defaultOptimizerRun(name, draft.optimizers.length, ids));
      }),
    removeOptimizer: (id) =>
      commit((draft) => {
        draft.optimizers = draft.optimizers.filter((spec) => spec.id !== id);
      }),
    updateOptimizer: (id, patch) =>
      commitAnalytic((draft) => {
        draft.optimizers = draft.optimizers.map((spec, index) => {
          if (spec.id !== id) return spec;
          if (patch.name !== undefined && patch.name !== spec.name) {
            // Hyper-parameters differ between optimizers: start from the new one's defaults.
            return { ...defaultOptimizerRun(patch.name, index), id: spec.id, color: patch.color ?? spec.color };
          }
          return { ...spec, ...patch };
        });
      }),
    setViewMode: (mode) =>
      commit((draft) => {
        draft.view.mode = mode;
      }),
    setLogScale: (logScale) =>
      commit((draft) => {
        draft.view.logScale = logScale;
      }),
    setSeed: (seed) =>
      commit((draft) => {
        draft.seed = seed;
      }),
  };
};

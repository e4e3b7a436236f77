/**
 * Network experiments in the store: switching between the two modes
 * (analytic function | neural network), each keeping its last settings, and
 * the edits of a network experiment (data set, network, runs, schedule).
 * Every edit builds a new experiment and keeps it only if it is valid, as
 * the analytic edits do; edits made while the experiment is analytic are
 * ignored.
 */
import type { StateCreator } from 'zustand';
import type { DatasetName } from '../../workers/engine/spec/datasets';
import {
  defaultExperiment,
  defaultNetworkExperiment,
  isAnalyticExperiment,
  isNetworkExperiment,
  validateExperiment,
  type AnalyticExperiment,
  type NetworkExperiment,
  type NetworkRunSpec,
} from '../../workers/engine/spec/experiment';
import type { Activation } from '../../workers/engine/spec/mlp';
import type { NetworkInit } from '../../workers/engine/spec/networkProblem';
import { NETWORK_LIMITS, NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import { defaultNetworkRun } from '../../workers/engine/spec/networkRuns';
import type { NetworkOptimizerName } from '../../workers/engine/spec/optimizers/networkConfig';
import type { Store } from './store';

/** What the explorer shows: optimizers on a 2-D function, or networks trained on data. */
export type ExplorerMode = 'analytic' | 'network';

/** Changes to one run: its hyper-parameters, batch size or colour (a new `name` resets the hyper-parameters). */
export type NetworkRunPatch = Partial<Omit<NetworkRunSpec, 'id'>>;

/** Width given to a hidden layer added with "+": the width of the last one, or 8. */
const NEW_LAYER_WIDTH = 8;

/** The mode switch and the network experiment's edits. */
export interface NetworkExperimentSlice {
  /** Each mode's experiment as last left (the current mode's is `experiment`); restored when switching back. */
  stashedExperiments: { analytic: AnalyticExperiment | null; network: NetworkExperiment | null };
  /** Switches mode: the current experiment is kept for later, the other mode's comes back (or its default). */
  setMode(mode: ExplorerMode): void;
  /** Another data set, with its default options. */
  setDataset(name: DatasetName): void;
  setDatasetOption(key: string, value: number): void;
  setTestFraction(fraction: number): void;
  setDataSeed(seed: number): void;
  setHiddenWidth(layer: number, width: number): void;
  /** Appends a hidden layer (as wide as the last one). */
  addHiddenLayer(): void;
  /** Removes the last hidden layer. */
  removeHiddenLayer(): void;
  setActivation(activation: Activation): void;
  setInit(patch: Partial<NetworkInit>): void;
  setWeightDecay(weightDecay: number): void;
  setDropout(dropout: number): void;
  /** Adds a run of optimizer `name` (full batch, hyper-parameters at their defaults). */
  addNetworkRun(name: NetworkOptimizerName): void;
  updateNetworkRun(id: string, patch: NetworkRunPatch): void;
  setEvalEvery(evalEvery: number): void;
  setSharpnessEvery(sharpnessEvery: number): void;
}

/** The slice's state and actions, over the experiment slice's `experiment` and `editProblems`. */
export const createNetworkExperimentSlice: StateCreator<Store, [], [], NetworkExperimentSlice> = (set, get) => {
  /** Applies `edit` to a copy of the network experiment and keeps the result only if it is valid. */
  const commitNetwork = (edit: (draft: NetworkExperiment) => void) => {
    const current = get().experiment;
    if (!isNetworkExperiment(current)) return;
    const draft = structuredClone(current);
    edit(draft);
    const problems = validateExperiment(draft);
    if (problems.length > 0) set({ editProblems: problems });
    else set({ experiment: draft, editProblems: [] });
  };

  return {
    stashedExperiments: { analytic: null, network: null },

    setMode: (mode) => {
      const { experiment, stashedExperiments } = get();
      if (experiment.problem.kind === mode) return;
      const stashed = isAnalyticExperiment(experiment)
        ? { ...stashedExperiments, analytic: experiment }
        : { ...stashedExperiments, network: experiment as NetworkExperiment };
      const next = mode === 'network' ? (stashed.network ?? defaultNetworkExperiment()) : (stashed.analytic ?? defaultExperiment());
      // The other mode's runs stop; its results are not this mode's.
      set({ experiment: next, stashedExperiments: stashed, editProblems: [], status: 'idle' });
    },
    setDataset: (name) =>
      commitNetwork((draft) => {
        if (draft.problem.dataset === name) return;
        draft.problem.dataset = name;
        draft.problem.datasetOptions = {};
      }),
    setDatasetOption: (key, value) =>
      commitNetwork((draft) => {
        draft.problem.datasetOptions = { ...draft.problem.datasetOptions, [key]: value };
      }),
    setTestFraction: (fraction) => commitNetwork((draft) => void (draft.problem.testFraction = fraction)),
    setDataSeed: (seed) => commitNetwork((draft) => void (draft.problem.dataSeed = seed)),
    setHiddenWidth: (layer, width) =>
      commitNetwork((draft) => {
        if (layer >= 0 && layer < draft.problem.hidden.length) draft.problem.hidden[layer] = width;
      }),
    addHiddenLayer: () =>
      commitNetwork((draft) => {
        const hidden = draft.problem.hidden;
        if (hidden.length >= NETWORK_LIMITS.hiddenLayers.max) return;
        hidden.push(hidden[hidden.length - 1] ?? NEW_LAYER_WIDTH);
      }),
    removeHiddenLayer: () => commitNetwork((draft) => void draft.problem.hidden.pop()),
    setActivation: (activation) => commitNetwork((draft) => void (draft.problem.activation = activation)),
    setInit: (patch) => commitNetwork((draft) => void (draft.problem.init = { ...draft.problem.init, ...patch })),
    setWeightDecay: (weightDecay) => commitNetwork((draft) => void (draft.problem.weightDecay = weightDecay)),
    setDropout: (dropout) => commitNetwork((draft) => void (draft.problem.dropout = dropout)),
    addNetworkRun: (name) =>
      commitNetwork((draft) => {
        if (draft.optimizers.length >= NETWORK_TRAINING_LIMITS.runCount.max) return;
        const ids = draft.optimizers.map((run) => run.id);
        draft.optimizers.push(defaultNetworkRun(name, draft.optimizers.length, ids));
      }),
    updateNetworkRun: (id, patch) =>
      commitNetwork((draft) => {
        draft.optimizers = draft.optimizers.map((run, index) => {
          if (run.id !== id) return run;
          if (patch.name !== undefined && patch.name !== run.name) {
            // Hyper-parameters differ between optimizers: start from the new one's defaults, keep the rest.
            const fresh = defaultNetworkRun(patch.name, index, [], patch.batchSize ?? run.batchSize ?? 0);
            return { ...fresh, id: run.id, color: patch.color ?? run.color };
          }
          return { ...run, ...patch };
        });
      }),
    setEvalEvery: (evalEvery) => commitNetwork((draft) => void (draft.evalEvery = evalEvery)),
    setSharpnessEvery: (sharpnessEvery) => commitNetwork((draft) => void (draft.sharpnessEvery = sharpnessEvery)),
  };
};

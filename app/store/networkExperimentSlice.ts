/**
 * Network experiments in the store: switching between the two modes
 * (analytic function | neural network), each keeping its last settings, and
 * the edits of a network experiment (data set, network, runs, schedule).
 * Every edit goes through the experiment slice's `editExperiment` (kept
 * only if valid, the reasons returned otherwise); edits made while the
 * experiment is analytic are ignored.
 */
import type { StateCreator } from 'zustand';
import type { DatasetName } from '../../workers/engine/spec/datasets';
import {
  defaultExperiment,
  defaultNetworkExperiment,
  isAnalyticExperiment,
  isNetworkExperiment,
  type AnalyticExperiment,
  type NetworkExperiment,
  type NetworkRunSpec,
} from '../../workers/engine/spec/experiment';
import type { Activation } from '../../workers/engine/spec/mlp';
import type { NetworkInit } from '../../workers/engine/spec/networkProblem';
import { NETWORK_LIMITS, NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import type { OptimizerName } from '../../workers/engine/spec/optimizers/registry';
import { defaultRun } from '../../workers/engine/spec/runs';
import type { EditRefusal, ExperimentEdit } from './experimentSlice';
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
  setMode(mode: ExplorerMode): EditRefusal;
  /** Another generated data set, with its default options (uploaded data: `trainOnUpload`). */
  setDataset(name: DatasetName): EditRefusal;
  setDatasetOption(key: string, value: number): EditRefusal;
  setTestFraction(fraction: number): EditRefusal;
  setDataSeed(seed: number): EditRefusal;
  setHiddenWidth(layer: number, width: number): EditRefusal;
  /** Appends a hidden layer (as wide as the last one). */
  addHiddenLayer(): EditRefusal;
  /** Removes the last hidden layer. */
  removeHiddenLayer(): EditRefusal;
  setActivation(activation: Activation): EditRefusal;
  setInit(patch: Partial<NetworkInit>): EditRefusal;
  setWeightDecay(weightDecay: number): EditRefusal;
  setDropout(dropout: number): EditRefusal;
  /** Adds a run of optimizer `name` (full batch, hyper-parameters at their defaults). */
  addNetworkRun(name: OptimizerName): EditRefusal;
  updateNetworkRun(id: string, patch: NetworkRunPatch): EditRefusal;
  setEvalEvery(evalEvery: number): EditRefusal;
  setSharpnessEvery(sharpnessEvery: number): EditRefusal;
}

/** The slice's state and actions, over the experiment slice's `experiment` and `editProblems`. */
export const createNetworkExperimentSlice: StateCreator<Store, [], [], NetworkExperimentSlice> = (_set, get) => {
  /** An edit that only means something for a network experiment (nothing happens, and nothing is refused, otherwise). */
  const editNetwork = (edit: ExperimentEdit<NetworkExperiment>): EditRefusal =>
    isNetworkExperiment(get().experiment) ? get().editExperiment((draft) => edit(draft as NetworkExperiment)) : null;

  return {
    stashedExperiments: { analytic: null, network: null },

    setMode: (mode) => {
      const { experiment, stashedExperiments } = get();
      if (experiment.problem.kind === mode) return null;
      const stashed = isAnalyticExperiment(experiment)
        ? { ...stashedExperiments, analytic: experiment }
        : { ...stashedExperiments, network: experiment as NetworkExperiment };
      const next = mode === 'network' ? (stashed.network ?? defaultNetworkExperiment()) : (stashed.analytic ?? defaultExperiment());
      // The other mode's runs stop; its results are not this mode's.
      return get().editExperiment(() => next, { stashedExperiments: stashed, status: 'idle' });
    },
    setDataset: (name) =>
      editNetwork((draft) => {
        if (draft.problem.dataset === name) return;
        draft.problem.dataset = name;
        draft.problem.datasetOptions = {};
        // Uploaded rows belong to the uploaded data set (they stay remembered, see uploadSlice.ts).
        delete draft.problem.upload;
      }),
    setDatasetOption: (key, value) =>
      editNetwork((draft) => {
        draft.problem.datasetOptions = { ...draft.problem.datasetOptions, [key]: value };
      }),
    setTestFraction: (fraction) => editNetwork((draft) => void (draft.problem.testFraction = fraction)),
    setDataSeed: (seed) => editNetwork((draft) => void (draft.problem.dataSeed = seed)),
    setHiddenWidth: (layer, width) =>
      editNetwork((draft) => {
        if (layer >= 0 && layer < draft.problem.hidden.length) draft.problem.hidden[layer] = width;
      }),
    addHiddenLayer: () =>
      editNetwork((draft) => {
        const hidden = draft.problem.hidden;
        if (hidden.length >= NETWORK_LIMITS.hiddenLayers.max) return;
        hidden.push(hidden[hidden.length - 1] ?? NEW_LAYER_WIDTH);
      }),
    removeHiddenLayer: () => editNetwork((draft) => void draft.problem.hidden.pop()),
    setActivation: (activation) => editNetwork((draft) => void (draft.problem.activation = activation)),
    setInit: (patch) => editNetwork((draft) => void (draft.problem.init = { ...draft.problem.init, ...patch })),
    setWeightDecay: (weightDecay) => editNetwork((draft) => void (draft.problem.weightDecay = weightDecay)),
    setDropout: (dropout) => editNetwork((draft) => void (draft.problem.dropout = dropout)),
    addNetworkRun: (name) =>
      editNetwork((draft) => {
        if (draft.optimizers.length >= NETWORK_TRAINING_LIMITS.runCount.max) return;
        const ids = draft.optimizers.map((run) => run.id);
        draft.optimizers.push(defaultRun('network', name, draft.optimizers.length, ids));
      }),
    updateNetworkRun: (id, patch) =>
      editNetwork((draft) => {
        draft.optimizers = draft.optimizers.map((run, index) => {
          if (run.id !== id) return run;
          if (patch.name !== undefined && patch.name !== run.name) {
            // Hyper-parameters differ between optimizers: start from the new one's defaults, keep the rest.
            const fresh = defaultRun('network', patch.name, index, [], patch.batchSize ?? run.batchSize ?? 0);
            return { ...fresh, id: run.id, color: patch.color ?? run.color };
          }
          return { ...run, ...patch };
        });
      }),
    setEvalEvery: (evalEvery) => editNetwork((draft) => void (draft.evalEvery = evalEvery)),
    setSharpnessEvery: (sharpnessEvery) => editNetwork((draft) => void (draft.sharpnessEvery = sharpnessEvery)),
  };
};

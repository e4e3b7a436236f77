/**
 * The network presets:
 * - "Spiral: small vs large batch": gradient descent with η = 0.5 from one
 *   initialisation on minibatches of 8 and on the full batch, with the
 *   sharpness λ_max tracked. The full batch descends smoothly; the small
 *   batch falls more slowly and noisily per step (it sees 8 of 320 points),
 *   and its noise keeps it out of the sharpest regions (Keskar et al. 2017).
 * - "Edge of stability": the engine's EDGE_OF_STABILITY_PRESET (Cohen et al.
 *   2021), full-batch gradient descent whose λ_max climbs to 2/η and hovers
 *   there while the loss keeps falling, non-monotonically.
 */
import {
  defaultNetworkExperiment,
  defaultNetworkProblem,
  type NetworkExperiment,
  type NetworkRunSpec,
} from '../experiment';
import { NETWORK_TRAINING_LIMITS } from '../limits';
import { defaultRun } from '../runs';
import { EDGE_OF_STABILITY_PRESET, type TrainingPreset } from './edgeOfStability';
import type { ExperimentPreset } from './types';

/** Steps of the batch comparison: the full batch is near 100% training accuracy by then. */
export const BATCH_PRESET_STEPS = 600;

/** Sharpness measured every this many steps in the batch comparison. */
export const BATCH_PRESET_SHARPNESS_EVERY = 25;

/** The batch comparison's experiment (see the module comment). */
export function buildBatchSizeExperiment(): NetworkExperiment {
  const small = { ...defaultRun('network', 'sgd', 0, [], 8), lr: 0.5 };
  const full = { ...defaultRun('network', 'sgd', 1, [small.id], 0), lr: 0.5 };
  const experiment = defaultNetworkExperiment(defaultNetworkProblem(), [small, full]);
  return { ...experiment, steps: BATCH_PRESET_STEPS, sharpnessEvery: BATCH_PRESET_SHARPNESS_EVERY };
}

/**
 * An engine training preset as an experiment: its problem, steps, seed and
 * schedule, and its runs with every hyper-parameter they leave out at its
 * default (so the experiment reads the same in a link).
 */
export function experimentOfTrainingPreset(preset: Readonly<TrainingPreset>): NetworkExperiment {
  const runs: NetworkRunSpec[] = [];
  for (const [index, run] of preset.runs.entries()) {
    const spec = defaultRun('network', run.optimizer.name, index, runs.map((other) => other.id), run.batchSize);
    runs.push({ ...spec, ...run.optimizer, id: run.id, batchSize: run.batchSize });
  }
  const experiment = defaultNetworkExperiment(structuredClone(preset.problem), runs);
  return {
    ...experiment,
    steps: preset.steps,
    seed: preset.options.seed,
    evalEvery: preset.options.evalEvery ?? NETWORK_TRAINING_LIMITS.evalEvery.default,
    sharpnessEvery: preset.options.sharpness?.every ?? 0,
  };
}

/** Small versus full batch on the spiral. */
export const BATCH_SIZE_PRESET: ExperimentPreset = {
  id: 'spiral-batch-size',
  label: 'Spiral: small vs large batch',
  description:
    'Gradient descent on minibatches of 8 and on the full batch from one initialisation: compare the loss curves, the decision boundaries and the sharpness.',
  group: 'Neural networks',
  build: buildBatchSizeExperiment,
};

/** The edge of stability. */
export const EDGE_OF_STABILITY: ExperimentPreset = {
  id: 'edge-of-stability',
  label: 'Edge of stability',
  description: EDGE_OF_STABILITY_PRESET.description,
  group: 'Neural networks',
  build: () => experimentOfTrainingPreset(EDGE_OF_STABILITY_PRESET),
};

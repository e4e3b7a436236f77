/**
 * Ready-made training set-ups, as plain data (a problem, runs, options and a
 * step count) that the UI can load into an experiment.
 */
import type { NetworkProblem } from '../networkProblem';
import type { OptimizerConfig } from '../optimizers/registry';
import type { TrainingOptions } from '../networkRuns';

/** One run of a preset: an id, an optimizer (left-out hyper-parameters at their network defaults) and a batch size (0 = full batch). */
export interface PresetRun {
  id: string;
  optimizer: OptimizerConfig;
  batchSize: number;
}

/** A complete training experiment. */
export interface TrainingPreset {
  label: string;
  /** What to watch, in a sentence or two. */
  description: string;
  problem: NetworkProblem;
  runs: PresetRun[];
  options: TrainingOptions;
  /** Steps that show the effect. */
  steps: number;
}

/**
 * Edge of stability (Cohen et al. 2021): full-batch gradient descent with
 * η = 0.07 (2/η ≈ 28.6) on a 1-12-12-1 tanh network (193 parameters)
 * fitting the Chebyshev polynomial T₃ from 64 noisy samples with the mean
 * squared error.
 *
 * Measured (cpu and wasm backends agree to the digits below until the
 * dynamics turn chaotic): λ_max starts at 12.2 (0.43 · 2/η) and rises
 * steadily — progressive sharpening: 13.7 at step 100, 17.9 at 200, 25.1 at
 * 300 — reaching 28.2 at step 350. From step 400 on it hovers around 2/η in
 * a saw-tooth between 24 and 33 (0.85–1.16 · 2/η, mean 28.8), each overshoot
 * ended by a spike of the loss, while the loss keeps falling, non-
 * monotonically, from 0.81 to 0.03 by step 1000. Other initialisation seeds
 * give the same picture, the plateau reached between steps 150 and 650.
 */
export const EDGE_OF_STABILITY_PRESET: Readonly<TrainingPreset> = {
  label: 'Edge of stability',
  description:
    'Full-batch gradient descent on a small tanh network: the sharpness λ_max rises until it reaches 2/η, ' +
    'then hovers there while the loss keeps falling, non-monotonically.',
  problem: {
    kind: 'network',
    dataset: 'chebyshev',
    datasetOptions: { n: 64 },
    testFraction: 0,
    dataSeed: 1,
    hidden: [12, 12],
    activation: 'tanh',
    init: { scheme: 'glorot', scale: 1, seed: 2 },
    weightDecay: 0,
    dropout: 0,
  },
  runs: [{ id: 'gd', optimizer: { name: 'sgd', lr: 0.07 }, batchSize: 0 }],
  options: { seed: 1, evalEvery: 10, snapshotEvery: 1, sharpness: { every: 10, maxIterations: 20 } },
  steps: 1500,
};

/**
 * The serialisable description of a neural-network problem: which data set,
 * which network, how it is initialised and regularised. Plain data only, so
 * it can live in the experiment (and the URL) as the `{ kind: 'network' }`
 * member of the problem union; the main thread imports it for defaults and
 * validation (the network's shape comes from the data-set table, not from
 * generating the data).
 *
 * The objective trained is
 *   L(θ) = ℓ(θ) + (λ/2)‖θ‖²,
 * ℓ the mean data loss the task implies (regression → mse, binary →
 * sigmoid_ce, multiclass → softmax_ce; see `LossName`) and λ ≥ 0 the L2
 * weight decay. Its gradient is ∇ℓ + λθ and its Hessian ∇²ℓ + λI, both added
 * exactly (not by differentiating the penalty). Dropout (rate p) acts only on
 * the training gradient of first-order optimizers; every loss reported and
 * every curvature computed is of the evaluation network (no dropout).
 */
import { datasetShape, type DatasetName, type DatasetOptions, type DatasetShape, type DatasetTask } from './datasets';
import { UPLOADED_DATASET, heldRows, uploadedDataErrors, uploadedDataShape, type UploadedData, type UploadedDatasetName } from './uploadedData';
import { NETWORK_LIMITS } from './limits';
import { FIELD_LABELS } from './fieldLabels';
import { ACTIVATIONS, type Activation, type LossName } from './mlp';

/** How the kernels are drawn (biases always start at 0); see `initialization.ts`. */
export type InitScheme = 'glorot' | 'he' | 'normal';

/** Every initialisation scheme, in menu order. */
export const INIT_SCHEMES: readonly InitScheme[] = ['glorot', 'he', 'normal'];

/** The seeded initialisation of the kernels. */
export interface NetworkInit {
  scheme: InitScheme;
  /**
   * glorot and he: a gain multiplying the drawn weights (1 = the scheme as
   * published); normal: the standard deviation σ of N(0, σ²).
   */
  scale: number;
  seed: number;
}

/** A data set and a multi-layer perceptron trained on it. */
export interface NetworkProblem {
  kind: 'network';
  /** A generated data set, or `csv`: the rows of `upload`. */
  dataset: DatasetName | UploadedDatasetName;
  /** Generator options; missing ones take the data set's defaults (an uploaded data set takes none). */
  datasetOptions: DatasetOptions;
  /** The uploaded rows: present exactly when `dataset` is `csv`. */
  upload?: UploadedData;
  /** Fraction of the samples held out for testing, in `NETWORK_LIMITS.testFraction`; 0 = no test set. */
  testFraction: number;
  /** Seed of the data and of the train/test split. */
  dataSeed: number;
  /** Widths of the hidden layers, input side first; [] is a linear (or logistic) model. */
  hidden: number[];
  activation: Activation;
  init: NetworkInit;
  /** λ ≥ 0 of the penalty (λ/2)‖θ‖² added to the loss. */
  weightDecay: number;
  /** Probability p ∈ [0, 1) of dropping a hidden unit during training (inverted dropout). */
  dropout: number;
}

/** A two-class spiral, a 2-16-16-1 tanh network, Glorot initialisation, a fifth held out. */
export const DEFAULT_NETWORK_PROBLEM: Readonly<NetworkProblem> = {
  kind: 'network',
  dataset: 'spiral',
  datasetOptions: {},
  testFraction: 0.2,
  dataSeed: 1,
  hidden: [16, 16],
  activation: 'tanh',
  init: { scheme: 'glorot', scale: 1, seed: 1 },
  weightDecay: 0,
  dropout: 0,
};

/** A fresh copy of the default problem with `overrides` applied (nested objects replaced whole). */
export function networkProblem(overrides: Partial<NetworkProblem> = {}): NetworkProblem {
  return {
    ...DEFAULT_NETWORK_PROBLEM,
    datasetOptions: { ...DEFAULT_NETWORK_PROBLEM.datasetOptions },
    hidden: [...DEFAULT_NETWORK_PROBLEM.hidden],
    init: { ...DEFAULT_NETWORK_PROBLEM.init },
    ...overrides,
  };
}

/** The loss a task trains with: regression → mse, binary → sigmoid_ce, multiclass → softmax_ce. */
export function lossForTask(task: DatasetTask): LossName {
  switch (task) {
    case 'regression':
      return 'mse';
    case 'binary':
      return 'sigmoid_ce';
    case 'multiclass':
      return 'softmax_ce';
  }
}

/** The network a problem describes, once its data set's shape is known. */
export interface NetworkShape {
  task: DatasetTask;
  loss: LossName;
  /** [inputDim, ...hidden, outputDim]. */
  layers: number[];
  /** Σ_l (n_{l−1} + 1)·n_l. */
  paramCount: number;
}

/**
 * The task and widths of `problem`'s data: an uploaded data set's from its
 * rows, a generated one's from the table and its options (`datasetShape`).
 * Throws when uploaded data are missing.
 */
export function problemDataShape(problem: Pick<NetworkProblem, 'dataset' | 'datasetOptions' | 'upload'>): DatasetShape {
  if (problem.dataset !== UPLOADED_DATASET) return datasetShape(problem.dataset, problem.datasetOptions);
  return uploadedDataShape(heldRows(problem.upload));
}

/**
 * The layer sizes, loss and parameter count of `problem`'s network, from
 * its data set's description and options (see `datasetShape`, which also
 * validates the name and the options; throws a DatasetOptionError otherwise).
 */
export function networkShape(problem: NetworkProblem): NetworkShape {
  const data = problemDataShape(problem);
  const layers = [data.inputDim, ...problem.hidden, data.outputDim];
  let paramCount = 0;
  for (let l = 1; l < layers.length; l++) paramCount += (layers[l - 1] + 1) * layers[l];
  return { task: data.task, loss: lossForTask(data.task), layers, paramCount };
}

const isSeed = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= NETWORK_LIMITS.seed.max;

const inRange = (value: unknown, range: { min: number; max: number }) =>
  typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max;

/**
 * Every way `problem` breaks the rules, as sentences naming the field, the
 * accepted values and the value found; empty when it is valid.
 */
export function networkProblemErrors(problem: NetworkProblem): string[] {
  const errors: string[] = [];
  const limits = NETWORK_LIMITS;
  if (problem.kind !== 'network') errors.push(`kind must be "network", got "${String(problem.kind)}"`);
  if (!Array.isArray(problem.hidden) || problem.hidden.length > limits.hiddenLayers.max) {
    errors.push(`the network takes at most ${limits.hiddenLayers.max} ${FIELD_LABELS.hidden}, got ${JSON.stringify(problem.hidden)}`);
  } else {
    problem.hidden.forEach((width, layer) => {
      if (!Number.isInteger(width) || !inRange(width, limits.width)) {
        errors.push(`the width of hidden layer ${layer + 1} must be an integer from ${limits.width.min} to ${limits.width.max}, got ${width}`);
      }
    });
  }
  if (!ACTIVATIONS.includes(problem.activation)) {
    errors.push(`the ${FIELD_LABELS.activation} must be one of ${ACTIVATIONS.join(', ')}, got "${String(problem.activation)}"`);
  }
  if (!INIT_SCHEMES.includes(problem.init?.scheme)) {
    errors.push(`the ${FIELD_LABELS.initScheme} must be one of ${INIT_SCHEMES.join(', ')}, got "${String(problem.init?.scheme)}"`);
  }
  if (!inRange(problem.init?.scale, limits.initScale)) {
    errors.push(`the ${FIELD_LABELS.initScale} must be a number from ${limits.initScale.min} to ${limits.initScale.max}, got ${problem.init?.scale}`);
  }
  if (!isSeed(problem.init?.seed)) errors.push(`the ${FIELD_LABELS.initSeed} must be an integer from 0 to 2³² − 1, got ${problem.init?.seed}`);
  if (!isSeed(problem.dataSeed)) errors.push(`the ${FIELD_LABELS.dataSeed} must be an integer from 0 to 2³² − 1, got ${problem.dataSeed}`);
  if (!inRange(problem.weightDecay, limits.weightDecay)) {
    errors.push(`the ${FIELD_LABELS.weightDecay} must be a number from ${limits.weightDecay.min} to ${limits.weightDecay.max}, got ${problem.weightDecay}`);
  }
  if (!inRange(problem.dropout, limits.dropout)) {
    errors.push(`the ${FIELD_LABELS.dropout} must be a probability from ${limits.dropout.min} to ${limits.dropout.max}, got ${problem.dropout}`);
  }
  if (!inRange(problem.testFraction, limits.testFraction)) {
    errors.push(`the ${FIELD_LABELS.testFraction} must be a number from ${limits.testFraction.min} to ${limits.testFraction.max}, got ${problem.testFraction}`);
  }
  if (problem.dataset === UPLOADED_DATASET) {
    for (const fault of uploadedDataErrors(problem.upload)) errors.push(`the uploaded ${FIELD_LABELS.dataset}: ${fault}`);
    if (Object.keys(problem.datasetOptions ?? {}).length > 0) errors.push(`an uploaded ${FIELD_LABELS.dataset} takes no options`);
  } else if (problem.upload !== undefined) {
    errors.push(`only the uploaded ${FIELD_LABELS.dataset} (${UPLOADED_DATASET}) holds rows of its own`);
  }
  if (errors.length > 0) return errors;
  // The parameter count needs a known data set name and valid options.
  try {
    const { paramCount } = networkShape(problem);
    if (paramCount > limits.paramCount.max) {
      errors.push(`the network has ${paramCount} parameters; at most ${limits.paramCount.max} are allowed (narrow or remove hidden layers)`);
    }
  } catch (error) {
    errors.push(`the ${FIELD_LABELS.dataset}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return errors;
}

/** Throws a RangeError listing every problem `networkProblemErrors` finds. */
export function validateNetworkProblem(problem: NetworkProblem): void {
  const errors = networkProblemErrors(problem);
  if (errors.length > 0) throw new RangeError(`Invalid network problem: ${errors.join('; ')}`);
}

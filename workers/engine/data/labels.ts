/**
 * Class labels: drawing balanced labels, packing them into a `Dataset` in
 * the form its task needs, and reading them back.
 */
import type { Rng } from '../math/rng';
import type { Dataset } from './types';

/**
 * Labels for `n` samples over `classes` classes, as balanced as possible
 * (class c gets ⌊n/C⌋ samples, plus one for the first n mod C classes), in
 * a seeded random order so that no prefix of the data set is one class.
 */
export function balancedLabels(n: number, classes: number, rng: Rng): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = i % classes;
  rng.shuffle(labels);
  return labels;
}

/**
 * A classification data set from inputs and integer labels: two classes give
 * task `binary` (targets 0/1 as an n×1 `Float32Array`, one output), more give
 * task `multiclass` (the `Int32Array` labels themselves, `classes` outputs).
 */
export function classificationDataset(
  x: Float32Array,
  inputDim: number,
  labels: Int32Array,
  classNames: string[],
  featureNames: string[],
): Dataset {
  const n = labels.length;
  const classes = classNames.length;
  if (classes === 2) {
    return {
      x, n, inputDim, y: Float32Array.from(labels), outputDim: 1,
      task: 'binary', featureNames, classNames,
    };
  }
  return { x, n, inputDim, y: labels, outputDim: classes, task: 'multiclass', featureNames, classNames };
}

/**
 * The integer class label of every sample of a classification data set
 * (binary targets 0/1 become labels 0/1).
 */
export function labelsOf(dataset: Dataset): Int32Array {
  if (dataset.task === 'regression') {
    throw new TypeError('labelsOf: a regression data set has no class labels');
  }
  return dataset.y instanceof Int32Array ? dataset.y : Int32Array.from(dataset.y, (v) => (v > 0.5 ? 1 : 0));
}

/** Number of classes of a classification data set (2 for binary). */
export function classCount(dataset: Dataset): number {
  return dataset.task === 'binary' ? 2 : dataset.outputDim;
}

/**
 * Two classes of a classification data set as a binary task, for
 * sequential (continual) learning: task A on one pair of classes, task B on
 * another, both learnt by one network with one logit.
 */
import { classCount, labelsOf } from './labels';
import { subsetRows } from './subset';
import type { Dataset } from './types';
import { DatasetOptionError } from '../spec/datasets';

/**
 * The rows of classes `pair[0]` and `pair[1]` (in their original order),
 * relabelled 0 and 1: task 'binary', one output, targets as an n×1
 * Float32Array. Throws unless the data set has class labels and the pair
 * names two different classes it has, each with at least one row.
 */
export function classPairTask(dataset: Dataset, pair: readonly [number, number]): Dataset {
  if (dataset.task === 'regression') throw new DatasetOptionError('classPairTask: a regression data set has no classes');
  const classes = classCount(dataset);
  const [first, second] = pair;
  if (!Number.isInteger(first) || !Number.isInteger(second) || first === second || Math.min(first, second) < 0 || Math.max(first, second) >= classes) {
    throw new DatasetOptionError(`classPairTask: the pair must name two different classes of 0…${classes - 1}, got [${first}, ${second}]`);
  }
  const labels = labelsOf(dataset);
  const rows: number[] = [];
  labels.forEach((label, row) => {
    if (label === first || label === second) rows.push(row);
  });
  const targets = Float32Array.from(rows, (row) => (labels[row] === second ? 1 : 0));
  if (targets.every((y) => y === 0) || targets.every((y) => y === 1)) {
    throw new DatasetOptionError(`classPairTask: classes ${first} and ${second} do not both have rows`);
  }
  const subset = subsetRows(dataset, rows);
  return {
    ...subset,
    y: targets,
    outputDim: 1,
    task: 'binary',
    classNames: dataset.classNames === undefined ? undefined : [dataset.classNames[first], dataset.classNames[second]],
  };
}

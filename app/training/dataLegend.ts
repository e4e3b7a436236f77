/**
 * The text that goes with the data view's picture: the class legend and a
 * one-sentence description for screen readers.
 */
import { classColor } from './classColors';
import type { DataPoints, PredictionField } from '../plots/types';

/** One legend entry: a class's name and colour. */
export interface ClassEntry {
  name: string;
  color: string;
}

/** The class legend: one entry per class of the (first present) set, named by `classNames[k]` or "class k"; empty for regression. */
export function classEntries(points: DataPoints | null, classNames?: readonly string[]): ClassEntry[] {
  if (!points || points.task === 'regression') return [];
  const count = Math.max(points.classCount, points.task === 'binary' ? 2 : 0);
  return Array.from({ length: count }, (_, k) => ({ name: classNames?.[k] ?? `class ${k}`, color: classColor(k) }));
}

/** What the background (or curve) shows, in words. */
export function fieldMeaning(task: DataPoints['task'], inputDim: number): string {
  if (inputDim === 1) {
    if (task === 'regression') return 'curve: the network’s prediction';
    return task === 'binary' ? 'curve: predicted probability of class 1' : 'curve: predicted class';
  }
  if (task === 'regression') return 'background: predicted value';
  if (task === 'binary') return 'background: p(class 1), neutral at 0.5 (the decision boundary)';
  return 'background: predicted class, brighter where the network is more confident';
}

/**
 * A sentence describing the picture, e.g. "Data view: 200 training and 100
 * test points in 3 classes over the network's predicted class (grid 64 × 64)."
 */
export function describeDataView(train: DataPoints | null, test: DataPoints | null, prediction: PredictionField | null): string {
  const first = train ?? test;
  if (!first) return 'Data view: no data yet.';
  const counts = [train && `${train.n} training`, test && `${test.n} test`].filter(Boolean).join(' and ');
  const kind =
    first.task === 'regression' ? 'with regression targets' : `in ${Math.max(first.classCount, first.task === 'binary' ? 2 : 1)} classes`;
  const over = prediction
    ? first.inputDim === 1
      ? ` with the prediction curve (${prediction.nx} samples)`
      : ` over the network's prediction (grid ${prediction.nx} × ${prediction.ny})`
    : ', no prediction yet';
  return `Data view: ${counts} points ${kind}${over}.`;
}

/**
 * Seeded train/test split, stratified by class for classification so both
 * splits keep the class proportions of the whole set.
 */
import { Rng } from '../math/rng';
import { classCount, labelsOf } from './labels';
import { subsetRows } from './subset';
import type { Dataset } from './types';
import { DatasetOptionError } from '../spec/datasets';
import { MAX_TEST_FRACTION } from '../spec/limits';

/** The two splits and which rows of the original went where. */
export interface TrainTestSplit {
  train: Dataset;
  test: Dataset;
  /** Rows of the original data set in each split, ascending. */
  trainRows: Int32Array;
  testRows: Int32Array;
}

/**
 * How many test rows each stratum gets: stratum s of size m_s has the quota
 * q_s = m_s·f; each takes ⌊q_s⌋ and the remaining round(n·f) − Σ⌊q_s⌋ rows go
 * to the largest fractional parts (ties to the lower stratum), so the total
 * is exactly round(n·f). A stratum always keeps at least one training row.
 */
function testCounts(stratumSizes: number[], fraction: number): number[] {
  const total = stratumSizes.reduce((a, b) => a + b, 0);
  const quotas = stratumSizes.map((m) => m * fraction);
  const counts = quotas.map(Math.floor);
  let remaining = Math.round(total * fraction) - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, s) => ({ s, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || a.s - b.s);
  for (const { s } of byRemainder) {
    if (remaining <= 0) break;
    counts[s]++;
    remaining--;
  }
  return counts.map((c, s) => Math.min(c, Math.max(stratumSizes[s] - 1, 0)));
}

/**
 * Splits `dataset` into a training and a test set with about `testFraction`
 * of the rows in the test set. Classification data are split per class
 * (each class's rows shuffled by the seeded generator, the first quota to
 * test); regression data are split as one stratum. Same data, fraction and
 * seed → same split.
 */
export function trainTestSplit(dataset: Dataset, testFraction: number, seed: number): TrainTestSplit {
  if (!(testFraction >= 0 && testFraction <= MAX_TEST_FRACTION)) {
    throw new DatasetOptionError(`trainTestSplit: testFraction must be in [0, ${MAX_TEST_FRACTION}], got ${testFraction}`);
  }
  const strata: number[][] = [];
  if (dataset.task === 'regression') {
    strata.push(Array.from({ length: dataset.n }, (_, i) => i));
  } else {
    const labels = labelsOf(dataset);
    for (let c = 0; c < classCount(dataset); c++) strata.push([]);
    labels.forEach((label, i) => strata[label].push(i));
  }
  const rng = Rng.derive(seed, 'split');
  const counts = testCounts(strata.map((rows) => rows.length), testFraction);
  const isTest = new Uint8Array(dataset.n);
  strata.forEach((rows, s) => {
    rng.shuffle(rows);
    for (let r = 0; r < counts[s]; r++) isTest[rows[r]] = 1;
  });
  const testRows: number[] = [];
  const trainRows: number[] = [];
  for (let i = 0; i < dataset.n; i++) (isTest[i] ? testRows : trainRows).push(i);
  return {
    train: subsetRows(dataset, trainRows),
    test: subsetRows(dataset, testRows),
    trainRows: Int32Array.from(trainRows),
    testRows: Int32Array.from(testRows),
  };
}

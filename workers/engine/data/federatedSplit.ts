/**
 * Splitting a data set among K clients, as in federated learning.
 *
 * - 'iid': a seeded permutation of the rows cut into K parts whose sizes
 *   differ by at most one: every client sees the same distribution.
 * - 'dirichlet' (label skew; Hsu, Qi & Brown 2019, "Measuring the effects of
 *   non-identical data distribution for federated visual classification"):
 *   for each class c, shares p_c ~ Dirichlet(α·1_K) of its rows go to the
 *   K clients (the counts ⌊p_ck·n_c⌋, the rows left over to the largest
 *   remainders, so they sum to n_c). Large α approaches an even split of
 *   every class; small α gives each class to few clients. A draw leaving a
 *   client with fewer than `minSamples` rows is redrawn (from the next
 *   derived stream), up to 100 times.
 * Same data, scheme and seed → the same split.
 */
import { dirichletDraw } from '../math/dirichlet';
import { Rng } from '../math/rng';
import { classCount, labelsOf } from './labels';
import { subsetRows } from './subset';
import type { Dataset } from './types';
import { DatasetOptionError } from '../spec/datasets';

/** How the rows are shared out. */
export type FederatedScheme = { kind: 'iid' } | { kind: 'dirichlet'; alpha: number };

/** Most clients of a split. */
export const MAX_CLIENTS = 64;

/** The clients' data and where it came from. */
export interface FederatedSplit {
  clients: Dataset[];
  /** Rows of the original data set held by each client, ascending. */
  rows: Int32Array[];
  /** K × C row-major: samples of class c at client k (null for regression data). */
  labelCounts: Int32Array | null;
  classes: number;
}

/** Splits `dataset` among `clientCount` clients by `scheme` (see the module comment). */
export function federatedSplit(
  dataset: Dataset,
  clientCount: number,
  scheme: FederatedScheme,
  seed: number,
  options: { minSamples?: number } = {},
): FederatedSplit {
  const minSamples = options.minSamples ?? 1;
  if (!Number.isInteger(clientCount) || clientCount < 1 || clientCount > MAX_CLIENTS) {
    throw new DatasetOptionError(`federatedSplit: the number of clients must be an integer from 1 to ${MAX_CLIENTS}, got ${clientCount}`);
  }
  if (!Number.isInteger(minSamples) || minSamples < 1 || minSamples * clientCount > dataset.n) {
    throw new DatasetOptionError(`federatedSplit: ${clientCount} clients of at least ${minSamples} rows need more than the ${dataset.n} rows there are`);
  }
  let assignment: number[][];
  if (scheme.kind === 'iid') {
    assignment = iidAssignment(dataset.n, clientCount, seed);
  } else if (scheme.kind === 'dirichlet') {
    if (!(Number.isFinite(scheme.alpha) && scheme.alpha > 0)) {
      throw new DatasetOptionError(`federatedSplit: the Dirichlet concentration α must be a finite number > 0, got ${scheme.alpha}`);
    }
    if (dataset.task === 'regression') throw new DatasetOptionError('federatedSplit: label skew needs class labels; a regression data set can only be split iid');
    assignment = dirichletAssignment(dataset, clientCount, scheme.alpha, seed, minSamples);
  } else {
    throw new DatasetOptionError(`federatedSplit: unknown scheme "${String((scheme as { kind: unknown }).kind)}"`);
  }
  const rows = assignment.map((list) => Int32Array.from(list).sort());
  const classes = dataset.task === 'regression' ? 0 : classCount(dataset);
  let labelCounts: Int32Array | null = null;
  if (dataset.task !== 'regression') {
    const labels = labelsOf(dataset);
    labelCounts = new Int32Array(clientCount * classes);
    rows.forEach((list, k) => list.forEach((row) => labelCounts![k * classes + labels[row]]++));
  }
  return { clients: rows.map((list) => subsetRows(dataset, list)), rows, labelCounts, classes };
}

function iidAssignment(n: number, clientCount: number, seed: number): number[][] {
  const order = Rng.derive(seed, 'federated:iid').permutation(n);
  return Array.from({ length: clientCount }, (_, k) => {
    const start = Math.floor((k * n) / clientCount);
    const end = Math.floor(((k + 1) * n) / clientCount);
    return Array.from(order.subarray(start, end));
  });
}

function dirichletAssignment(dataset: Dataset, clientCount: number, alpha: number, seed: number, minSamples: number): number[][] {
  const labels = labelsOf(dataset);
  const classes = classCount(dataset);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, row) => byClass[label].push(row));
  for (let attempt = 0; attempt < 100; attempt++) {
    const rng = Rng.derive(seed, `federated:dirichlet:${attempt}`);
    const assignment: number[][] = Array.from({ length: clientCount }, () => []);
    for (const rows of byClass) {
      const shuffled = rng.shuffle([...rows]) as number[];
      const counts = largestRemainderCounts(dirichletDraw(rng, new Float64Array(clientCount).fill(alpha)), shuffled.length);
      let next = 0;
      counts.forEach((count, k) => {
        for (let r = 0; r < count; r++) assignment[k].push(shuffled[next++]);
      });
    }
    if (assignment.every((list) => list.length >= minSamples)) return assignment;
  }
  throw new DatasetOptionError(
    `federatedSplit: 100 Dirichlet draws with α = ${alpha} all left a client with fewer than ${minSamples} rows; raise α or lower the number of clients`,
  );
}

/** Integer counts ⌊p_k·m⌋ plus one for the largest remainders (ties to the lower k), summing to m. */
export function largestRemainderCounts(shares: ArrayLike<number>, total: number): Int32Array {
  const quotas = Array.from(shares, (p) => p * total);
  const counts = Int32Array.from(quotas, Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = quotas.map((q, k) => ({ k, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of order) {
    if (left <= 0) break;
    counts[k]++;
    left--;
  }
  return counts;
}

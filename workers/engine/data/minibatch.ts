/** The seeded order in which each epoch visits the training rows. */
import { Rng } from '../math/rng';
import { DatasetOptionError } from '../spec/datasets';

/**
 * The minibatches of one epoch: a random permutation of {0, …, n − 1}, drawn
 * from a generator derived from (seed, epoch), cut into consecutive batches
 * of `batchSize` rows; the last batch holds the n mod batchSize left over
 * (when nonzero). A batch size ≥ n gives one full batch. Same seed and epoch
 * → same order; every epoch has its own order.
 *
 * The batches are views (`subarray`) of one permutation array.
 */
export function minibatchOrder(n: number, batchSize: number, seed: number, epoch: number): Int32Array[] {
  if (!Number.isInteger(n) || n < 1) {
    throw new DatasetOptionError(`minibatchOrder: n must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new DatasetOptionError(`minibatchOrder: batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isInteger(epoch) || epoch < 0) {
    throw new DatasetOptionError(`minibatchOrder: epoch must be a non-negative integer, got ${epoch}`);
  }
  const order = Rng.derive(seed, `minibatch/epoch ${epoch}`).permutation(n);
  const batches: Int32Array[] = [];
  for (let start = 0; start < n; start += batchSize) {
    batches.push(order.subarray(start, Math.min(start + batchSize, n)));
  }
  return batches;
}

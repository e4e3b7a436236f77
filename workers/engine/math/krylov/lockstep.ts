/**
 * Independent iterative runs (SLQ probes, say) that each need one
 * matrix-vector product per step, advanced side by side so that their
 * products are computed together: when every unfinished run is waiting for
 * a product, all of them are evaluated in one batched call. A batched call
 * of K vectors costs far less than K single calls (one traced graph and one
 * set of kernel launches instead of K).
 */
import type { BatchProduct, MatVec } from './operator';

interface PendingProduct {
  vector: Float64Array;
  resolve: (product: Float64Array) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs `count` tasks concurrently; task k gets its own MatVec. A product is
 * computed once every task still running has asked for one (so a batch
 * holds one vector per running task), by one `batch` call. If a task or a
 * batch fails, every waiting and later product rejects with that error and
 * the returned promise rejects with it once all tasks have stopped.
 * Results are in task order.
 */
export async function inLockstep<T>(
  n: number,
  count: number,
  batch: BatchProduct,
  task: (matVec: MatVec, index: number) => Promise<T>,
): Promise<T[]> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`inLockstep: count must be a non-negative integer, got ${count}`);
  let running = count;
  let pending: PendingProduct[] = [];
  let failure: { error: unknown } | null = null;

  const flush = async () => {
    const waiting = pending;
    pending = [];
    if (failure !== null) {
      waiting.forEach((p) => p.reject(failure?.error));
      return;
    }
    try {
      const stacked = new Float64Array(waiting.length * n);
      waiting.forEach((p, k) => stacked.set(p.vector, k * n));
      const products = await batch(stacked, waiting.length);
      waiting.forEach((p, k) => p.resolve(products.slice(k * n, (k + 1) * n)));
    } catch (error) {
      failure ??= { error };
      waiting.forEach((p) => p.reject(error));
    }
  };
  const flushWhenAllWait = () => {
    if (pending.length > 0 && pending.length >= running) void flush();
  };

  const matVecFor: MatVec = (vector) =>
    new Promise<Float64Array>((resolve, reject) => {
      if (failure !== null) {
        reject(failure.error);
        return;
      }
      pending.push({ vector, resolve, reject });
      flushWhenAllWait();
    });

  const settled = await Promise.allSettled(
    Array.from({ length: count }, async (_, index) => {
      try {
        return await task(matVecFor, index);
      } catch (error) {
        failure ??= { error };
        throw error;
      } finally {
        running--;
        flushWhenAllWait();
      }
    }),
  );
  if (failure !== null) throw (failure as { error: unknown }).error;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

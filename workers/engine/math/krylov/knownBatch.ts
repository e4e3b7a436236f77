/**
 * For tests: the batched product of a known test operator.
 */
import type { KnownOperator } from './testOperators';
import type { BatchProduct } from './operator';

/** Row k of the result is A times row k of the input; `calls` records each call's size. */
export function knownBatch(op: KnownOperator): BatchProduct & { calls: number[] } {
  const calls: number[] = [];
  const batch = async (vectors: Float64Array, count: number): Promise<Float64Array> => {
    calls.push(count);
    const out = new Float64Array(count * op.n);
    for (let k = 0; k < count; k++) out.set(op.applyNow(vectors.subarray(k * op.n, (k + 1) * op.n)), k * op.n);
    return out;
  };
  return Object.assign(batch, { calls });
}

/**
 * For tests: the batched product of a known test operator, rounding its
 * inputs to float32 as a model's batched product does.
 */
import type { KnownOperator } from './testOperators';
import type { BatchProduct } from './operator';

/** Row k of the result is A times row k of the float32 input; `calls` records each call's size. */
export function knownBatch(op: KnownOperator): BatchProduct & { calls: number[] } {
  const calls: number[] = [];
  const batch = async (vectors: Float32Array, count: number): Promise<Float32Array> => {
    calls.push(count);
    const out = new Float32Array(count * op.n);
    for (let k = 0; k < count; k++) {
      out.set(op.applyNow(Float64Array.from(vectors.subarray(k * op.n, (k + 1) * op.n))), k * op.n);
    }
    return out;
  };
  return Object.assign(batch, { calls });
}

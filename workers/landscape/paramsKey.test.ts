import { describe, expect, it } from 'vitest';
import { paramsKey } from './paramsKey';

describe('paramsKey', () => {
  it('is equal for equal contents and differs for a change in one value or in length', () => {
    const a = Float32Array.of(0.1, -2, 3.5, 1e-7);
    expect(paramsKey(Float32Array.from(a))).toBe(paramsKey(a));
    const b = Float32Array.from(a);
    b[3] = 1.0000001e-7;
    expect(paramsKey(b)).not.toBe(paramsKey(a));
    expect(paramsKey(a.subarray(0, 3))).not.toBe(paramsKey(a));
    expect(paramsKey(a)).toMatch(/^4:[0-9a-f]{8}$/);
  });

  it('reads only the view it is given, not the whole buffer', () => {
    const buffer = Float32Array.of(9, 1, 2, 9);
    expect(paramsKey(buffer.subarray(1, 3))).toBe(paramsKey(Float32Array.of(1, 2)));
  });
});

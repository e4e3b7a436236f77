import { describe, expect, it } from 'vitest';
import { formatJson, parameterSummary, parseResults, valuesOf } from './results';

describe('formatJson', () => {
  it('puts arrays of plain values on one line, objects one key a line, and writes non-finite numbers as null', () => {
    const text = formatJson({ a: [1, 0.1, NaN, Infinity], b: { c: [[1, 2], [3, 4]], d: 'x' }, e: [], f: undefined });
    expect(text).toBe('{\n  "a": [1,0.1,null,null],\n  "b": {\n    "c": [[1,2],[3,4]],\n    "d": "x"\n  },\n  "e": []\n}');
    expect(JSON.parse(text)).toEqual({ a: [1, 0.1, null, null], b: { c: [[1, 2], [3, 4]], d: 'x' }, e: [] });
  });

  it('reads back every double exactly and refuses typed arrays', () => {
    const values = [Math.PI, 1 / 3, Math.fround(0.1), 5e-324, -1.7976931348623157e308];
    expect(JSON.parse(formatJson(values))).toEqual(values);
    expect(() => formatJson({ a: Float32Array.of(1) })).toThrow(/typed arrays/);
  });
});

describe('results helpers', () => {
  it('summarises a parameter vector: norms, distance from the start, range, mean magnitude', () => {
    expect(parameterSummary([3, -4], [0, 0])).toEqual({ count: 2, norm: 5, distanceFromStart: 5, min: -4, max: 3, meanAbs: 3.5 });
    expect(parameterSummary([1, 1], [1, 0]).distanceFromStart).toBe(1);
  });

  it('turns typed arrays into plain values with null for non-finite ones', () => {
    expect(valuesOf(Float32Array.of(0.5, NaN, -Infinity))).toEqual([0.5, null, null]);
  });

  it('refuses a document of another format', () => {
    expect(() => parseResults('{"format": "something-else/1"}')).toThrow(/loss-landscape-results\/1/);
    expect(() => parseResults('null')).toThrow(/not a results document/);
  });
});

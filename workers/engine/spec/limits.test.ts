import { describe, expect, it } from 'vitest';
import * as LIMITS from './limits';

type Range = { min?: number; max?: number; default?: number };

/** Every range of every table in limits.ts, named `TABLE.field`. */
function ranges(): [string, Range][] {
  const found: [string, Range][] = [];
  for (const [table, value] of Object.entries(LIMITS)) {
    if (typeof value !== 'object') continue;
    for (const [field, range] of Object.entries(value as Record<string, unknown>)) {
      if (typeof range === 'object' && range !== null) found.push([`${table}.${field}`, range as Range]);
    }
  }
  return found;
}

describe('the limits table', () => {
  it('has min ≤ default ≤ max in every range', () => {
    const all = ranges();
    expect(all.length).toBeGreaterThan(30);
    for (const [name, { min = -Infinity, max = Infinity, default: value }] of all) {
      expect(min, name).toBeLessThanOrEqual(max);
      if (value !== undefined) {
        expect(value, name).toBeGreaterThanOrEqual(min);
        expect(value, name).toBeLessThanOrEqual(max);
      }
    }
  });

  it('ties the limits that depend on each other', () => {
    expect(LIMITS.NETWORK_TRAINING_LIMITS.batchSize.max).toBe(LIMITS.DATASET_LIMITS.samples.max);
    expect(LIMITS.NETWORK_LIMITS.testFraction.max).toBe(LIMITS.MAX_TEST_FRACTION);
    // Dense second-order optimizers stop where the exact spectrum still goes on.
    expect(LIMITS.DENSE_CURVATURE_LIMIT).toBeLessThanOrEqual(LIMITS.MAX_EXACT_PARAMETERS);
    expect(LIMITS.LANDSCAPE_LIMITS.slicePoints.min).toBeLessThanOrEqual(LIMITS.LANDSCAPE_LIMITS.lineResolution.min);
    expect(LIMITS.LANDSCAPE_LIMITS.slicePoints.min).toBeLessThanOrEqual(LIMITS.LANDSCAPE_LIMITS.planeResolution.min);
  });
});

/**
 * Test helper: a line slice of five samples, α = −0.5, 0, …, 1.5, the
 * first two computed, with the marks of an interpolation (θ_A at α = 0,
 * θ_B at α = 1); `overrides` replaces any part.
 */
import type { LineSlice } from '../types';

export function lineSlice(overrides: Partial<LineSlice> = {}): LineSlice {
  return {
    alphas: Float64Array.from([-0.5, 0, 0.5, 1, 1.5]),
    trainLoss: Float32Array.from([2, 1, NaN, NaN, NaN]),
    testLoss: null,
    trainAccuracy: null,
    testAccuracy: null,
    marks: [
      { alpha: 0, label: 'θ_A' },
      { alpha: 1, label: 'θ_B' },
    ],
    done: 2,
    version: 1,
    ...overrides,
  };
}

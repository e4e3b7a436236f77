import { describe, expect, it } from 'vitest';
import { layerLayout, type MlpSpec } from '../spec/mlp';
import { initialParams, initVariance } from './initialization';
import type { NetworkInit } from '../spec/networkProblem';

const SPEC: MlpSpec = { layers: [64, 128, 96, 1], activation: 'tanh', loss: 'mse' };

/** Sample mean and variance of a kernel's entries (float64). */
function moments(values: Float32Array): { mean: number; variance: number; maxAbs: number } {
  let sum = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / values.length, maxAbs };
}

/** Bit-for-bit equality of two arrays (faster than a deep equality for long arrays). */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

function kernels(params: Float32Array): Float32Array[] {
  return layerLayout(SPEC).map(({ fanIn, fanOut, kernelOffset }) =>
    params.subarray(kernelOffset, kernelOffset + fanIn * fanOut),
  );
}

describe('initialParams', () => {
  const schemes: [NetworkInit, (fanIn: number, fanOut: number) => number][] = [
    [{ scheme: 'glorot', scale: 1, seed: 3 }, (fanIn, fanOut) => 2 / (fanIn + fanOut)],
    [{ scheme: 'glorot', scale: 0.5, seed: 3 }, (fanIn, fanOut) => 0.25 * (2 / (fanIn + fanOut))],
    [{ scheme: 'he', scale: 1, seed: 4 }, (fanIn) => 2 / fanIn],
    [{ scheme: 'normal', scale: 0.3, seed: 5 }, () => 0.09],
  ];
  for (const [init, expectedVariance] of schemes) {
    it(`${init.scheme} (scale ${init.scale}): kernel variances match the formula, biases are 0`, () => {
      const params = initialParams(SPEC, init);
      const layout = layerLayout(SPEC);
      kernels(params).forEach((kernel, l) => {
        const { fanIn, fanOut } = layout[l];
        const target = expectedVariance(fanIn, fanOut);
        expect(initVariance(init, fanIn, fanOut)).toBeCloseTo(target, 12);
        const { mean, variance } = moments(kernel);
        // The sample variance of m i.i.d. draws has relative std about √(2/m) (normal) or less (uniform).
        const tolerance = 5 * Math.sqrt(2 / kernel.length) + 1e-3;
        expect(Math.abs(variance / target - 1), `layer ${l + 1}`).toBeLessThan(tolerance);
        expect(Math.abs(mean), `layer ${l + 1}`).toBeLessThan(5 * Math.sqrt(target / kernel.length));
      });
      for (const { biasOffset, fanOut } of layout) {
        expect(Array.from(params.subarray(biasOffset, biasOffset + fanOut)).every((b) => b === 0)).toBe(true);
      }
    });
  }

  it('glorot draws stay inside ±g·√(6/(fanIn+fanOut)) and fill that interval', () => {
    const params = initialParams(SPEC, { scheme: 'glorot', scale: 2, seed: 9 });
    kernels(params).forEach((kernel, l) => {
      const { fanIn, fanOut } = layerLayout(SPEC)[l];
      const limit = 2 * Math.sqrt(6 / (fanIn + fanOut));
      const { maxAbs } = moments(kernel);
      expect(maxAbs).toBeLessThanOrEqual(limit);
      expect(maxAbs).toBeGreaterThan(0.95 * limit);
    });
  });

  it('is reproducible, differs between seeds, and keeps a layer when another layer changes', () => {
    const init: NetworkInit = { scheme: 'he', scale: 1, seed: 11 };
    const first = initialParams(SPEC, init);
    expect(sameValues(initialParams(SPEC, init), first)).toBe(true);
    expect(sameValues(initialParams(SPEC, { ...init, seed: 12 }), first)).toBe(false);
    const wider: MlpSpec = { ...SPEC, layers: [64, 128, 96, 3] };
    const firstKernel = 64 * 128;
    expect(sameValues(initialParams(wider, init).subarray(0, firstKernel), first.subarray(0, firstKernel))).toBe(true);
  });
});

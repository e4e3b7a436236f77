import { describe, expect, it } from 'vitest';
import { filterNormalize } from './filterNormalize';
import { layerLayout, paramCount, type MlpSpec } from '../spec/mlp';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';
import { randomDirection } from '../networks/testing/randomProblem';

describe('filterNormalize', () => {
  it.each(['tanh-2-8-1-mse.json', 'sigmoid-2-6-1-bce.json', 'relu-2-10-10-3-softmax.json', 'tanh-2-24-24-1-mse.json'])(
    'reproduces the filter-normalised direction of %s',
    async (file) => {
      const { fixture, spec, params } = await loadModelFixture(file);
      const { raw, filterNormalized } = fixture.direction!;
      const normalized = filterNormalize(spec, Float32Array.from(raw), params);
      const scale = Math.max(...filterNormalized!.map(Math.abs));
      normalized.forEach((value, i) => expect(Math.abs(value - filterNormalized![i])).toBeLessThanOrEqual(1e-5 * scale));
    },
  );

  it('gives every kernel column the norm of the weights’ column and the same direction, and zero biases', () => {
    const spec: MlpSpec = { layers: [3, 4, 2], activation: 'relu', loss: 'mse' };
    const size = paramCount(spec);
    const params = randomDirection(size, 1);
    const direction = randomDirection(size, 2);
    const normalized = filterNormalize(spec, direction, params);
    for (const { fanIn, fanOut, kernelOffset, biasOffset } of layerLayout(spec)) {
      for (let j = 0; j < fanOut; j++) {
        const column = (v: Float32Array) => Array.from({ length: fanIn }, (_, i) => v[kernelOffset + i * fanOut + j]);
        const norm = (v: number[]) => Math.hypot(...v);
        expect(norm(column(normalized))).toBeCloseTo(norm(column(params)), 5);
        const ratio = column(normalized)[0] / column(direction)[0];
        expect(ratio).toBeGreaterThan(0);
        column(normalized).forEach((value, i) => expect(value).toBeCloseTo(ratio * column(direction)[i], 5));
      }
      for (let j = 0; j < fanOut; j++) expect(normalized[biasOffset + j]).toBe(0);
    }
  });

  it('keeps a zero column zero', () => {
    const spec: MlpSpec = { layers: [2, 1], activation: 'linear', loss: 'mse' };
    expect(Array.from(filterNormalize(spec, new Float32Array(3), Float32Array.from([1, 2, 3])))).toEqual([0, 0, 0]);
  });

  it('rejects vectors of the wrong length', () => {
    const spec: MlpSpec = { layers: [2, 1], activation: 'linear', loss: 'mse' };
    expect(() => filterNormalize(spec, new Float32Array(2), new Float32Array(3))).toThrow(/vectors of 3 parameters/);
  });
});

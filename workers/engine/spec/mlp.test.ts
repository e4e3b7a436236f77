import { describe, expect, it } from 'vitest';
import { layerLayout, paramCount, validateSpec, type MlpSpec } from './mlp';

const spec = (layers: number[], loss: MlpSpec['loss'] = 'mse'): MlpSpec => ({ layers, activation: 'tanh', loss });

describe('paramCount', () => {
  it('counts (fanIn + 1)·fanOut per layer', () => {
    // 2·8 + 8 + 8·1 + 1
    expect(paramCount(spec([2, 8, 1]))).toBe(33);
    // 2·10 + 10 + 10·10 + 10 + 10·3 + 3
    expect(paramCount(spec([2, 10, 10, 3]))).toBe(173);
    expect(paramCount(spec([4, 3]))).toBe(15);
  });
});

describe('layerLayout', () => {
  it('places each kernel then its bias, back to back', () => {
    expect(layerLayout(spec([2, 8, 1]))).toEqual([
      { fanIn: 2, fanOut: 8, kernelOffset: 0, biasOffset: 16 },
      { fanIn: 8, fanOut: 1, kernelOffset: 24, biasOffset: 32 },
    ]);
  });

  it('ends exactly at paramCount', () => {
    const s = spec([3, 5, 4, 2]);
    const last = layerLayout(s).at(-1)!;
    expect(last.biasOffset + last.fanOut).toBe(paramCount(s));
  });
});

describe('validateSpec', () => {
  it('accepts a usable network', () => {
    expect(() => validateSpec({ layers: [2, 4, 3], activation: 'relu', loss: 'softmax_ce' })).not.toThrow();
  });

  it.each([
    [{ layers: [2], activation: 'tanh', loss: 'mse' }, /at least an input and an output/],
    [{ layers: [2, 0, 1], activation: 'tanh', loss: 'mse' }, /Layer size 1 must be a positive integer/],
    [{ layers: [2, 1.5, 1], activation: 'tanh', loss: 'mse' }, /Layer size 1/],
    [{ layers: [2, 1], activation: 'elu', loss: 'mse' }, /Unknown activation "elu"/],
    [{ layers: [2, 1], activation: 'tanh', loss: 'hinge' }, /Unknown loss "hinge"/],
    [{ layers: [2, 1], activation: 'tanh', loss: 'softmax_ce' }, /at least 2 outputs/],
  ])('rejects %j', (bad, message) => {
    expect(() => validateSpec(bad as MlpSpec)).toThrow(message);
  });
});

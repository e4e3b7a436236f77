import '../../testing/nodeGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkProblem } from '../../spec/networkProblem';
import type { MlpSpec } from '../../spec/mlp';
import { useTestBackend } from '../../testing/backend';
import { buildNetwork } from '../build';
import { MlpObjective } from '../objective';
import {
  chooseNetworkEngine,
  engineFromQuery,
  FAST_ENGINE_LIMITS,
  forwardMultiplyAdds,
  makeDataObjective,
  preferNetworkEngine,
  preferredNetworkEngine,
} from './engine';
import { FastMlpObjective } from './fastObjective';

beforeAll(async () => {
  await useTestBackend();
});

const DEFAULT_SPEC: MlpSpec = { layers: [2, 16, 16, 1], activation: 'tanh', loss: 'sigmoid_ce' };

describe('the network engine choice', () => {
  it('reads ?engine= and ignores anything else', () => {
    expect(engineFromQuery('?engine=fast')).toBe('fast');
    expect(engineFromQuery('?backend=wasm&engine=tfjs')).toBe('tfjs');
    expect(engineFromQuery('?engine=gpu')).toBe('auto');
    expect(engineFromQuery('')).toBe('auto');
  });

  it('counts a forward pass: samples · Σ (fanIn + 1) fanOut', () => {
    expect(forwardMultiplyAdds(DEFAULT_SPEC, 320)).toBe(320 * (3 * 16 + 17 * 16 + 17));
  });

  it('forces an engine when told, and otherwise picks by the measured limits', () => {
    expect(chooseNetworkEngine('tfjs', DEFAULT_SPEC, 320, 'cpu')).toBe('tfjs');
    expect(chooseNetworkEngine('fast', DEFAULT_SPEC, 320, 'webgpu')).toBe('fast');
    for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu']) {
      expect(chooseNetworkEngine('auto', DEFAULT_SPEC, 320, backend)).toBe('fast');
      const over = Math.floor(FAST_ENGINE_LIMITS[backend] / forwardMultiplyAdds(DEFAULT_SPEC, 1)) + 1;
      expect(chooseNetworkEngine('auto', DEFAULT_SPEC, over, backend)).toBe(Number.isFinite(FAST_ENGINE_LIMITS[backend]) ? 'tfjs' : 'fast');
    }
    expect(chooseNetworkEngine('auto', DEFAULT_SPEC, 320, 'some-new-backend')).toBe('tfjs');
  });

  it('buildNetwork follows the option, then the preferred setting', () => {
    const previous = preferredNetworkEngine();
    try {
      preferNetworkEngine('tfjs');
      const preferred = buildNetwork(networkProblem({ dataset: 'sine' }));
      const forced = buildNetwork(networkProblem({ dataset: 'sine' }), { engine: 'fast' });
      expect(preferred.engine).toBe('tfjs');
      expect(preferred.objective.data).toBeInstanceOf(MlpObjective);
      expect(forced.engine).toBe('fast');
      expect(forced.objective.data).toBeInstanceOf(FastMlpObjective);
      expect(forced.dataObjective(forced.train)).toBeInstanceOf(FastMlpObjective);
      preferred.dispose();
      forced.dispose();
    } finally {
      preferNetworkEngine(previous);
    }
  });

  it('makes either objective on request', () => {
    const data = { x: Float32Array.from([0, 1]), n: 2, inputDim: 1, y: Float32Array.from([1, 0]), outputDim: 1 };
    const spec: MlpSpec = { layers: [1, 2, 1], activation: 'tanh', loss: 'mse' };
    const tensor = makeDataObjective('tfjs', spec, data);
    expect(tensor).toBeInstanceOf(MlpObjective);
    tensor.dispose();
    expect(makeDataObjective('fast', spec, data)).toBeInstanceOf(FastMlpObjective);
  });
});

import '../../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../networks/build';
import { paramCount } from '../mlp';
import { useTestBackend } from '../../testing/backend';
import { resolveOptimizer } from '../optimizers/validate';
import { EDGE_OF_STABILITY_PRESET } from './edgeOfStability';
import { TrainingSession } from '../../training/runs';
import type { TrainingRunConfig } from '../networkRuns';

/** The preset's runs with their optimizers resolved, as a worker hands them to the engine. */
const presetRuns = (): TrainingRunConfig[] =>
  EDGE_OF_STABILITY_PRESET.runs.map((run) => ({ ...run, optimizer: resolveOptimizer(run.optimizer, 'network') }));
import type { SharpnessRecord } from '../../training/sharpness';

beforeAll(async () => {
  await useTestBackend();
});

describe('EDGE_OF_STABILITY_PRESET', () => {
  it('is a small full-batch gradient-descent set-up', () => {
    const preset = EDGE_OF_STABILITY_PRESET;
    expect(preset.runs).toHaveLength(1);
    expect(preset.runs[0].optimizer.name).toBe('sgd');
    expect(preset.runs[0].batchSize).toBe(0);
    expect(preset.problem.activation).toBe('tanh');
    expect(paramCount({ layers: [1, ...preset.problem.hidden, 1], activation: 'tanh', loss: 'mse' })).toBeLessThan(500);
    expect(preset.steps).toBeLessThanOrEqual(2000);
  });

  it('sharpens progressively to 2/η, then hovers there while the loss falls non-monotonically', async () => {
    const preset = EDGE_OF_STABILITY_PRESET;
    const network = buildNetwork(preset.problem);
    expect(network.spec.loss).toBe('mse');
    // Sharpness every 50 steps (not the preset's 10) and 800 of its steps keep the test fast.
    const session = new TrainingSession(network, presetRuns(), { ...preset.options, sharpness: { every: 50, maxIterations: 20 } });
    const losses: number[] = [];
    const sharpness: SharpnessRecord[] = [];
    for (let done = 0; done < 800; done += 100) {
      const { runs } = await session.step(100);
      expect(runs[0].divergence).toBeNull();
      losses.push(...runs[0].batchLosses);
      sharpness.push(...runs[0].sharpness);
    }
    session.dispose();
    network.dispose();

    const threshold = 2 / (preset.runs[0].optimizer.lr ?? Number.NaN);
    expect(sharpness[0].gradientDescentThreshold).toBeCloseTo(threshold, 10);
    // Progressive sharpening from well below the threshold …
    expect(sharpness[0].lambdaMax).toBeLessThan(0.5 * threshold);
    const reached = sharpness.findIndex((record) => record.lambdaMax >= 0.9 * threshold);
    expect(reached).toBeGreaterThan(0);
    expect(sharpness[reached].lambdaMax).toBeLessThan(1.1 * threshold);
    for (let k = 1; k <= reached; k++) expect(sharpness[k].lambdaMax).toBeGreaterThan(sharpness[k - 1].lambdaMax);
    // … then it stays near 2/η (gradient descent cannot settle where λ_max > 2/η) …
    for (const record of sharpness.slice(reached)) {
      expect(Math.abs(record.lambdaMax / threshold - 1), `step ${record.step}`).toBeLessThan(0.25);
    }
    // … while the loss keeps falling, though not monotonically.
    const afterwards = losses.slice(sharpness[reached].step);
    const rises = afterwards.filter((loss, i) => i > 0 && loss > afterwards[i - 1]).length;
    expect(rises).toBeGreaterThan(5);
    expect(losses[losses.length - 1]).toBeLessThan(0.1 * losses[0]);
    expect(Math.min(...afterwards.slice(-100))).toBeLessThan(afterwards[0]);
  });

  it('leaves no tensors behind', async () => {
    // Stepping (with sharpness) disposes its intermediates; dispose() frees the session's and the network's data.
    const before = tf.memory().numTensors;
    const network = buildNetwork(EDGE_OF_STABILITY_PRESET.problem);
    const session = new TrainingSession(network, presetRuns(), EDGE_OF_STABILITY_PRESET.options);
    await session.step(12);
    session.dispose();
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../experiment';
import { EDGE_OF_STABILITY_PRESET } from './edgeOfStability';
import { experimentToHash, hashToExperiment } from '../../../../app/url/hash';
import { BATCH_SIZE_PRESET, EDGE_OF_STABILITY, buildBatchSizeExperiment } from './networkPresets';
import { PRESETS } from './index';
import { INITIAL_PARAMS } from '../landscapeSettings';

describe('network presets', () => {
  it('are listed under "Neural networks", valid, and read back the same from their links', () => {
    for (const preset of [BATCH_SIZE_PRESET, EDGE_OF_STABILITY]) {
      expect(PRESETS).toContain(preset);
      expect(preset.group).toBe('Neural networks');
      const experiment = preset.build();
      expect(validateExperiment(experiment)).toEqual([]);
      expect(hashToExperiment(experimentToHash(experiment))).toEqual({ experiment, messages: [] });
    }
  });

  it('name only their own runs in the slice, so that every preset can compute its slice and spectrum', () => {
    for (const preset of PRESETS) {
      const experiment = preset.build();
      if (experiment.problem.kind !== 'network') continue;
      const ids = experiment.optimizers.map((run) => run.id);
      const { centre, runA, runB, origin, directions } = experiment.slice;
      for (const reference of [centre, runA, runB, origin]) expect([...ids, INITIAL_PARAMS], preset.id).toContain(reference);
      // The centre of a random or Hessian plane, and a trajectory's run, is a trained run.
      expect(ids, preset.id).toContain(centre);
      if (directions === 'interpolation') expect(runA).not.toBe(runB);
    }
    expect(EDGE_OF_STABILITY.build().slice).toMatchObject({ centre: 'gd', runA: 'gd', runB: INITIAL_PARAMS });
  });

  it('compare a minibatch of 8 with the full batch on the spiral, same optimizer, sharpness tracked', () => {
    const experiment = buildBatchSizeExperiment();
    expect(experiment.problem.dataset).toBe('spiral');
    const [small, full] = experiment.optimizers;
    expect([small.batchSize, full.batchSize]).toEqual([8, 0]);
    expect({ ...small, id: '', color: '', batchSize: 0 }).toEqual({ ...full, id: '', color: '', batchSize: 0 });
    expect(experiment.sharpnessEvery).toBeGreaterThan(0);
  });

  it('turn the engine’s edge-of-stability set-up into an experiment with the same problem, run, steps and schedule', () => {
    const experiment = EDGE_OF_STABILITY.build();
    expect(experiment.problem).toEqual(EDGE_OF_STABILITY_PRESET.problem);
    expect(experiment.problem).not.toBe(EDGE_OF_STABILITY_PRESET.problem);
    expect(experiment.optimizers).toHaveLength(1);
    expect(experiment.optimizers[0]).toMatchObject({ id: 'gd', name: 'sgd', lr: 0.07, batchSize: 0 });
    expect(experiment.steps).toBe(EDGE_OF_STABILITY_PRESET.steps);
    expect(experiment.seed).toBe(EDGE_OF_STABILITY_PRESET.options.seed);
    expect(experiment.evalEvery).toBe(EDGE_OF_STABILITY_PRESET.options.evalEvery);
    expect(experiment.sharpnessEvery).toBe(EDGE_OF_STABILITY_PRESET.options.sharpness?.every);
  });
});

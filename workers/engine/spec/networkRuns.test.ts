import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../training/runs';
import { NETWORK_OPTIMIZER_NAMES } from './optimizers/networkConfig';
import { NETWORK_OPTIMIZER_INFO, resolveNetworkOptimizer } from './optimizers/networkInfo';
import {
  batchSizeOf,
  defaultNetworkRun,
  networkRunConfig,
  networkRunsProblems,
  trainingScheduleProblems,
} from './networkRuns';
import { NETWORK_TRAINING_LIMITS } from './limits';
import { OPTIMIZER_COLORS } from './runIdentity';

describe('defaultNetworkRun', () => {
  it('sets exactly the hyper-parameters its optimizer lists, at their defaults, and the engine accepts it', () => {
    for (const name of NETWORK_OPTIMIZER_NAMES) {
      const spec = defaultNetworkRun(name, 0);
      const hyper = NETWORK_OPTIMIZER_INFO[name].hyperParameters;
      for (const { key, defaultValue } of hyper) expect(spec[key]).toBe(defaultValue);
      expect(Object.keys(spec).sort()).toEqual(['batchSize', 'color', 'id', 'name', ...hyper.map((h) => h.key)].sort());
      expect(() => resolveNetworkOptimizer(networkRunConfig(spec))).not.toThrow();
      expect(networkRunsProblems([spec], 100)).toEqual([]);
    }
  });

  it('takes the colour of its position, a fresh id and the batch size given', () => {
    const run = defaultNetworkRun('adam', 2, ['o1', 'o2'], 16);
    expect(run).toMatchObject({ id: 'o3', color: OPTIMIZER_COLORS[2], batchSize: 16 });
    expect(batchSizeOf(run)).toBe(16);
    expect(batchSizeOf({ ...run, batchSize: undefined })).toBe(0);
  });

  it('hands the engine the optimizer alone', () => {
    const config = networkRunConfig(defaultNetworkRun('momentum', 0, [], 4));
    expect(Object.keys(config).sort()).toEqual(['lr', 'momentum', 'name', 'warmupSteps']);
  });
});

describe('networkRunsProblems', () => {
  const sgd = (patch: object = {}) => ({ ...defaultNetworkRun('sgd', 0), ...patch });

  it('allows as many runs as the training session does, and at least one', () => {
    // The engine's training session refuses exactly what the experiment does (it reads the same limit).
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, optimizer: { name: 'sgd' as const }, batchSize: 0 }));
    expect(() => new TrainingSession({} as never, nine, { seed: 1 })).toThrow('needs 1 to 8 runs, got 9');
    expect(networkRunsProblems([], 10)[0]).toContain('needs 1 to 8 runs, got 0');
    const many = Array.from({ length: 9 }, (_, i) => ({ ...sgd(), id: `r${i}` }));
    expect(networkRunsProblems(many, 10)[0]).toContain('got 9');
  });

  it('names the run and field of a bad batch size, id, colour or hyper-parameter', () => {
    expect(networkRunsProblems([sgd({ batchSize: 2.5 })], 10)).toEqual([
      'runs[0].batchSize must be an integer from 0 (full batch) to 5000, got 2.5',
    ]);
    expect(networkRunsProblems([sgd({ batchSize: -1 })], 10)[0]).toContain('batchSize');
    expect(networkRunsProblems([sgd({ id: 'Bad Id' })], 10)[0]).toContain('runs[0].id');
    expect(networkRunsProblems([sgd({ color: 'red' })], 10)[0]).toContain('runs[0].color');
    expect(networkRunsProblems([sgd({ lr: -1 })], 10)[0]).toMatch(/^runs\[0\]: Optimizer sgd: lr must be a finite number > 0/);
    expect(networkRunsProblems([sgd({ name: 'lbfgs' })], 10)[0]).toContain('runs[0].name must be one of');
  });

  it('refuses repeated ids', () => {
    expect(networkRunsProblems([sgd(), sgd()], 10)).toEqual(['run ids must be unique, "o1" appears twice']);
  });

  it('offers the dense Newton methods only up to 1000 parameters, and the matrix-free ones beyond', () => {
    const newton = defaultNetworkRun('newton', 0);
    expect(networkRunsProblems([newton], 1000)).toEqual([]);
    expect(networkRunsProblems([newton], 1001)[0]).toContain('up to 1000 parameters; this network has 1001');
    expect(networkRunsProblems([defaultNetworkRun('hessian_free', 0)], 5000)).toEqual([]);
    // Unknown size (an invalid problem): no verdict on the size.
    expect(networkRunsProblems([newton], null)).toEqual([]);
  });
});

describe('trainingScheduleProblems', () => {
  it('accepts the defaults and names a bad interval with its range', () => {
    const { evalEvery, sharpnessEvery } = NETWORK_TRAINING_LIMITS;
    expect(trainingScheduleProblems({ evalEvery: evalEvery.default, sharpnessEvery: sharpnessEvery.default })).toEqual([]);
    expect(trainingScheduleProblems({ evalEvery: 0, sharpnessEvery: 0 })).toEqual([
      'evalEvery must be an integer from 1 to 1000, got 0',
    ]);
    expect(trainingScheduleProblems({ evalEvery: 10, sharpnessEvery: 1.5 })).toEqual([
      'sharpnessEvery must be an integer from 0 (off) to 1000, got 1.5',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, defaultNetworkProblem, isAnalyticExperiment, isNetworkExperiment, validateExperiment, type NetworkExperiment } from './experiment';
import { networkShape } from './networkProblem';
import { defaultRun } from './runs';
import { errorsAfterEdit } from '../testing/edits';

describe('defaultNetworkExperiment', () => {
  it('trains a 2-16-16-1 tanh network on the spiral with two gradient-descent runs: a minibatch of 16 and the full batch', () => {
    const experiment = defaultNetworkExperiment();
    expect(validateExperiment(experiment)).toEqual([]);
    expect(isNetworkExperiment(experiment)).toBe(true);
    expect(isAnalyticExperiment(experiment)).toBe(false);
    expect(experiment.problem.dataset).toBe('spiral');
    expect(networkShape(experiment.problem).layers).toEqual([2, 16, 16, 1]);
    expect(experiment.problem.activation).toBe('tanh');
    expect(experiment.optimizers.map((run) => [run.name, run.batchSize, run.lr])).toEqual([
      ['sgd', 16, 0.5],
      ['sgd', 0, 0.5],
    ]);
    expect(experiment.optimizers[0].color).not.toBe(experiment.optimizers[1].color);
    expect(experiment.steps).toBe(1500);
    expect(experiment.evalEvery).toBe(10);
    expect(experiment.sharpnessEvery).toBe(0);
  });

  it('returns a fresh object each time', () => {
    const first = defaultNetworkExperiment();
    first.problem.hidden.push(3);
    first.optimizers[0].lr = 9;
    expect(defaultNetworkExperiment().problem.hidden).toEqual([16, 16]);
    expect(defaultNetworkExperiment().optimizers[0].lr).toBe(0.5);
    expect(defaultNetworkProblem()).toEqual(defaultNetworkExperiment().problem);
  });

  it('keeps the analytic experiment analytic, with the training schedule at its defaults', () => {
    const experiment = defaultExperiment();
    expect(isAnalyticExperiment(experiment)).toBe(true);
    expect([experiment.evalEvery, experiment.sharpnessEvery]).toEqual([10, 0]);
  });
});

describe('validateExperiment on network experiments', () => {
  const broken = errorsAfterEdit<NetworkExperiment>(() => defaultNetworkExperiment(), validateExperiment);

  it('reports problems of the network problem by the names of its controls', () => {
    expect(broken((e) => (e.problem.hidden = [16, 0]))).toEqual([
      'the width of hidden layer 2 must be an integer from 1 to 128, got 0',
    ]);
    expect(broken((e) => (e.problem.testFraction = 0.95))[0]).toMatch(/^the test fraction must be/);
    expect(broken((e) => (e.problem.datasetOptions = { turns: 99 }))[0]).toMatch(/^the data set: spiral: turns/);
    expect(broken((e) => (e.problem.hidden = [128, 128, 128]))[0]).toContain('parameters; at most 10000');
  });

  it('reports the runs, the schedule and the common fields', () => {
    expect(broken((e) => (e.optimizers = []))[0]).toContain('needs 1 to 8 runs');
    expect(broken((e) => (e.optimizers[1].batchSize = 1e9))[0]).toContain('Gradient descent, batch 1000000000: the batch size must be an integer');
    expect(broken((e) => (e.evalEvery = 0))).toEqual(['evaluate every (steps) must be an integer from 1 to 1000, got 0']);
    expect(broken((e) => (e.sharpnessEvery = -1))[0]).toContain('sharpness every (steps)');
    expect(broken((e) => (e.steps = 0))[0]).toContain('steps must be an integer');
    expect(broken((e) => (e.seed = 1.5))[0]).toContain('seed');
  });

  it('accepts the network-only optimizers, and the dense Newton methods only on small networks', () => {
    expect(broken((e) => (e.optimizers = [defaultRun('network', 'trust_region', 0)]))).toEqual([]);
    expect(broken((e) => (e.optimizers = [defaultRun('network', 'newton', 0)]))).toEqual([]);
    const large = broken((e) => {
      e.problem.hidden = [40, 40];
      e.optimizers = [defaultRun('network', 'newton', 0)];
    });
    expect(large).toHaveLength(1);
    // 2-40-40-1: (2 + 1)·40 + (40 + 1)·40 + (40 + 1)·1 = 1801 parameters.
    expect(large[0]).toContain('this network has 1,801');
  });

  it('refuses an unknown kind of problem', () => {
    const experiment = defaultNetworkExperiment();
    (experiment.problem as { kind: string }).kind = 'quantum';
    expect(validateExperiment(experiment)).toContain('the mode must be "analytic" or "network", got "quantum"');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, isNetworkExperiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import { createAppStore } from './store';

const networkOf = (store: ReturnType<typeof createAppStore>): NetworkExperiment => {
  const experiment = store.getState().experiment;
  if (!isNetworkExperiment(experiment)) throw new Error('expected a network experiment');
  return experiment;
};

describe('mode switch', () => {
  it('starts analytic, switches to the default network experiment, and each mode keeps its last settings', () => {
    const store = createAppStore();
    store.getState().setSteps(123);
    store.getState().play();
    store.getState().setMode('network');
    expect(store.getState().experiment).toEqual(defaultNetworkExperiment());
    expect(store.getState().status).toBe('idle');
    store.getState().setHiddenWidth(1, 5);
    store.getState().setMode('analytic');
    expect(store.getState().experiment).toEqual({ ...defaultExperiment(), steps: 123 });
    store.getState().setMode('network');
    expect(networkOf(store).problem.hidden).toEqual([16, 5]);
  });

  it('keeps the experiment a link of the other mode replaces', () => {
    const store = createAppStore();
    store.getState().setSteps(77);
    store.getState().loadExperiment(defaultNetworkExperiment(), []);
    store.getState().setMode('analytic');
    expect(store.getState().experiment.steps).toBe(77);
  });

  it('ignores network edits while the experiment is analytic, and analytic ones while it is a network', () => {
    const store = createAppStore();
    const analytic = store.getState().experiment;
    store.getState().setDataset('moons');
    expect(store.getState().experiment).toBe(analytic);
    store.getState().setMode('network');
    const network = store.getState().experiment;
    store.getState().setFunction('beale');
    store.getState().addOptimizer('adam');
    expect(store.getState().experiment).toBe(network);
  });
});

describe('network edits', () => {
  const networkStore = () => {
    const store = createAppStore();
    store.getState().setMode('network');
    return store;
  };

  it('change the data set with its default options, and one option at a time', () => {
    const store = networkStore();
    store.getState().setDataset('moons');
    expect(networkOf(store).problem).toMatchObject({ dataset: 'moons', datasetOptions: {} });
    store.getState().setDatasetOption('noise', 0.2);
    expect(networkOf(store).problem.datasetOptions).toEqual({ noise: 0.2 });
  });

  it('refuse what the rules refuse, with the reason', () => {
    const store = networkStore();
    const before = store.getState().experiment;
    store.getState().setDatasetOption('noise', 3);
    expect(store.getState().experiment).toBe(before);
    expect(store.getState().editProblems[0]).toContain('noise must be a number in [0, 0.5], got 3');
    store.getState().removeOptimizer('o1');
    store.getState().removeOptimizer('o2');
    expect(store.getState().editProblems[0]).toContain('needs 1 to 8 runs, got 0');
    expect(networkOf(store).optimizers).toHaveLength(1);
  });

  it('add and remove hidden layers within the limits', () => {
    const store = networkStore();
    store.getState().addHiddenLayer();
    expect(networkOf(store).problem.hidden).toEqual([16, 16, 16]);
    for (let i = 0; i < 5; i++) store.getState().removeHiddenLayer();
    expect(networkOf(store).problem.hidden).toEqual([]);
    for (let i = 0; i < 9; i++) store.getState().addHiddenLayer();
    expect(networkOf(store).problem.hidden).toEqual([8, 8, 8, 8, 8, 8]);
  });

  it('add runs and change their optimizer, keeping id, colour and batch size', () => {
    const store = networkStore();
    store.getState().addNetworkRun('adam');
    const added = networkOf(store).optimizers[2];
    expect([added.id, added.name, added.batchSize]).toEqual(['o3', 'adam', 0]);
    store.getState().updateNetworkRun('o1', { name: 'trust_region' });
    const changed = networkOf(store).optimizers[0];
    expect(changed).toMatchObject({ id: 'o1', name: 'trust_region', batchSize: 16, color: defaultNetworkExperiment().optimizers[0].color });
    expect(changed.lr).toBeUndefined();
    store.getState().updateNetworkRun('o2', { batchSize: 32, lr: 0.05 });
    expect(networkOf(store).optimizers[1]).toMatchObject({ batchSize: 32, lr: 0.05 });
  });

  it('set the evaluation and sharpness intervals', () => {
    const store = networkStore();
    store.getState().setEvalEvery(25);
    store.getState().setSharpnessEvery(50);
    expect([networkOf(store).evalEvery, networkOf(store).sharpnessEvery]).toEqual([25, 50]);
    store.getState().setEvalEvery(0);
    expect(networkOf(store).evalEvery).toBe(25);
  });
});

import { describe, expect, it } from 'vitest';
import { analyticInfo } from '../../workers/engine/analytic/info';
import { defaultExperiment } from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { hyperParameterSpecs } from '../../workers/engine/spec/optimizers/registry';
import { appendToPath, emptyPath } from './resultsSlice';
import { sameData } from './sameData';
import { createAppStore } from './store';

describe('experiment slice', () => {
  it('switching function brings that function’s window, start and scale, and keeps the rest', () => {
    const store = createAppStore();
    store.getState().setSteps(77);
    store.getState().setFunction('saddle');
    const { experiment } = store.getState();
    const info = analyticInfo({ name: 'saddle' });
    expect(experiment.problem).toEqual({ kind: 'analytic', name: 'saddle' });
    expect(experiment.window).toEqual(info.window);
    expect(experiment.start).toEqual(info.start);
    expect(experiment.view.logScale).toBe(info.logScale);
    expect(experiment.steps).toBe(77);
  });

  it('refuses an invalid edit, says why, and keeps the experiment', () => {
    const store = createAppStore();
    const before = store.getState().experiment;
    store.getState().setGrid({ nx: 100_000 });
    expect(store.getState().experiment).toBe(before);
    expect(store.getState().editProblems[0]).toContain('grid.nx');
    store.getState().setGrid({ nx: 128 });
    expect(store.getState().experiment.grid.nx).toBe(128);
    expect(store.getState().editProblems).toEqual([]);
  });

  it('refuses a reversed window', () => {
    const store = createAppStore();
    store.getState().setWindow({ xMin: 5 });
    expect(store.getState().experiment.window).toEqual(defaultExperiment().window);
    expect(store.getState().editProblems).toHaveLength(1);
  });

  it('sets the quadratic’s parameters only on the quadratic', () => {
    const store = createAppStore();
    store.getState().setQuadratic({ condition: 50 });
    expect(store.getState().experiment.problem).not.toHaveProperty('condition');
    store.getState().setFunction('quadratic');
    store.getState().setQuadratic({ condition: 50 });
    store.getState().setQuadratic({ angleDeg: -10 });
    expect(store.getState().experiment.problem).toMatchObject({ condition: 50, angleDeg: -10 });
  });

  it('adds optimizers with fresh ids and colours, up to the limit, and removes them', () => {
    const store = createAppStore();
    for (let i = 0; i < 10; i++) store.getState().addOptimizer('momentum');
    const optimizers = store.getState().experiment.optimizers;
    expect(optimizers).toHaveLength(EXPERIMENT_LIMITS.optimizerCount.max);
    expect(new Set(optimizers.map((o) => o.id)).size).toBe(optimizers.length);
    expect(new Set(optimizers.map((o) => o.color)).size).toBe(optimizers.length);
    store.getState().removeOptimizer(optimizers[0].id);
    expect(store.getState().experiment.optimizers.map((o) => o.id)).toEqual(optimizers.slice(1).map((o) => o.id));
  });

  it('changing an optimizer’s kind resets its hyper-parameters but keeps its id and colour', () => {
    const store = createAppStore();
    const [first] = store.getState().experiment.optimizers;
    store.getState().updateOptimizer(first.id, { lr: 0.123 });
    expect(store.getState().experiment.optimizers[0].lr).toBe(0.123);
    store.getState().updateOptimizer(first.id, { name: 'rmsprop' });
    const changed = store.getState().experiment.optimizers[0];
    expect(changed).toMatchObject({ id: first.id, color: first.color, name: 'rmsprop' });
    expect(changed.lr).toBe(hyperParameterSpecs('rmsprop', 'analytic')[0].defaultValue);
    expect(changed.rho).toBe(0.9);
  });
});

describe('editExperiment, the one way the experiment changes', () => {
  it('returns why a named edit was refused, of either mode and of the slice settings, and null when it was kept', () => {
    const store = createAppStore();
    const refused = store.getState().setGrid({ nx: 100_000 });
    expect(refused).toBe(store.getState().editProblems.join('; '));
    expect(refused).toContain('grid.nx');
    expect(store.getState().setGrid({ nx: 64 })).toBeNull();
    expect(store.getState().editProblems).toEqual([]);
    expect(store.getState().setSliceSettings({ resolution: -3 })).toMatch(/resolution/);
    store.getState().setMode('network');
    const network = store.getState().experiment;
    expect(store.getState().setHiddenWidth(0, 0)).toMatch(/hidden/);
    expect(store.getState().experiment).toBe(network);
    expect(store.getState().setHiddenWidth(0, 3)).toBeNull();
    // An analytic edit of a network experiment is ignored, not refused.
    expect(store.getState().setFunction('saddle')).toBeNull();
    expect(store.getState().experiment.problem.kind).toBe('network');
  });

  it('keeps state that changes with the edit in the same update, and nothing of it when the edit is refused', () => {
    const store = createAppStore();
    const updates: number[] = [];
    store.subscribe(() => updates.push(store.getState().experiment.steps));
    expect(store.getState().editExperiment((draft) => void (draft.steps = 12), { status: 'paused' })).toBeNull();
    expect(store.getState()).toMatchObject({ status: 'paused', experiment: { steps: 12 } });
    expect(store.getState().editExperiment(() => ({ ...defaultExperiment(), steps: -1 }), { status: 'running' })).toMatch(/steps/);
    expect(store.getState()).toMatchObject({ status: 'paused', experiment: { steps: 12 } });
    // One update per edit: the accepted one, and the refusal's problems.
    expect(updates).toEqual([12, 12]);
  });

  it('lets a session follow one part of the experiment by value: a copy with the same contents starts nothing', () => {
    const store = createAppStore();
    const windows: unknown[] = [];
    store.subscribe((state) => state.experiment.window, (window) => windows.push(window), { equalityFn: sameData });
    store.getState().setSteps(33);
    store.getState().setWindow({ ...store.getState().experiment.window });
    expect(windows).toEqual([]);
    store.getState().setWindow({ xMin: -1.5 });
    expect(windows).toEqual([store.getState().experiment.window]);
  });
});

describe('run slice', () => {
  it('plays, pauses, single-steps and resets', () => {
    const store = createAppStore();
    store.getState().togglePlay();
    expect(store.getState().status).toBe('running');
    store.getState().togglePlay();
    expect(store.getState().status).toBe('paused');
    const steps = store.getState().stepRequests;
    store.getState().stepOnce();
    expect(store.getState().stepRequests).toBe(steps + 1);
    const resets = store.getState().resetRequests;
    store.getState().reset();
    expect(store.getState()).toMatchObject({ status: 'idle', resetRequests: resets + 1 });
  });

  it('playing a finished run starts it again', () => {
    const store = createAppStore();
    store.getState().setStatus('done');
    const resets = store.getState().resetRequests;
    store.getState().play();
    expect(store.getState()).toMatchObject({ status: 'running', resetRequests: resets + 1 });
  });
});

describe('paths', () => {
  it('appends in place and bumps the version', () => {
    const path = emptyPath({ id: 'a', label: 'A', color: '#ffffff' }, 3);
    const once = appendToPath(path, Float64Array.of(1, 2), Float64Array.of(5), 'running');
    const twice = appendToPath(once, Float64Array.of(3, 4, 5, 6), Float64Array.of(7, 8), 'done');
    expect(twice.points).toBe(path.points);
    expect(Array.from(twice.points)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(twice.losses)).toEqual([5, 7, 8]);
    expect([twice.length, twice.version, twice.status]).toEqual([3, 2, 'done']);
    expect(() => appendToPath(twice, Float64Array.of(0, 0), Float64Array.of(0), 'done')).toThrow(/capacity/);
  });
});

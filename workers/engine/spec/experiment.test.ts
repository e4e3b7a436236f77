import { describe, expect, it } from 'vitest';
import { analyticInfo } from '../analytic/info';
import { ANALYTIC_NAMES } from './functions';
import { analyticProblemOf, analyticProblemSpec, defaultExperiment, validateExperiment, type Experiment } from './experiment';
import { EXPERIMENT_LIMITS } from './limits';
import { defaultRun } from './runs';
import { errorsAfterEdit } from '../testing/edits';

describe('defaultExperiment', () => {
  it('is valid for every analytic function and uses its teaching window and start', () => {
    for (const name of ANALYTIC_NAMES) {
      const experiment = defaultExperiment(analyticProblemSpec(name));
      const info = analyticInfo(analyticProblemOf(experiment.problem));
      expect(validateExperiment(experiment)).toEqual([]);
      expect(experiment.window).toEqual(info.window);
      expect(experiment.start).toEqual(info.start);
      expect(experiment.view.logScale).toBe(info.logScale);
    }
  });

  it('starts with gradient descent and Adam, in different colours, on a 256 × 256 grid', () => {
    const experiment = defaultExperiment();
    expect(experiment.problem).toEqual({ kind: 'analytic', name: 'rosenbrock' });
    expect(experiment.optimizers.map((spec) => spec.name)).toEqual(['sgd', 'adam']);
    expect(experiment.optimizers[0].color).not.toBe(experiment.optimizers[1].color);
    expect(experiment.optimizers[0].id).not.toBe(experiment.optimizers[1].id);
    expect(experiment.grid).toEqual({ nx: 256, ny: 256 });
  });

  it('returns a fresh object each time (callers may edit it)', () => {
    const first = defaultExperiment();
    first.window.xMin = 99;
    first.start[0] = 99;
    expect(defaultExperiment().window.xMin).not.toBe(99);
    expect(defaultExperiment().start[0]).not.toBe(99);
  });
});

describe('validateExperiment', () => {
  const broken = errorsAfterEdit<Experiment>(() => defaultExperiment(), validateExperiment);

  it('names the field, the rule and the value', () => {
    expect(broken((e) => (e.grid.nx = 100_000))).toEqual([
      `grid columns must be an integer from ${EXPERIMENT_LIMITS.gridSide.min} to ${EXPERIMENT_LIMITS.gridSide.max}, got 100000`,
    ]);
    expect(broken((e) => (e.steps = 2.5))[0]).toContain('steps must be an integer');
    expect(broken((e) => (e.start = [Number.NaN, 0]))[0]).toContain('start x');
    expect(broken((e) => (e.seed = -1))[0]).toContain('seed');
    expect(broken((e) => (e.version = 7))[0]).toContain('version must be 1');
  });

  it('rejects a reversed or empty window', () => {
    expect(broken((e) => (e.window = { xMin: 1, xMax: -1, yMin: 0, yMax: 1 }))[0]).toContain('window x from must be below x to');
    expect(broken((e) => (e.window = { xMin: 0, xMax: 1, yMin: 2, yMax: 2 }))[0]).toContain('window y from must be below y to');
    expect(broken((e) => (e.window.xMax = Infinity))[0]).toContain("the window's x range");
  });

  it('rejects unknown functions and out-of-range quadratic parameters', () => {
    expect(broken((e) => (e.problem = { kind: 'analytic', name: 'sphere' as never }))[0]).toContain('the function must be one of');
    expect(broken((e) => (e.problem = { kind: 'analytic', name: 'quadratic', condition: 0.5 }))[0]).toContain(
      'the condition κ must be a number from 1',
    );
  });

  it('names a bad hyper-parameter by its run’s label and its control’s label', () => {
    const problems = broken((e) => (e.optimizers[1].beta1 = 1));
    expect(problems).toEqual(['Adam: first-moment decay β1 must be in [0, 1), got 1']);
  });

  it('rejects unknown optimizers, duplicate ids, bad colours and too many optimizers', () => {
    expect(broken((e) => (e.optimizers[0].name = 'lbfgs' as never))[0]).toContain('optimizer 1: the optimizer must be one of Gradient descent, Momentum');
    expect(broken((e) => (e.optimizers[1].id = e.optimizers[0].id))).toEqual([
      'two optimizers have the same id "o1"; ids must be unique',
    ]);
    expect(broken((e) => (e.optimizers[0].color = 'red'))[0]).toContain('#rrggbb');
    const tooMany = broken((e) => {
      e.optimizers = Array.from({ length: 9 }, (_, i) => defaultRun('analytic', 'sgd', i, [`o${i}`]));
      e.optimizers.forEach((spec, i) => (spec.id = `x${i}`));
    });
    expect(tooMany).toEqual(['at most 8 optimizers, got 9']);
  });

  it('reports every problem at once', () => {
    const problems = broken((e) => {
      e.grid.ny = 1;
      e.steps = 0;
      e.view.mode = 'flat' as never;
    });
    expect(problems).toHaveLength(3);
  });
});

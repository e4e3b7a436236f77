import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../training/runs';
import { runCountLimits } from './experiment';
import { PROBLEM_KINDS, hyperParameterSpecs, optimizerNamesFor } from './optimizers/registry';
import { resolveOptimizer } from './optimizers/validate';
import { OPTIMIZER_COLORS, freshOptimizerId } from './runIdentity';
import { batchSizeOf, checkRuns, defaultRun, optimizerConfigOf, type RunSpec } from './runs';

/** The problems of network runs `runs` on a network of `paramCount` parameters. */
const networkRunsProblems = (runs: readonly RunSpec[], paramCount: number | null) =>
  checkRuns('network', runs, runCountLimits('network'), paramCount).problems;

describe('defaultRun', () => {
  it.each(PROBLEM_KINDS)('sets exactly the hyper-parameters each %s method lists, at their defaults, and the validator accepts them', (kind) => {
    for (const name of optimizerNamesFor(kind)) {
      const spec = defaultRun(kind, name, 0);
      const hyper = hyperParameterSpecs(name, kind);
      for (const { key, defaultValue } of hyper) expect(spec[key]).toBe(defaultValue);
      const batched = kind === 'network' ? ['batchSize'] : [];
      expect(Object.keys(spec).sort()).toEqual([...batched, 'color', 'id', 'name', ...hyper.map((h) => h.key)].sort());
      expect(() => resolveOptimizer(optimizerConfigOf(spec), kind)).not.toThrow();
      expect(checkRuns(kind, [spec], runCountLimits(kind), 100).problems).toEqual([]);
    }
  });

  it('cycles through the colours and avoids taken ids', () => {
    expect(defaultRun('analytic', 'adam', OPTIMIZER_COLORS.length + 1).color).toBe(OPTIMIZER_COLORS[1]);
    expect(freshOptimizerId(['o1', 'o3'])).toBe('o2');
    expect(defaultRun('analytic', 'sgd', 0, ['o1']).id).toBe('o2');
  });

  it('takes the colour of its position, a fresh id and the batch size given', () => {
    const run = defaultRun('network', 'adam', 2, ['o1', 'o2'], 16);
    expect(run).toMatchObject({ id: 'o3', color: OPTIMIZER_COLORS[2], batchSize: 16 });
    expect(batchSizeOf(run)).toBe(16);
    expect(batchSizeOf({ ...run, batchSize: undefined })).toBe(0);
  });

  it('hands the engine the optimizer alone', () => {
    const config = optimizerConfigOf(defaultRun('network', 'momentum', 0, [], 4));
    expect(Object.keys(config).sort()).toEqual(['lr', 'momentum', 'name', 'warmupSteps']);
  });
});

describe('checkRuns of a network experiment', () => {
  const sgd = (patch: object = {}) => ({ ...defaultRun('network', 'sgd', 0), ...patch });

  it('allows as many runs as the training session does, and at least one', () => {
    // The engine's training session refuses exactly what the experiment does (it reads the same limit).
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, optimizer: resolveOptimizer({ name: 'sgd', lr: 0.1 }, 'network'), batchSize: 0 }));
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
    const newton = defaultRun('network', 'newton', 0);
    expect(networkRunsProblems([newton], 1000)).toEqual([]);
    expect(networkRunsProblems([newton], 1001)[0]).toContain('up to 1000 parameters; this network has 1001');
    expect(networkRunsProblems([defaultRun('network', 'hessian_free', 0)], 5000)).toEqual([]);
    // Unknown size (an invalid problem): no verdict on the size.
    expect(networkRunsProblems([newton], null)).toEqual([]);
  });
});


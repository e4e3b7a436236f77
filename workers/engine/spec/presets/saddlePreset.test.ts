import '../../testing/nodeGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyticTrajectory } from '../../analytic/run';
import { analyticProblemOf, checkedExperiment, validateExperiment } from '../experiment';
import { useTestBackend } from '../../testing/backend';
import { SADDLE_PRESET, buildSaddleExperiment } from './saddlePreset';

beforeAll(async () => {
  await useTestBackend();
});

describe('the saddle preset', () => {
  it('is a valid experiment on x² − y² with gradient descent, Newton and saddle-free Newton', () => {
    expect(validateExperiment(SADDLE_PRESET.build())).toEqual([]);
    const experiment = buildSaddleExperiment();
    expect(experiment.problem.name).toBe('saddle');
    expect(experiment.optimizers.map((spec) => spec.name)).toEqual(['sgd', 'newton', 'saddle_free_newton']);
    expect(new Set(experiment.optimizers.map((spec) => spec.id)).size).toBe(3);
    // A fresh experiment each time.
    experiment.start[0] = 42;
    expect(buildSaddleExperiment().start[0]).not.toBe(42);
  });

  it('shows what it promises: Newton ends on the saddle, saddle-free Newton escapes, gradient descent lingers near it', async () => {
    const experiment = buildSaddleExperiment();
    const problem = analyticProblemOf(experiment.problem);
    const checked = checkedExperiment(experiment);
    if (checked.kind !== 'analytic') throw new Error('the saddle preset is an analytic experiment');
    const finalPoint = async (index: number) => {
      const { path, divergedAt } = await analyticTrajectory(problem, checked.optimizers[index], experiment.start, experiment.steps);
      expect(divergedAt).toBeNull();
      return [path[path.length - 2], path[path.length - 1]];
    };
    const [gd, newton, saddleFree] = [await finalPoint(0), await finalPoint(1), await finalPoint(2)];
    expect(Math.hypot(newton[0], newton[1])).toBeLessThan(1e-6);
    // Out of the plotted window (|y| ≤ 1.5), with x converged.
    expect(Math.abs(saddleFree[1])).toBeGreaterThan(1.5);
    expect(Math.abs(saddleFree[0])).toBeLessThan(1e-2);
    // Gradient descent is still near the saddle: both coordinates small but not zero.
    expect(Math.hypot(gd[0], gd[1])).toBeLessThan(0.3);
    expect(Math.abs(gd[0])).toBeGreaterThan(0.05);
    expect(Math.abs(gd[1])).toBeGreaterThan(0.01);
  });
});

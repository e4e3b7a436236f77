import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { analyticTrajectory, AnalyticRuns, DIVERGENCE_BOUND } from './run';
import { loadAnalyticFixtures, type AnalyticReference } from '../fixtures/testing/referenceVectors';
import { maxAbs, maxAbsDifference, reference } from './testing/referenceForms';
import type { OptimizerConfig } from '../spec/optimizers/registry';
import { resolveOptimizer } from '../spec/optimizers/validate';

/** `config` checked, as the worker's entry (or the fixture reader) checks it before the engine runs it. */
const rule = (config: OptimizerConfig) => resolveOptimizer(config, 'analytic');

beforeAll(async () => {
  await useTestBackend();
});

/** The fixture README's trajectory rule: max abs error ≤ 1e-3 × max(1, max abs coordinate). */
function expectPathMatches(actual: Float64Array, expected: [number, number][], label: string): void {
  const flat = expected.flat();
  expect(actual.length, label).toBe(flat.length);
  expect(maxAbsDifference(actual, flat), label).toBeLessThanOrEqual(1e-3 * Math.max(1, maxAbs(flat)));
}

const FIXTURES: AnalyticReference[] = loadAnalyticFixtures();

describe('fixture trajectories', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.file}: every trajectory, all optimizers stepped together`, async () => {
      const { trajectories } = fixture.expected;
      const runs = new AnalyticRuns(
        { name: fixture.function },
        trajectories.map((t) => rule(t.optimizer)),
        fixture.params,
      );
      const paths = trajectories.map(() => [...fixture.params]);
      const longest = Math.max(...trajectories.map((t) => t.steps));
      // Uneven chunks: streaming in pieces must not change the result.
      for (let done = 0; done < longest; ) {
        const chunk = Math.min(7, longest - done);
        const batch = await runs.step(chunk);
        batch.runs.forEach((run, i) => {
          expect(run.firstStep).toBe(done + 1);
          expect(run.divergence, trajectories[i].optimizer.name).toBeNull();
          paths[i].push(...run.points);
        });
        done += chunk;
      }
      trajectories.forEach((trajectory, i) => {
        const label = `${fixture.file} ${trajectory.optimizer.name}`;
        expectPathMatches(Float64Array.from(paths[i].slice(0, 2 * (trajectory.steps + 1))), trajectory.path, label);
      });
    });
  }

  it('analyticTrajectory reproduces a trajectory of each fixture and reports f along it', async () => {
    for (const fixture of FIXTURES) {
      // The Newton run if there is one: the optimizer most sensitive to the Hessian.
      const trajectories = fixture.expected.trajectories;
      const trajectory = trajectories.find((t) => t.optimizer.name === 'newton') ?? trajectories[0];
      const problem = { name: fixture.function };
      const result = await analyticTrajectory(problem, rule(trajectory.optimizer), fixture.params, trajectory.steps);
      expect(result.divergedAt).toBeNull();
      expectPathMatches(result.path, trajectory.path, `${fixture.file} ${trajectory.optimizer.name}`);
      expect(result.losses.length).toBe(trajectory.steps + 1);
      for (let t = 0; t <= trajectory.steps; t++) {
        const f = reference(problem, result.path[2 * t], result.path[2 * t + 1]).f;
        expect(Math.abs(result.losses[t] - f)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(f)));
      }
    }
  });
});

describe('divergence', () => {
  /** The step at which float64 SGD first leaves |x|, |y| ≤ 1e6 (independent of the engine). */
  function sgdEscapeStep(lr: number, start: [number, number]): { step: number; path: number[] } {
    let [x, y] = start;
    const path = [x, y];
    for (let t = 1; t < 100; t++) {
      const { grad } = reference({ name: 'rosenbrock' }, x, y);
      x -= lr * grad[0];
      y -= lr * grad[1];
      if (!(Math.max(Math.abs(x), Math.abs(y)) <= DIVERGENCE_BOUND)) return { step: t, path };
      path.push(x, y);
    }
    throw new Error('no divergence');
  }

  it('SGD with lr 1 on Rosenbrock stops at the step that leaves the bounded region', async () => {
    const start: [number, number] = [-1.5, 2];
    const expected = sgdEscapeStep(1, start);
    const result = await analyticTrajectory({ name: 'rosenbrock' }, rule({ name: 'sgd', lr: 1 }), start, 50);
    expect(result.divergedAt).toBe(expected.step);
    // The path holds the start and each accepted point, not the diverged one.
    expect(result.path.length).toBe(2 * expected.step);
    expect(result.losses.length).toBe(expected.step);
    expect(maxAbsDifference(result.path, expected.path)).toBeLessThanOrEqual(1e-3 * maxAbs(expected.path));
  });

  it('stops a diverged run with a message naming the step while the others go on', async () => {
    const runs = new AnalyticRuns(
      { name: 'rosenbrock' },
      [
        rule({ name: 'sgd', lr: 1 }),
        rule({ name: 'adam', lr: 0.02 }),
      ],
      [-1.5, 2],
    );
    const expected = sgdEscapeStep(1, [-1.5, 2]).step;
    const batch = await runs.step(5);
    const [sgd, adam] = batch.runs;
    expect(batch.live).toBe(1);
    expect(sgd.divergedAt).toBe(expected);
    expect(sgd.divergence).toMatch(new RegExp(`^Gradient descent diverged at step ${expected}: the point .* left`));
    expect(sgd.points.length).toBe(2 * (expected - 1));
    expect(sgd.stepCount).toBe(expected - 1);
    expect(adam.divergence).toBeNull();
    expect(adam.points.length).toBe(10);
    expect(adam.stepCount).toBe(5);
    const next = await runs.step(3);
    expect(next.runs[0].points.length).toBe(0);
    expect(next.runs[0].divergence).toBe(sgd.divergence);
    expect(next.runs[1].firstStep).toBe(6);
    expect(next.runs[1].points.length).toBe(6);
  });

  it('reports a loss that overflows float32 (Beale, SGD with lr 0.1)', async () => {
    // Two float64 SGD steps from (1, 1.5): the second lands near (1e5, 1e5), inside the ±1e6
    // bound, where x·y³ ≈ 1e20 and f ≈ 1e40 exceeds float32's largest value 3.4e38.
    const problem = { name: 'beale' as const };
    let point = [1, 1.5];
    for (let t = 0; t < 2; t++) {
      const { grad } = reference(problem, point[0], point[1]);
      point = point.map((p, i) => p - 0.1 * grad[i]);
    }
    expect(Math.max(...point.map(Math.abs))).toBeLessThan(DIVERGENCE_BOUND);
    expect(reference(problem, point[0], point[1]).f).toBeGreaterThan(3.5e38);
    const result = await analyticTrajectory(problem, rule({ name: 'sgd', lr: 0.1 }), [1, 1.5], 10);
    expect(result.divergedAt).toBe(2);
    expect(result.path.length).toBe(4);
    const runs = new AnalyticRuns(problem, [rule({ name: 'sgd', lr: 0.1 })], [1, 1.5]);
    const [run] = (await runs.step(10)).runs;
    expect(run.divergence).toMatch(/diverged at step 2: the loss became Infinity/);
  });
});

describe('AnalyticRuns', () => {
  it('reports f and ‖∇f‖ at each new point and at the start', async () => {
    const problem = { name: 'himmelblau' as const };
    const runs = new AnalyticRuns(problem, [rule({ name: 'momentum', lr: 0.001 })], [0.5, 0.5]);
    const start = await runs.initial();
    expect(start.loss).toBeCloseTo(144.125, 3);
    expect(start.gradNorm).toBeCloseTo(Math.hypot(33, 33), 3);
    const [run] = (await runs.step(4)).runs;
    for (let k = 0; k < 4; k++) {
      const at = reference(problem, run.points[2 * k], run.points[2 * k + 1]);
      expect(Math.abs(run.losses[k] - at.f)).toBeLessThanOrEqual(1e-5 * at.f);
      expect(Math.abs(run.gradNorms[k] - Math.hypot(...at.grad))).toBeLessThanOrEqual(1e-4 * Math.hypot(...at.grad));
    }
  });

  it('applies warm-up along the path (saddle: x_t = x_{t−1} (1 − 2 η_t), y_t = y_{t−1} (1 + 2 η_t))', async () => {
    const lr = 0.1;
    const warmupSteps = 4;
    const result = await analyticTrajectory({ name: 'saddle' }, rule({ name: 'sgd', lr, warmupSteps }), [1, 0.5], 6);
    let [x, y] = [1, 0.5];
    const expected = [x, y];
    for (let t = 1; t <= 6; t++) {
      const rate = lr * Math.min(1, t / warmupSteps);
      x *= 1 - 2 * rate;
      y *= 1 + 2 * rate;
      expected.push(x, y);
    }
    expect(maxAbsDifference(result.path, expected)).toBeLessThanOrEqual(1e-6);
    // Without warm-up the first step is four times longer.
    const plain = await analyticTrajectory({ name: 'saddle' }, rule({ name: 'sgd', lr }), [1, 0.5], 1);
    expect(1 - plain.path[2]).toBeCloseTo(4 * (1 - result.path[2]), 6);
  });

  it('validates its arguments and refuses overlapping step calls', async () => {
    expect(() => new AnalyticRuns({ name: 'saddle' }, [rule({ name: 'sgd', lr: -1 })], [0, 0])).toThrow(/lr must be/);
    expect(() => new AnalyticRuns({ name: 'saddle' }, [], [Number.NaN, 0])).toThrow(/Start must be/);
    expect(() => new AnalyticRuns({ name: 'saddle' }, [], [2e6, 0])).toThrow(/Start must be/);
    await expect(analyticTrajectory({ name: 'saddle' }, rule({ name: 'sgd', lr: 1 }), [1, 1], -1)).rejects.toThrow(/steps/);
    const runs = new AnalyticRuns({ name: 'saddle' }, [rule({ name: 'sgd', lr: 0.01 })], [1, 0.5]);
    await expect(runs.step(0)).rejects.toThrow(/step count/);
    await expect(runs.step(1.5)).rejects.toThrow(/step count/);
    const first = runs.step(2);
    await expect(runs.step(1)).rejects.toThrow(/already running/);
    expect((await first).runs[0].stepCount).toBe(2);
    const empty = await analyticTrajectory({ name: 'saddle' }, rule({ name: 'sgd', lr: 1 }), [1, 1], 0);
    expect(Array.from(empty.path)).toEqual([1, 1]);
    expect(empty.divergedAt).toBeNull();
  });

  it('leaves the tensor count unchanged', async () => {
    const before = tf.memory().numTensors;
    const runs = new AnalyticRuns(
      { name: 'beale' },
      [
        rule({ name: 'adam', lr: 0.05 }),
        rule({ name: 'saddle_free_newton', lr: 0.5 }),
        rule({ name: 'sgd', lr: 0.1 }),
      ],
      [1, 1.5],
    );
    await runs.step(3);
    await analyticTrajectory({ name: 'quadratic' }, rule({ name: 'newton', lr: 1 }), [1, -1], 2);
    // Every step's tensors are made and released inside derivativesAt; the runs hold only Float64Arrays.
    expect(tf.memory().numTensors).toBe(before);
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { createNetworkOptimizer } from './networkOptimizer';
import { hyperParameterSpecs, methodOf, optimizerNamesFor, type OptimizerConfig } from '../spec/optimizers/registry';
import { resolveOptimizer } from '../spec/optimizers/validate';

/** `config` resolved for a network, as the worker's entry resolves it. */
const network = (config: OptimizerConfig) => resolveOptimizer(config, 'network');
import type { NetworkOptimizer, StepObjective, StepReport } from './optimizerTypes';
import { GaussNewtonOptimizer } from './secondOrder/gaussNewton';

/** A 2-6-1 tanh network on 40 two-moons points (25 parameters): non-convex, small enough for dense curvature. */
let moons: BuiltNetwork;
/** A linear model (no hidden layer) with mse on the plane y = a x₁ + b x₂ + noise: a convex quadratic. */
let plane: BuiltNetwork;

beforeAll(async () => {
  await useTestBackend();
  moons = buildNetwork(networkProblem({ dataset: 'moons', datasetOptions: { n: 40 }, hidden: [6], testFraction: 0 }));
  plane = buildNetwork(networkProblem({ dataset: 'plane', datasetOptions: { n: 50 }, hidden: [], testFraction: 0 }));
});

afterAll(() => {
  moons.dispose();
  plane.dispose();
});

interface Descent {
  losses: number[];
  reports: StepReport[];
  params: Float64Array[];
}

/** Runs `steps` updates from `start`; losses[k] is the loss before update k+1 (losses[steps] after the last). */
async function descend(optimizer: NetworkOptimizer, objective: StepObjective, start: Float32Array, steps: number): Promise<Descent> {
  const params = Float64Array.from(start);
  const trace: Descent = { losses: [], reports: [], params: [Float64Array.from(params)] };
  for (let k = 0; k < steps; k++) {
    const { loss, grad } = await objective.lossAndGrad(Float32Array.from(params));
    trace.losses.push(loss);
    trace.reports.push(await optimizer.step({ params, loss, grad: Float64Array.from(grad), objective }));
    trace.params.push(Float64Array.from(params));
  }
  trace.losses.push(await objective.loss(Float32Array.from(params)));
  return trace;
}

const DESCENTS: OptimizerConfig[] = [
  { name: 'sgd', lr: 0.5 },
  { name: 'momentum', lr: 0.1 },
  { name: 'nesterov', lr: 0.1 },
  { name: 'rmsprop', lr: 0.01 },
  { name: 'adam', lr: 0.05 },
  { name: 'newton', lr: 1, damping: 1 },
  { name: 'saddle_free_newton', lr: 1 },
  { name: 'gauss_newton', lr: 1 },
  { name: 'trust_region' },
  { name: 'hessian_free' },
];

describe('network optimizers on a small tanh network', () => {
  for (const config of DESCENTS) {
    it(`${config.name} decreases the loss`, async () => {
      const optimizer = createNetworkOptimizer(network(config), moons.objective.paramCount);
      const { losses } = await descend(optimizer, moons.objective, moons.initialParams, 15);
      expect(losses[losses.length - 1]).toBeLessThan(0.9 * losses[0]);
      expect(optimizer.stepCount).toBe(15);
      optimizer.reset();
      expect(optimizer.stepCount).toBe(0);
    });
  }

  it('trust region: ρ decides acceptance, a rejected step keeps θ and shrinks Δ to Δ/4, success at the boundary doubles it', async () => {
    // An initial radius far beyond where the quadratic model holds forces rejections first.
    const optimizer = createNetworkOptimizer(network({ name: 'trust_region', radius: 20, maxRadius: 40, acceptRatio: 0.1 }), moons.objective.paramCount);
    const { reports, params, losses } = await descend(optimizer, moons.objective, moons.initialParams, 25);
    expect(reports[0].accepted).toBe(false);
    let radius = 20;
    let shrank = 0;
    let grew = 0;
    reports.forEach((report, k) => {
      expect(report.ratio).not.toBeNull();
      expect(report.accepted).toBe(report.ratio! > 0.1);
      expect(report.lr).toBeNull();
      if (!report.accepted) {
        expect(Array.from(params[k + 1])).toEqual(Array.from(params[k]));
        expect(losses[k + 1]).toBe(losses[k]);
      } else {
        expect(losses[k + 1]).toBeLessThan(losses[k]);
      }
      if (report.ratio! < 0.25) {
        expect(report.radius).toBeCloseTo(radius / 4, 12);
        shrank++;
      } else if (report.radius! > radius) {
        expect(report.ratio!).toBeGreaterThan(0.75);
        expect(report.radius).toBeCloseTo(Math.min(2 * radius, 40), 12);
        grew++;
      } else {
        expect(report.radius).toBe(radius);
      }
      radius = report.radius!;
    });
    expect(shrank).toBeGreaterThan(0);
    expect(reports.some((report) => report.accepted)).toBe(true);
    expect(grew + shrank).toBeGreaterThan(0);
  });

  it('Hessian-free: Levenberg–Marquardt damping follows ρ; rejected steps keep θ', async () => {
    const optimizer = createNetworkOptimizer(network({ name: 'hessian_free', damping: 0.01, cgIterations: 10 }), moons.objective.paramCount);
    const { reports, params, losses } = await descend(optimizer, moons.objective, moons.initialParams, 12);
    let damping = 0.01;
    reports.forEach((report, k) => {
      const rho = report.ratio ?? Number.NEGATIVE_INFINITY;
      const expected = rho < 0.25 ? 1.5 * damping : rho > 0.75 ? (2 / 3) * damping : damping;
      expect(report.damping).toBeCloseTo(expected, 12);
      expect(report.cgIterations).toBeLessThanOrEqual(10);
      if (!report.accepted) expect(Array.from(params[k + 1])).toEqual(Array.from(params[k]));
      else expect(losses[k + 1]).toBeLessThan(losses[k]);
      damping = report.damping!;
    });
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
  });

  it('Gauss-Newton: the dense (Cholesky) and CG solves give the same step', async () => {
    const config = network({ name: 'gauss_newton', lr: 1, damping: 0.1, cgIterations: 100 });
    const size = moons.objective.paramCount;
    const dense = await descend(new GaussNewtonOptimizer(config, size), moons.objective, moons.initialParams, 1);
    const iterative = await descend(new GaussNewtonOptimizer(config, size, 0), moons.objective, moons.initialParams, 1);
    expect(dense.reports[0].cgIterations).toBeNull();
    expect(iterative.reports[0].cgIterations).toBeGreaterThan(0);
    const gap = Math.max(...dense.params[1].map((v, i) => Math.abs(v - iterative.params[1][i])));
    const step = Math.max(...dense.params[1].map((v, i) => Math.abs(v - dense.params[0][i])));
    expect(gap).toBeLessThan(1e-3 * step);
  });

  it('leaves the tensor count unchanged after a step of every optimizer', async () => {
    // Every gradient, curvature product and dense matrix is read back into arrays and its tensors disposed.
    const before = tf.memory().numTensors;
    for (const config of DESCENTS) {
      await descend(createNetworkOptimizer(network(config), moons.objective.paramCount), moons.objective, moons.initialParams, 1);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Newton-type steps on a linear least-squares model', () => {
  /** The least-squares minimiser of the plane data, by the normal equations in float64. */
  function leastSquares(): { params: number[]; loss: number } {
    const { x, y, n } = plane.train;
    const gram = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const moment = [0, 0, 0];
    for (let s = 0; s < n; s++) {
      const row = [x[2 * s], x[2 * s + 1], 1];
      for (let i = 0; i < 3; i++) {
        moment[i] += row[i] * y[s];
        for (let j = 0; j < 3; j++) gram[3 * i + j] += row[i] * row[j];
      }
    }
    // Cramer's rule on the 3×3 system.
    const det = (m: number[]) =>
      m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    const params = [0, 1, 2].map((column) => det(gram.map((v, k) => (k % 3 === column ? moment[Math.floor(k / 3)] : v))) / det(gram));
    let loss = 0;
    for (let s = 0; s < n; s++) loss += (params[0] * x[2 * s] + params[1] * x[2 * s + 1] + params[2] - y[s]) ** 2 / n;
    return { params, loss };
  }

  for (const config of [
    { name: 'newton', lr: 1, damping: 0 },
    { name: 'gauss_newton', lr: 1, damping: 1e-9 },
  ] as OptimizerConfig[]) {
    it(`${config.name} reaches the minimum in one step`, async () => {
      const optimizer = createNetworkOptimizer(network(config), plane.objective.paramCount);
      const { params, losses } = await descend(optimizer, plane.objective, plane.initialParams, 1);
      const optimum = leastSquares();
      optimum.params.forEach((value, i) => expect(Math.abs(params[1][i] - value)).toBeLessThan(1e-4));
      expect(Math.abs(losses[1] - optimum.loss)).toBeLessThan(1e-5);
      expect(losses[0]).toBeGreaterThan(10 * losses[1]);
    });
  }
});

describe('configuration', () => {
  it('fills each optimizer’s own defaults and validates every field', () => {
    expect(network({ name: 'adam' }).lr).toBe(1e-2);
    expect(network({ name: 'hessian_free' }).damping).toBe(1);
    expect(network({ name: 'gauss_newton' }).damping).toBe(1e-2);
    expect(network({ name: 'trust_region', radius: 2 }).radius).toBe(2);
    expect(() => network({ name: 'sgd', lr: -1 })).toThrow(/Optimizer sgd: lr must be a finite number > 0, got -1/);
    expect(() => network({ name: 'trust_region', acceptRatio: 0.5 })).toThrow(/acceptRatio must be in \[0, 0.25\)/);
    expect(() => network({ name: 'hessian_free', cgIterations: 0 })).toThrow(/cgIterations/);
    expect(() => network({ name: 'trust_region', radius: 5, maxRadius: 1 })).toThrow(/maxRadius \(1\) must be at least radius \(5\)/);
    expect(() => network({ name: 'lbfgs' as never })).toThrow(/Unknown optimizer "lbfgs"/);
  });

  it('refuses dense Newton beyond the dense limit but offers the matrix-free methods', () => {
    expect(() => createNetworkOptimizer(network({ name: 'newton' }), 1001)).toThrow(/up to 1000 parameters/);
    expect(createNetworkOptimizer(network({ name: 'trust_region' }), 5000).usesCurvature).toBe(true);
    expect(createNetworkOptimizer(network({ name: 'adam' }), 5000).usesCurvature).toBe(false);
  });

  it('lists every optimizer in the registry, with defaults that pass validation', () => {
    for (const name of optimizerNamesFor('network')) {
      expect(methodOf(name).kinds).toContain('network');
      const specs = hyperParameterSpecs(name, 'network');
      const config = Object.fromEntries(specs.map((spec) => [spec.key, spec.defaultValue]));
      expect(() => network({ name, ...config })).not.toThrow();
      for (const spec of specs) {
        expect(spec.min).toBeLessThanOrEqual(spec.defaultValue);
        expect(spec.max).toBeGreaterThanOrEqual(spec.defaultValue);
      }
    }
  });
});

import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { HessianQuadraticGradient } from '../networks/hessianQuadraticGradient';
import { MlpObjective } from '../networks/objective';
import { RegularizedObjective } from '../networks/regularizedObjective';
import { randomProblem } from '../networks/testing/randomProblem';
import { networkProblem } from '../spec/networkProblem';
import type { MlpSpec } from '../spec/mlp';
import { useTestBackend } from '../testing/backend';
import {
  curvatureRegularizedGradient,
  samGradient,
  tracePenaltyGradient,
  validateCurvatureRegularizer,
} from './curvatureRegularization';
import { compareCurvatureRegularization, measureFlatness, type RegularizationComparison } from './regularizationComparison';
import { resolveOptimizer } from '../spec/optimizers/validate';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

beforeAll(async () => {
  await useTestBackend();
});

describe('samGradient', () => {
  it('on a quadratic loss is g + H ε̂ with ε̂ = ρ g/‖g‖ (closed form from the dense Hessian)', async () => {
    // A linear model with mse is exactly quadratic: ∇L(θ + ε) = ∇L(θ) + H ε.
    const spec: MlpSpec = { layers: [3, 1], activation: 'linear', loss: 'mse' };
    const { data, params } = randomProblem(spec, 20, 4);
    const objective = new RegularizedObjective(new MlpObjective(spec, data), 0.1);
    const rho = 0.2;
    const { loss, grad } = await objective.lossAndGrad(params);
    const hessian = await objective.fullHessian(params);
    const norm = Math.sqrt(dot(grad, grad));
    const epsilon = Array.from(grad, (g) => (rho * g) / norm);
    const result = await samGradient(objective, rho)(params, 1);
    expect(result.loss).toBeCloseTo(loss, 6);
    expect(result.evaluations).toBe(2);
    for (let i = 0; i < 4; i++) {
      const expected = grad[i] + [0, 1, 2, 3].reduce((s, j) => s + hessian[i * 4 + j] * epsilon[j], 0);
      expect(Math.abs(result.grad[i] - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
    }
    // Its penalty, L(θ + ε̂) − L(θ) = ρ‖g‖ + ½ ε̂ᵀHε̂ on a quadratic.
    const quadratic = 0.5 * [0, 1, 2, 3].reduce((s, i) => s + epsilon[i] * [0, 1, 2, 3].reduce((t, j) => t + hessian[i * 4 + j] * epsilon[j], 0), 0);
    expect(Math.abs(result.penalty - (rho * norm + quadratic))).toBeLessThan(1e-5);
    objective.dispose();
  });
});

describe('tracePenaltyGradient', () => {
  it('is ∇L + μ ∇ mean_k z_kᵀHz_k: matches central differences of L + μ mean_k z_kᵀHz_k with the step’s probes', async () => {
    const spec: MlpSpec = { layers: [2, 4, 1], activation: 'tanh', loss: 'sigmoid_ce' };
    const { data, params } = randomProblem(spec, 16, 9);
    const objective = new RegularizedObjective(new MlpObjective(spec, data), 0.01);
    const curvature = new HessianQuadraticGradient(spec, data);
    const n = objective.paramCount;
    const [weight, probes, seed, step] = [0.3, 3, 5, 7];
    const before = tf.memory().numTensors;
    const result = await tracePenaltyGradient(objective, curvature, { weight, probes, seed })(params, step);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.evaluations).toBe(1 + probes);
    // The probes the rule drew at this step, and J(θ) = L(θ) + μ mean_k z_kᵀ(H_L − λI)z_k from Hessian-vector products.
    const z = Rng.derive(seed, `trace-penalty:${step}`).fillRademacher(new Float32Array(probes * n));
    const penalty = async (theta: Float32Array) => {
      let sum = 0;
      for (let k = 0; k < probes; k++) {
        const v = z.subarray(k * n, (k + 1) * n);
        sum += dot(v, await objective.data.hvp(theta, v));
      }
      return (weight * sum) / probes;
    };
    expect(Math.abs(result.penalty - (await penalty(params)))).toBeLessThan(1e-4);
    const J = async (theta: Float32Array) => (await objective.loss(theta)) + (await penalty(theta));
    const u = new Rng(1).fillNormal(new Float32Array(n));
    const scale = 1 / Math.sqrt(dot(u, u));
    u.forEach((value, i) => (u[i] = value * scale));
    const h = 1e-2;
    const difference =
      ((await J(Float32Array.from(params, (p, i) => p + h * u[i]))) - (await J(Float32Array.from(params, (p, i) => p - h * u[i])))) / (2 * h);
    const norm = Math.sqrt(dot(result.grad, result.grad));
    expect(Math.abs(dot(result.grad, u) - difference)).toBeLessThan(2e-3 * norm);
    // The penalty's part is not negligible: the direction differs from ∇L.
    const { grad } = await objective.lossAndGrad(params);
    const change = Math.sqrt(Array.from(grad).reduce((s, g, i) => s + (g - result.grad[i]) ** 2, 0));
    expect(change).toBeGreaterThan(0.05 * norm);
    objective.dispose();
    curvature.dispose();
  });
});

describe('curvature regularisers', () => {
  it('reject bad settings with a message naming the field', () => {
    expect(() => validateCurvatureRegularizer({ kind: 'sam', rho: 0 })).toThrow(/rho/);
    expect(() => validateCurvatureRegularizer({ kind: 'tracePenalty', weight: -1, probes: 2 })).toThrow(/weight/);
    expect(() => validateCurvatureRegularizer({ kind: 'tracePenalty', weight: 1, probes: 0 })).toThrow(/probes/);
    const model = { paramCount: 3, lossAndGrad: async () => ({ loss: 0, grad: new Float32Array(3) }) };
    expect(() => curvatureRegularizedGradient({ kind: 'tracePenalty', weight: 1, probes: 2 }, model, { seed: 0 })).toThrow(/third-order/);
  });
});

describe('compareCurvatureRegularization (2-6-1 tanh on 45 moons)', () => {
  let network: BuiltNetwork;
  let comparison: RegularizationComparison;
  let before: number;

  beforeAll(async () => {
    network = buildNetwork(networkProblem({ dataset: 'moons', datasetOptions: { n: 60, noise: 0.15 }, hidden: [6], testFraction: 0.25 }));
    before = tf.memory().numTensors;
    comparison = await compareCurvatureRegularization(network, {
      optimizer: resolveOptimizer({ name: 'sgd', lr: 0.5 }, 'analytic'),
      steps: 100,
      samRho: 0.5,
      tracePenalty: { weight: 0.1, probes: 2 },
      seed: 1,
    });
  });
  afterAll(() => network.dispose());

  it('trains all three from θ₀ and leaves no tensors behind', async () => {
    expect(tf.memory().numTensors).toBe(before);
    const start = await network.objective.loss(network.initialParams);
    for (const run of comparison.runs) {
      expect(run.divergedAt).toBeNull();
      expect(run.losses).toHaveLength(100);
      expect(Math.abs(run.losses[0] - start)).toBeLessThan(1e-6);
      expect(run.losses[99]).toBeLessThan(run.losses[0]);
      // The slice passes through the run's end point at α = 0.
      expect(Math.abs(run.slice[10] - (await network.objective.loss(run.params)))).toBeLessThan(1e-5);
      expect(run.testAccuracy).not.toBeNull();
    }
  });

  it('SAM ends at a smaller λ_max and the trace penalty at a smaller trace than plain training', () => {
    const [plain, sam, trace] = comparison.runs;
    expect(plain.regularizer.kind).toBe('none');
    expect(sam.flatness.lambdaMax).toBeLessThan(0.9 * plain.flatness.lambdaMax);
    expect(trace.flatness.trace).toBeLessThan(0.6 * plain.flatness.trace);
    // The trace penalty's logged penalty is μ times an estimate of the trace along the way.
    expect(trace.penalties.every((p) => Number.isFinite(p))).toBe(true);
  });

  it('measures λ_max and the trace by Lanczos and Hutch++ as the dense Hessian gives them', async () => {
    const params = comparison.runs[0].params;
    const exact = await measureFlatness(network.objective, params);
    const n = network.objective.paramCount;
    // A Hutch++ budget of 3P sketches all of ℝᴾ: its trace is exact up to rounding.
    const estimated = await measureFlatness(network.objective, params, { exactLimit: 0, maxProducts: n, traceBudget: 3 * n });
    expect(exact.exact).toBe(true);
    expect(estimated.exact).toBe(false);
    expect(Math.abs(estimated.lambdaMax - exact.lambdaMax)).toBeLessThan(1e-4 * exact.lambdaMax);
    expect(Math.abs(estimated.trace - exact.trace)).toBeLessThan(1e-4 * exact.lambdaMax);
  });
});

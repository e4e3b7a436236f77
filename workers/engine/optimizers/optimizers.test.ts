import { describe, expect, it } from 'vitest';
import { hyperParameterSpecs, methodOf, optimizerNamesFor, OPTIMIZER_NAMES, type OptimizerConfig } from '../spec/optimizers/registry';
import { resolveOptimizer } from '../spec/optimizers/validate';
import { createOptimizer as createFromResolved, optimizerNeedsHessian } from './optimizers';
import { learningRateAt } from './rules';

/** An optimizer from `config` as written, checked first as a worker's entry checks it. */
const createOptimizer = (config: OptimizerConfig, dim: number) => createFromResolved(resolveOptimizer(config, 'analytic'), dim);

const THETA0 = [0.5, -1, 2];
const G = [3, -0.25, 1e-3];

/** θ after `steps` updates with the same gradient G every step. */
function runConstantGradient(config: OptimizerConfig, steps: number): Float64Array {
  const optimizer = createOptimizer(config, 3);
  const params = Float64Array.from(THETA0);
  for (let t = 0; t < steps; t++) optimizer.step(params, Float64Array.from(G));
  expect(optimizer.stepCount).toBe(steps);
  return params;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
  }
}

// With a constant gradient every rule has a closed form (sums of geometric
// series), derived here independently of the step-by-step code.
describe('first-order rules with a constant gradient', () => {
  const steps = 7;
  const lr = 0.05;

  it('sgd: θ_t = θ0 − t η g', () => {
    expectClose(runConstantGradient({ name: 'sgd', lr }, steps), THETA0.map((p, i) => p - steps * lr * G[i]));
  });

  it('momentum: m_s = g (1 − μ^s)/(1 − μ), θ_t = θ0 − η Σ m_s', () => {
    const mu = 0.8;
    const total = Array.from({ length: steps }, (_, s) => (1 - mu ** (s + 1)) / (1 - mu)).reduce((a, b) => a + b);
    expectClose(
      runConstantGradient({ name: 'momentum', lr, momentum: mu }, steps),
      THETA0.map((p, i) => p - lr * total * G[i]),
    );
  });

  it('nesterov: θ_t = θ0 − η Σ (g + μ m_s)', () => {
    const mu = 0.8;
    const total = Array.from({ length: steps }, (_, s) => 1 + (mu * (1 - mu ** (s + 1))) / (1 - mu)).reduce(
      (a, b) => a + b,
    );
    expectClose(
      runConstantGradient({ name: 'nesterov', lr, momentum: mu }, steps),
      THETA0.map((p, i) => p - lr * total * G[i]),
    );
  });

  it('rmsprop: v_s = g² (1 − ρ^s), step η g / √(v_s + ε)', () => {
    const rho = 0.7;
    const epsilon = 1e-4;
    const expected = THETA0.map((p, i) => {
      let theta = p;
      for (let s = 1; s <= steps; s++) theta -= (lr * G[i]) / Math.sqrt(G[i] * G[i] * (1 - rho ** s) + epsilon);
      return theta;
    });
    expectClose(runConstantGradient({ name: 'rmsprop', lr, rho, epsilon }, steps), expected);
  });

  it('adam: bias correction makes m̂ = g and v̂ = g², so each step is η g / (|g| + ε)', () => {
    const epsilon = 1e-3;
    const expected = THETA0.map((p, i) => p - (steps * lr * G[i]) / (Math.abs(G[i]) + epsilon));
    expectClose(runConstantGradient({ name: 'adam', lr, beta1: 0.6, beta2: 0.95, epsilon }, steps), expected, 1e-10);
  });

  it('uses the documented defaults for omitted hyper-parameters', () => {
    const explicit = runConstantGradient({ name: 'adam', lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, 3);
    expect(Array.from(runConstantGradient({ name: 'adam', lr }, 3))).toEqual(Array.from(explicit));
    const momentum = runConstantGradient({ name: 'momentum', lr, momentum: 0.9 }, 3);
    expect(Array.from(runConstantGradient({ name: 'momentum', lr, momentum: undefined }, 3))).toEqual(
      Array.from(momentum),
    );
  });
});

describe('warm-up', () => {
  it('ramps the rate linearly over warmupSteps, then holds it', () => {
    const optimizer = createOptimizer({ name: 'sgd', lr: 1, warmupSteps: 4 }, 1);
    const params = new Float64Array(1);
    const moves: number[] = [];
    for (let t = 0; t < 6; t++) {
      const before = params[0];
      optimizer.step(params, Float64Array.of(1));
      moves.push(before - params[0]);
    }
    expect(moves).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
  });

  it('applies to the adaptive rules too (η_t in Adam’s step)', () => {
    const resolved = resolveOptimizer({ name: 'adam', lr: 0.1, warmupSteps: 10 }, 'analytic');
    expect(learningRateAt(resolved, 3)).toBeCloseTo(0.03, 15);
    const params = runConstantGradient({ name: 'adam', lr: 0.1, warmupSteps: 10, epsilon: 1e-12 }, 2);
    // Steps 1 and 2 move by η·(1/10) and η·(2/10) times sign(g).
    expectClose(params, THETA0.map((p, i) => p - 0.3 * 0.1 * Math.sign(G[i])), 1e-9);
  });
});

/** H = Q diag(λ) Qᵀ with Q a fixed rotation of R³ (a Householder reflection, so Q = Qᵀ = Q⁻¹). */
function matrixWithEigenvalues(lambda: number[]): { h: Float64Array; absH: number[][] } {
  const u = [1, 2, 2].map((x) => x / 3); // unit vector
  const q = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0) - 2 * u[i] * u[j]));
  const build = (values: number[]) =>
    [0, 1, 2].map((i) => [0, 1, 2].map((j) => values.reduce((sum, l, k) => sum + q[i][k] * l * q[j][k], 0)));
  return { h: Float64Array.from(build(lambda).flat()), absH: build(lambda.map(Math.abs)) };
}

function multiply(matrix: number[][], vector: ArrayLike<number>): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * vector[j], 0));
}

describe('Newton methods (n = 3)', () => {
  it('newton with η = 1, δ = 0 jumps to the minimum of a quadratic in one step', () => {
    const { h } = matrixWithEigenvalues([4, 1, 0.25]);
    const hRows = [0, 1, 2].map((i) => Array.from(h.subarray(3 * i, 3 * i + 3)));
    const minimum = [1, -2, 0.5];
    const params = Float64Array.from(THETA0);
    // ∇f(θ) = H (θ − θ*)
    const grad = Float64Array.from(multiply(hRows, THETA0.map((p, i) => p - minimum[i])));
    createOptimizer({ name: 'newton', lr: 1, damping: 0 }, 3).step(params, grad, h);
    expectClose(params, minimum, 1e-12);
  });

  it('newton solves (H + δI) d = g and saddle-free Newton (|H| + δI) d = g, on an indefinite H', () => {
    const { h, absH } = matrixWithEigenvalues([3, -2, 0.5]);
    const hRows = [0, 1, 2].map((i) => Array.from(h.subarray(3 * i, 3 * i + 3)));
    const delta = 0.1;
    const lr = 0.5;
    for (const [name, matrix] of [
      ['newton', hRows],
      ['saddle_free_newton', absH],
    ] as const) {
      const params = Float64Array.from(THETA0);
      createOptimizer({ name, lr, damping: delta }, 3).step(params, Float64Array.from(G), h);
      const d = THETA0.map((p, i) => (p - params[i]) / lr);
      const back = multiply(
        matrix.map((row, i) => row.map((a, j) => a + (i === j ? delta : 0))),
        d,
      );
      expectClose(back, G, 1e-12);
    }
  });

  it('saddle-free Newton moves downhill along negative curvature where Newton moves uphill', () => {
    // f = x² − y² at (1, 0.1): g = (2, −0.2), H = diag(2, −2).
    const h = Float64Array.of(2, 0, 0, -2);
    const newton = Float64Array.of(1, 0.1);
    const saddleFree = Float64Array.of(1, 0.1);
    createOptimizer({ name: 'newton', lr: 1, damping: 0 }, 2).step(newton, Float64Array.of(2, -0.2), h);
    createOptimizer({ name: 'saddle_free_newton', lr: 1, damping: 0 }, 2).step(saddleFree, Float64Array.of(2, -0.2), h);
    expectClose(newton, [0, 0]); // straight to the saddle
    expectClose(saddleFree, [0, 0.2]); // away from it in y
  });

  it('stays put where g = 0 even if H is singular, and steps to infinity where only H is', () => {
    const zeroH = new Float64Array(4);
    const resting = Float64Array.of(0, 0);
    createOptimizer({ name: 'newton', lr: 1, damping: 0 }, 2).step(resting, new Float64Array(2), zeroH);
    expect(Array.from(resting)).toEqual([0, 0]);
    const pushed = Float64Array.of(0, 0);
    createOptimizer({ name: 'newton', lr: 1, damping: 0 }, 2).step(pushed, Float64Array.of(1, 0), zeroH);
    expect(Number.isFinite(pushed[0])).toBe(false);
  });

  it('turns a non-finite Hessian into a NaN step rather than calling the eigen-solver', () => {
    const params = Float64Array.of(1, 1);
    const hessian = Float64Array.of(1, Number.NaN, Number.NaN, 1);
    createOptimizer({ name: 'saddle_free_newton', lr: 1 }, 2).step(params, Float64Array.of(1, 1), hessian);
    expect(Array.from(params).every(Number.isNaN)).toBe(true);
  });
});

describe('state and validation', () => {
  it('reset forgets the moments and the step count', () => {
    const optimizer = createOptimizer({ name: 'adam', lr: 0.1 }, 2);
    const first = Float64Array.of(1, 1);
    optimizer.step(first, Float64Array.of(1, -2));
    optimizer.step(first, Float64Array.of(0.5, 3));
    optimizer.reset();
    expect(optimizer.stepCount).toBe(0);
    const again = Float64Array.of(1, 1);
    optimizer.step(again, Float64Array.of(1, -2));
    const fresh = Float64Array.of(1, 1);
    createOptimizer({ name: 'adam', lr: 0.1 }, 2).step(fresh, Float64Array.of(1, -2));
    expect(Array.from(again)).toEqual(Array.from(fresh));
  });

  it.each([
    [{ name: 'sgd', lr: 0 }, /sgd: lr must be a finite number > 0, got 0/],
    [{ name: 'sgd', lr: -1 }, /lr must be/],
    [{ name: 'sgd', lr: Number.NaN }, /lr must be/],
    [{ name: 'adam', lr: Number.POSITIVE_INFINITY }, /lr must be/],
    [{ name: 'momentum', lr: 1, momentum: 1 }, /momentum must be in \[0, 1\), got 1/],
    [{ name: 'rmsprop', lr: 1, rho: -0.1 }, /rho must be in \[0, 1\)/],
    [{ name: 'adam', lr: 1, beta1: Number.NaN }, /beta1 must be in \[0, 1\)/],
    [{ name: 'adam', lr: 1, beta2: 1.5 }, /beta2 must be in \[0, 1\)/],
    [{ name: 'adam', lr: 1, epsilon: 0 }, /epsilon must be a finite number > 0/],
    [{ name: 'newton', lr: 1, damping: -1e-3 }, /damping must be a finite number ≥ 0/],
    [{ name: 'sgd', lr: 1, warmupSteps: 2.5 }, /warmupSteps must be an integer ≥ 0/],
    [{ name: 'lbfgs', lr: 1 }, /Unknown optimizer "lbfgs"/],
  ])('rejects %o', (config, message) => {
    expect(() => resolveOptimizer(config as OptimizerConfig, 'analytic')).toThrow(message);
  });

  it('rejects bad dimensions and lengths without changing anything', () => {
    expect(() => createFromResolved(resolveOptimizer({ name: 'sgd', lr: 1 }, 'analytic'), 0)).toThrow(/integer ≥ 1, got 0/);
    const optimizer = createOptimizer({ name: 'newton', lr: 1 }, 2);
    const params = Float64Array.of(1, 2);
    expect(() => optimizer.step(params, Float64Array.of(1))).toThrow(/expected 2 parameters/);
    expect(() => optimizer.step(params, Float64Array.of(1, 1))).toThrow(/needs the 2×2 Hessian \(4 entries\), got none/);
    expect(() => optimizer.step(params, Float64Array.of(1, 1), new Float64Array(3))).toThrow(/got 3/);
    expect(Array.from(params)).toEqual([1, 2]);
    expect(optimizer.stepCount).toBe(0);
  });

  it('accepts damping 0 and momentum 0 (the fixtures use them)', () => {
    expect(resolveOptimizer({ name: 'newton', lr: 1, damping: 0 }, 'analytic').damping).toBe(0);
    expect(resolveOptimizer({ name: 'momentum', lr: 1, momentum: 0 }, 'analytic').momentum).toBe(0);
  });
});

describe('the registry\'s analytic methods', () => {
  it('describes every optimizer with valid defaults inside their ranges', () => {
    for (const name of optimizerNamesFor('analytic')) {
      const specs = hyperParameterSpecs(name, 'analytic');
      expect(methodOf(name).dense).toBe(optimizerNeedsHessian(name));
      expect(specs[0].key).toBe('lr');
      const config = Object.fromEntries(specs.map((p) => [p.key, p.defaultValue]));
      // The defaults form a valid configuration.
      expect(() => createOptimizer({ name, ...config } as OptimizerConfig, 2)).not.toThrow();
      for (const spec of specs) {
        expect(spec.min).toBeLessThan(spec.max);
        expect(spec.defaultValue).toBeGreaterThanOrEqual(spec.min);
        expect(spec.defaultValue).toBeLessThanOrEqual(spec.max);
        if (spec.scale === 'log') expect(spec.min).toBeGreaterThan(0);
      }
    }
    expect(OPTIMIZER_NAMES.filter(optimizerNeedsHessian)).toEqual(['newton', 'saddle_free_newton']);
    expect(hyperParameterSpecs('adam', 'analytic').map((p) => p.key)).toEqual(['lr', 'beta1', 'beta2', 'epsilon', 'warmupSteps']);
  });
});

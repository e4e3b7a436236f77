import { describe, expect, it } from 'vitest';
import { Rng } from '../math/rng';
import {
  adamPreconditioner,
  analyticHessian,
  conditionNumber,
  identityPreconditioner,
  jacobiConditionOfRotatedBowl,
  jacobiPreconditioner,
  preconditionedQuadraticRun,
  preconditionedRate,
  preconditionedStep,
  preconditionerFor,
  preconditioningReport,
  transformedHessian,
  whiteningPreconditioner,
} from './preconditioning';

/** Q diag(λ) Qᵀ with Q a seeded random orthogonal matrix (Gram–Schmidt on Gaussian columns). */
function spdMatrix(eigenvalues: number[], seed: number): Float64Array {
  const n = eigenvalues.length;
  const rng = new Rng(seed);
  const q: Float64Array[] = [];
  while (q.length < n) {
    const v = rng.fillNormal(new Float64Array(n));
    for (const u of q) {
      const d = u.reduce((s, x, i) => s + x * v[i], 0);
      for (let i = 0; i < n; i++) v[i] -= d * u[i];
    }
    const norm = Math.hypot(...v);
    q.push(v.map((x) => x / norm));
  }
  const h = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i * n + j] += eigenvalues[k] * q[k][i] * q[k][j];
  return h;
}

function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

const N = 5;
const BOWL = spdMatrix([1000, 200, 30, 4, 0.1], 7); // κ = 10⁴, axes off the coordinates

describe('preconditioners', () => {
  it('whitening P = H^{−1/2} gives Pᵀ H P = I and κ = 1', () => {
    const p = whiteningPreconditioner(BOWL, N);
    const transformed = transformedHessian(BOWL, p, N);
    transformed.forEach((value, k) => expect(value).toBeCloseTo(k % (N + 1) === 0 ? 1 : 0, 10));
    const report = preconditioningReport(BOWL, p, N);
    expect(report.conditionBefore).toBeCloseTo(1e4, 6);
    expect(report.conditionAfter).toBeCloseTo(1, 10);
    // P is symmetric and P² = H⁻¹: P H P = I was checked; P itself must be symmetric.
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) expect(p[i * N + j]).toBeCloseTo(p[j * N + i], 12);
  });

  it('Jacobi is exact for an axis-aligned bowl', () => {
    const diagonal = Float64Array.from([5, 0, 0, 0, 0.02, 0, 0, 0, 300]);
    const report = preconditioningReport(diagonal, jacobiPreconditioner(diagonal, 3), 3);
    expect(report.conditionBefore).toBeCloseTo(15000, 8);
    expect(report.conditionAfter).toBeCloseTo(1, 14);
  });

  it('Jacobi on the rotated bowl: κ after is (1 + r)/(1 − r), 1 on the axes and κ itself at 45°', () => {
    for (const angleDeg of [0, 10, 30, 45, 60, 90]) {
      const condition = 100;
      const h = analyticHessian({ name: 'quadratic', condition, angleDeg }, 0.3, -0.2);
      const measured = preconditioningReport(h, jacobiPreconditioner(h, 2), 2).conditionAfter;
      const predicted = jacobiConditionOfRotatedBowl(condition, (angleDeg * Math.PI) / 180);
      expect(measured / predicted).toBeCloseTo(1, 10);
      expect(conditionNumber(h, 2)).toBeCloseTo(condition, 10);
    }
    expect(jacobiConditionOfRotatedBowl(100, Math.PI / 4)).toBeCloseTo(100, 10);
    expect(jacobiConditionOfRotatedBowl(100, 0)).toBe(1);
    // 30°: r = 99 · (√3/4) / √((3/4 + 25)(1/4 + 75)), κ' ≈ 75.5: Jacobi barely helps.
    const r = (99 * Math.sqrt(3)) / 4 / Math.sqrt((0.75 + 25) * (0.25 + 75));
    expect(jacobiConditionOfRotatedBowl(100, Math.PI / 6)).toBeCloseTo((1 + r) / (1 - r), 12);
  });

  it('Adam’s diagonal with v̂ = diag(H)² and ε = 0 is the Jacobi preconditioner', () => {
    const secondMoment = Float64Array.from({ length: N }, (_, i) => BOWL[i * N + i] ** 2);
    const adam = adamPreconditioner(secondMoment, 0);
    const jacobi = jacobiPreconditioner(BOWL, N);
    adam.forEach((value, k) => expect(value).toBeCloseTo(jacobi[k], 14));
    // P Pᵀ ∇f = ∇f / (√v̂ + ε): Adam's direction without momentum.
    const grad = [1, -2, 0.5, 3, -1];
    const step = preconditionedStep(new Float64Array(N), grad, adamPreconditioner(secondMoment, 1e-3), 1);
    step.forEach((value, i) => expect(value).toBeCloseTo(-grad[i] / (Math.sqrt(secondMoment[i]) + 1e-3), 14));
  });

  it('preconditionerFor builds each kind and rejects what cannot be preconditioned', () => {
    expect(Array.from(preconditionerFor('identity', BOWL, N))).toEqual(Array.from(identityPreconditioner(N)));
    expect(() => preconditionerFor('adam', BOWL, N)).toThrow(/needs the second-moment estimate/);
    expect(() => jacobiPreconditioner(Float64Array.from([1, 0, 0, -1]), 2)).toThrow(/positive diagonal/);
    expect(() => whiteningPreconditioner(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
    expect(() => adamPreconditioner([1, -1])).toThrow(/finite and ≥ 0/);
    expect(() => adamPreconditioner([0], 0)).toThrow(/infinite step/);
    expect(conditionNumber(Float64Array.from([1, 2, 2, 1]), 2)).toBe(Infinity);
  });
});

describe('preconditioned gradient descent on the bowl', () => {
  const start = Float64Array.from([1, -0.5, 0.3, 0.8, -1.2]);
  const secondMoment = Float64Array.from({ length: N }, (_, i) => (0.5 + i) * BOWL[i * N + i] ** 2);
  const cases: [string, Float64Array][] = [
    ['identity', identityPreconditioner(N)],
    ['Jacobi', jacobiPreconditioner(BOWL, N)],
    ['Adam', adamPreconditioner(secondMoment)],
  ];

  it.each(cases)('%s: the error shrinks at the rate the eigenvalues of Pᵀ H P predict', (_label, p) => {
    const report = preconditioningReport(BOWL, p, N);
    const mu = report.eigenvaluesAfter;
    // η = 1/μ_max: the slowest direction, μ_min, decides the rate 1 − μ_min/μ_max alone.
    const eta = 1 / mu[0];
    const predicted = preconditionedRate(mu, eta);
    expect(predicted).toBeCloseTo(1 - mu[N - 1] / mu[0], 14);
    const steps = Math.min(3000, Math.ceil(30 / (1 - predicted)));
    const { path } = preconditionedQuadraticRun(BOWL, p, start, eta, steps);
    const errorAt = (k: number) => norm(path.subarray(k * N, (k + 1) * N));
    const late = Math.floor(steps / 2);
    expect((errorAt(steps) / errorAt(late)) ** (1 / (steps - late))).toBeCloseTo(predicted, 6);
  });

  it('whitening with η = 1 is Newton’s method: one step to the minimum', () => {
    const minimum = [0.2, 0.1, -0.3, 0, 0.5];
    const { path, losses } = preconditionedQuadraticRun(BOWL, whiteningPreconditioner(BOWL, N), start, 1, 1, minimum);
    path.subarray(N).forEach((value, i) => expect(value).toBeCloseTo(minimum[i], 9));
    expect(losses[1]).toBeLessThan(1e-15 * losses[0]);
  });

  it('the stable step is 2/μ_max: just below it the loss falls, just above it the run diverges', () => {
    const p = jacobiPreconditioner(BOWL, N);
    const { stableStep, eigenvaluesAfter } = preconditioningReport(BOWL, p, N);
    expect(stableStep).toBeCloseTo(2 / eigenvaluesAfter[0], 14);
    const below = preconditionedQuadraticRun(BOWL, p, start, 0.98 * stableStep!, 400).losses;
    const above = preconditionedQuadraticRun(BOWL, p, start, 1.02 * stableStep!, 400).losses;
    expect(below[400]).toBeLessThan(below[0]);
    expect(above[400]).toBeGreaterThan(1e3 * above[0]);
  });

  it('the best fixed step 2/(μ_min + μ_max) has rate (κ′ − 1)/(κ′ + 1), and Jacobi lowers κ here', () => {
    const plain = preconditioningReport(BOWL, identityPreconditioner(N), N);
    const jacobi = preconditioningReport(BOWL, jacobiPreconditioner(BOWL, N), N);
    for (const report of [plain, jacobi]) {
      expect(preconditionedRate(report.eigenvaluesAfter, report.bestStep!)).toBeCloseTo(report.bestRate!, 14);
    }
    expect(plain.conditionAfter).toBeCloseTo(plain.conditionBefore, 8);
    expect(jacobi.conditionAfter).toBeLessThan(jacobi.conditionBefore);
    // Jacobi scaling leaves a unit diagonal, so the eigenvalues of Pᵀ H P sum to n.
    expect(jacobi.eigenvaluesAfter.reduce((sum, mu) => sum + mu, 0)).toBeCloseTo(N, 12);
  });
});

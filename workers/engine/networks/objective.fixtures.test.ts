/**
 * The objective against the float64 reference vectors in the shared
 * fixtures folder. Spectra are compared through their moments
 * Σλᵏ = tr(Hᵏ) (k = 1, 2, 3) and the expected top eigenvectors through
 * H v = λ v, so these tests do not depend on an eigen-solver.
 */
import '../testing/nodeGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { MlpObjective } from './objective';
import { maxAbs, maxAbsDifference } from './testing/differences';
import { loadModelFixture } from '../fixtures/testing/referenceVectors';

beforeAll(async () => {
  await useTestBackend();
});

/** [tr A, tr A², tr A³] of a symmetric n×n row-major matrix. */
function traceMoments(a: Float64Array, n: number): number[] {
  let first = 0;
  let second = 0;
  let third = 0;
  const square = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    first += a[i * n + i];
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      second += aik * aik;
      for (let j = 0; j < n; j++) square[i * n + j] += aik * a[k * n + j];
    }
  }
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) third += square[i * n + k] * a[k * n + i];
  return [first, second, third];
}

/** Σλᵏ must match within 1e-4 · Σ|λ|ᵏ. */
function expectSameSpectrum(matrix: Float64Array, n: number, eigenvalues: number[]): void {
  traceMoments(matrix, n).forEach((moment, k) => {
    const power = k + 1;
    const expected = eigenvalues.reduce((s, l) => s + l ** power, 0);
    const scale = eigenvalues.reduce((s, l) => s + Math.abs(l) ** power, 0);
    expect(Math.abs(moment - expected), `Σλ^${power}`).toBeLessThanOrEqual(1e-4 * scale);
  });
}

describe.each(['tanh-2-8-1-mse.json', 'sigmoid-2-6-1-bce.json', 'relu-2-10-10-3-softmax.json'])('%s', (file) => {
  it('loss and gradient are within the README tolerances', async () => {
    const { fixture, spec, data, params } = await loadModelFixture(file);
    const objective = new MlpObjective(spec, data);
    const { loss, grad } = await objective.lossAndGrad(params);
    objective.dispose();
    const expected = fixture.expected;
    expect(Math.abs(loss - expected.loss!)).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(expected.loss!), 1e-3));
    expect(maxAbsDifference(grad, expected.grad!)).toBeLessThanOrEqual(1e-4 * maxAbs(expected.grad!));
  });

  it('the Hessian has the expected spectrum, top eigenvectors and trace', async () => {
    const { fixture, spec, data, params } = await loadModelFixture(file);
    const objective = new MlpObjective(spec, data);
    const n = objective.paramCount;
    const hessian = await objective.fullHessian(params);
    const eigenvalues = fixture.expected.hessianEigenvalues!;
    expectSameSpectrum(hessian, n, eigenvalues);
    const scale = maxAbs(eigenvalues);
    for (const [k, vector] of fixture.expected.topEigenvectors!.entries()) {
      const v = Float32Array.from(vector);
      const hv = await objective.hvp(params, v);
      const residual = maxAbsDifference(hv, vector.map((x) => eigenvalues[k] * x));
      expect(residual, `‖H v${k} − λ${k} v${k}‖∞`).toBeLessThanOrEqual(1e-4 * scale);
    }
    objective.dispose();
    let trace = 0;
    for (let i = 0; i < n; i++) trace += hessian[i * n + i];
    expect(Math.abs(trace - fixture.expected.hessianTrace!)).toBeLessThanOrEqual(1e-4 * scale);
  });

  it('the Gauss-Newton matrix has the expected spectrum', async () => {
    const { fixture, spec, data, params } = await loadModelFixture(file);
    const objective = new MlpObjective(spec, data);
    const gaussNewton = await objective.fullGaussNewton(params);
    expectSameSpectrum(gaussNewton, objective.paramCount, fixture.expected.gaussNewtonEigenvalues!);
    objective.dispose();
  });
});

describe('tanh-2-24-24-1-mse.json (697 parameters)', () => {
  it('loss, gradient, and H v = λ v along the expected top eigenvector', async () => {
    const { fixture, spec, data, params } = await loadModelFixture('tanh-2-24-24-1-mse.json');
    const objective = new MlpObjective(spec, data);
    const { loss, grad } = await objective.lossAndGrad(params);
    const expected = fixture.expected;
    expect(Math.abs(loss - expected.loss!)).toBeLessThanOrEqual(1e-4 * Math.abs(expected.loss!));
    expect(maxAbsDifference(grad, expected.grad!)).toBeLessThanOrEqual(1e-4 * maxAbs(expected.grad!));
    const top = expected.topEigenvectors![0];
    const hv = await objective.hvp(params, Float32Array.from(top));
    objective.dispose();
    const lambda = expected.hessianEigenvalues![0];
    expect(maxAbsDifference(hv, top.map((x) => lambda * x))).toBeLessThanOrEqual(1e-4 * lambda);
  });
});

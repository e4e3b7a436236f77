import { describe, expect, it } from 'vitest';
import { dot } from '../linalg/vectorOps';
import { lanczosExtremes } from './lanczos';
import { powerExtremes, powerIteration } from './power';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';

const n = 200;
/** A unique dominant eigenvalue 10 (next 8 in magnitude), the other end at −5. */
const spectrum = spectrumWithBulk([10, 8, 6.5, -5, -4, -3], n, -2, 2);

describe('powerIteration', () => {
  it('converges to the dominant eigenpair', async () => {
    const op = operatorWithSpectrum(spectrum, 1);
    const result = await powerIteration(op.matVec, n, { tol: 1e-7, seed: 1 });
    expect(result.converged).toBe(true);
    expect(result.value).toBeCloseTo(10, 9);
    expect(Math.abs(dot(result.vector, op.eigenvector(0)))).toBeGreaterThan(1 - 1e-9);
    expect(result.residual).toBeLessThanOrEqual(1e-7 * 10);
    expect(result.products).toBe(op.calls);
  });

  it('needs several times the products Lanczos needs for the same tolerance', async () => {
    const op = operatorWithSpectrum(spectrum, 2);
    const power = await powerIteration(op.matVec, n, { tol: 1e-6, seed: 3 });
    const lanczos = await lanczosExtremes(op.matVec, n, { k: 1, tol: 1e-6, seed: 3 });
    expect(power.converged && lanczos.converged).toBe(true);
    // The error of power iteration shrinks like (8/10)^t: about 60 products for 1e-6.
    expect(power.products).toBeGreaterThan(3 * lanczos.products);
  });

  it('with a shift, converges to the eigenvalue farthest from it', async () => {
    const op = operatorWithSpectrum(spectrum, 3);
    const result = await powerIteration(op.matVec, n, { shift: 10, tol: 1e-7, seed: 4, maxIter: 5000 });
    expect(result.converged).toBe(true);
    expect(result.value).toBeCloseTo(-5, 6);
  });

  it('stops at maxIter and says it did not converge', async () => {
    const op = operatorWithSpectrum(spectrum, 4);
    const result = await powerIteration(op.matVec, n, { tol: 1e-12, maxIter: 7, seed: 1 });
    expect(result.converged).toBe(false);
    expect(result.products).toBe(7);
  });

  it('rejects with an AbortError when cancelled and reports progress until then', async () => {
    const op = operatorWithSpectrum(spectrum, 5);
    const controller = new AbortController();
    const progress: number[] = [];
    const run = powerIteration(op.matVec, n, {
      tol: 1e-14, maxIter: 500, signal: controller.signal,
      onProgress: (done, total) => {
        progress.push(done);
        expect(total).toBe(500);
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toEqual([1, 2, 3]);
    expect(op.calls).toBe(3);
  });
});

describe('powerExtremes', () => {
  it('finds both ends, the second by shifting with the first', async () => {
    const op = operatorWithSpectrum(spectrum, 6);
    const result = await powerExtremes(op.matVec, n, { tol: 1e-7, seed: 2, maxIter: 5000 });
    expect(result.dominant.value).toBeCloseTo(10, 6);
    expect(result.opposite.value).toBeCloseTo(-5, 6);
    expect(result.largest).toBe(result.dominant.value);
    expect(result.smallest).toBe(result.opposite.value);
    expect(result.products).toBe(op.calls);
  });

  it('handles a dominant negative eigenvalue', async () => {
    const op = operatorWithSpectrum(spectrumWithBulk([-12, -9, 5, 4], 60, -1, 1), 7);
    const result = await powerExtremes(op.matVec, 60, { tol: 1e-7, seed: 1, maxIter: 5000 });
    expect(result.smallest).toBeCloseTo(-12, 6);
    expect(result.largest).toBeCloseTo(5, 6);
  });
});

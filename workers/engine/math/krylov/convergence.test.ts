import { describe, expect, it } from 'vitest';
import { operatorWithSpectrum, spectrumWithBulk } from './testOperators';
import { comparePowerIteration, productsToAccuracy } from './convergence';

describe('productsToAccuracy', () => {
  it('counts the products each method needs for the top eigenvalue', async () => {
    const op = operatorWithSpectrum(spectrumWithBulk([10, 9], 60, 0, 6), 1);
    const race = await productsToAccuracy(op.matVec, 60, 10, { relTol: 1e-3, maxProducts: 300 });
    expect(race.lanczos).not.toBeNull();
    expect(race.power).not.toBeNull();
    // Power iteration's Rayleigh quotient error falls like (0.9)^(2t): about 33 products for 1e-3.
    expect(race.power!).toBeGreaterThan(20);
    expect(race.lanczos!).toBeLessThan(race.power!);
    expect(op.calls).toBe(race.lanczos! + race.power!);
  });

  it('reports null when the budget is too small', async () => {
    const op = operatorWithSpectrum(spectrumWithBulk([10, 9.99], 60, 0, 9.9), 2);
    const race = await productsToAccuracy(op.matVec, 60, 10, { relTol: 1e-9, maxProducts: 5 });
    expect(race).toEqual({ lanczos: null, power: null });
  });
});

describe('comparePowerIteration', () => {
  it('needs more products with power iteration than with Lanczos for a small gap', async () => {
    // λ₂/λ₁ = 0.95: power iteration's error shrinks by 0.95 per product.
    const op = operatorWithSpectrum(spectrumWithBulk([10, 9.5], 80, 0, 5), 4);
    const result = await comparePowerIteration(op.matVec, 80, { tol: 1e-3, maxProducts: 400 });
    expect(result.power.converged).toBe(true);
    expect(result.lanczos.converged).toBe(true);
    expect(result.power.value).toBeCloseTo(10, 3);
    expect(result.lanczos.value).toBeCloseTo(10, 5);
    expect(result.power.products).toBeGreaterThan(2 * result.lanczos.products);
  });
});

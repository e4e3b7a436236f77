import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { solveSecularEquation } from './secularEquation';
import { symmetricEigenvalues } from './symmetricEigen';

/** D + ρ z zᵀ as a dense row-major matrix. */
function rankOneUpdate(delta: Float64Array, z: Float64Array, rho: number): Float64Array {
  const k = delta.length;
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = (i === j ? delta[i] : 0) + rho * z[i] * z[j];
  return a;
}

describe('solveSecularEquation', () => {
  it('finds the eigenvalues of D + ρ z zᵀ, interlaced with δ', () => {
    const rng = new Rng(2);
    const k = 40;
    const delta = Float64Array.from({ length: k }, (_, i) => i + 0.5 * rng.uniform());
    const z = rng.fillNormal(new Float64Array(k));
    const rho = 0.7;
    const { values } = solveSecularEquation(delta, z, rho);
    const reference = symmetricEigenvalues(rankOneUpdate(delta, z, rho), k); // descending
    for (let i = 0; i < k; i++) {
      expect(values[i]).toBeCloseTo(reference[k - 1 - i], 11);
      expect(values[i]).toBeGreaterThan(delta[i]);
      if (i + 1 < k) expect(values[i]).toBeLessThan(delta[i + 1]);
    }
  });

  it('keeps full relative accuracy in δ_j − λ_i when a root hugs a pole', () => {
    // z₀ tiny: λ₀ − δ₀ ≈ ρ z₀² / (1 + ρ Σ_{j>0} z_j² / (δ_j − δ₀)) ≈ 1e-24, far below ε·|δ₀|.
    const delta = new Float64Array([1, 2, 3]);
    const z = new Float64Array([1e-12, 0.6, 0.8]);
    const rho = 1;
    const { values, differences } = solveSecularEquation(delta, z, rho);
    const gap = -differences[0]; // λ₀ − δ₀
    const expected = (rho * z[0] ** 2) / (1 + rho * (z[1] ** 2 / (delta[1] - delta[0]) + z[2] ** 2 / (delta[2] - delta[0])));
    expect(gap / expected).toBeCloseTo(1, 6);
    expect(values[0]).toBe(1 + gap);
    // Each difference row is δ − λ_i.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      expect(differences[i * 3 + j]).toBeCloseTo(delta[j] - values[i], 14);
    }
  });

  it('solves a single pole exactly: λ = δ + ρ z²', () => {
    const { values } = solveSecularEquation(new Float64Array([2]), new Float64Array([0.5]), 3);
    expect(values[0]).toBeCloseTo(2.75, 14);
  });
});

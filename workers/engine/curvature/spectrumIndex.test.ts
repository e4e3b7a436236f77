import { describe, expect, it } from 'vitest';
import { numericalRank, spectrumIndex } from './spectrumIndex';

describe('spectrumIndex', () => {
  it('counts negative and near-zero eigenvalues against τ · max|λ|', () => {
    // τ · max|λ| = 1e-4 · 10: −5e-4 counts as zero, −0.1 and −3 as negative.
    const counted = spectrumIndex([10, 1e-4, 0, -5e-4, -0.1, -3], 1e-4);
    expect(counted).toMatchObject({ negative: 2, nearZero: 3, index: 2 / 6 });
    expect(counted.threshold).toBeCloseTo(1e-3, 15);
  });

  it('numericalRank counts what is not zero within τ · max|λ|', () => {
    expect(numericalRank([10, 1e-4, 0, -5e-4, -0.1, -3], 1e-4)).toBe(3);
    expect(numericalRank([0, 0, 0])).toBe(0);
  });
});

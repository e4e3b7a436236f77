import { describe, expect, it } from 'vitest';
import { fitIndexLaw, predictedIndex, semicircleCdf } from './indexPrediction';
import { semicircleDensity } from './randomMatrix';

describe('the shifted-semicircle index law', () => {
  it('semicircleCdf integrates the semicircle density (mean 0, radius 1)', () => {
    const steps = 200_000;
    const grid = Float64Array.from({ length: steps }, (_, k) => -1 + (2 * (k + 0.5)) / steps);
    const density = semicircleDensity(grid, 0, 0.25); // R = 2s = 1
    let sum = 0;
    for (let k = 0; k < steps; k++) {
      sum += (density[k] * 2) / steps;
      if ((k + 1) % 20_000 === 0) expect(semicircleCdf(grid[k] + 1 / steps)).toBeCloseTo(sum, 6);
    }
    expect(semicircleCdf(-1)).toBe(0);
    expect(semicircleCdf(0)).toBe(0.5);
    expect(semicircleCdf(1)).toBe(1);
  });

  it('rises from 0 at ε_c with the 3/2-power onset (4√2/3π) (s(ε − ε_c))^{3/2}', () => {
    const law = { criticalLoss: 0.2, slope: 4 };
    expect(predictedIndex(0.1, law)).toBe(0);
    expect(predictedIndex(0.2 + 2 / 4 + 0.1, law)).toBe(1);
    for (const u of [1e-4, 1e-3]) {
      expect(predictedIndex(0.2 + u / 4, law) / ((4 * Math.SQRT2) / (3 * Math.PI) * u ** 1.5)).toBeCloseTo(1, 3);
    }
  });

  it('fitIndexLaw recovers the law that generated the points', () => {
    const law = { criticalLoss: 0.05, slope: 3 };
    const losses = Float64Array.from({ length: 12 }, (_, k) => 0.02 + 0.05 * k);
    const indices = losses.map((loss) => predictedIndex(loss, law));
    const fit = fitIndexLaw(losses, indices);
    expect(fit.criticalLoss).toBeCloseTo(law.criticalLoss, 6);
    expect(fit.slope).toBeCloseTo(law.slope, 5);
    expect(fit.rmsError).toBeLessThan(1e-8);
  });

  it('rejects points it cannot fit', () => {
    expect(() => fitIndexLaw([0.1, 0.1], [0, 0.2])).toThrow(/two or more different losses/);
    expect(() => fitIndexLaw([0.1, 0.2], [0, 1.5])).toThrow(/fraction in \[0, 1\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { makeIris } from './iris';

describe('iris', () => {
  it('is 150 flowers × 4 features in cm, 50 of each of 3 species', () => {
    const d = makeIris();
    expect(d.n).toBe(150);
    expect(d.inputDim).toBe(4);
    expect(d.x.length).toBe(600);
    expect(d.task).toBe('multiclass');
    expect(d.outputDim).toBe(3);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    const sizes = [0, 0, 0];
    for (const label of d.y) sizes[label]++;
    expect(sizes).toEqual([50, 50, 50]);
    // Measurements are positive lengths of at most 8 cm.
    expect(d.x.every((v) => v > 0 && v < 8)).toBe(true);
  });

  it('separates setosa by petal length, as in every description of the data', () => {
    const d = makeIris();
    let maxSetosa = -Infinity, minOthers = Infinity;
    for (let i = 0; i < d.n; i++) {
      const petalLength = d.x[i * 4 + 2];
      if (d.y[i] === 0) maxSetosa = Math.max(maxSetosa, petalLength);
      else minOthers = Math.min(minOthers, petalLength);
    }
    expect(maxSetosa).toBeLessThan(minOthers);
  });

  it('takes no options', () => {
    expect(() => makeIris({ n: 10 })).toThrow("iris: unknown option 'n' (expected: none)");
  });
});

import { describe, expect, it } from 'vitest';
import { abs, add, complex, eigenvalues2x2, mul, quadraticRoots, sqrt, sub, type Complex } from './complex';

describe('complex helpers', () => {
  it('sqrt is the principal root and squares back', () => {
    for (const z of [complex(4), complex(-4), complex(0, 2), complex(-3, -1e-9), complex(1e-300, 1)]) {
      const r = sqrt(z);
      expect(r.re).toBeGreaterThanOrEqual(0);
      const back = mul(r, r);
      expect(abs(sub(back, z))).toBeLessThan(1e-14 * Math.max(1, abs(z)));
    }
    expect(sqrt(complex(-4))).toEqual({ re: 0, im: 2 });
  });

  it('quadraticRoots solves μ² + bμ + c = 0, keeping a tiny root accurate', () => {
    const cases: [Complex, Complex][] = [
      [complex(-3), complex(2)],
      [complex(1, -2), complex(0, -0.5)],
      [complex(-1e8), complex(1)], // roots 1e8 and 1e-8: cancellation would lose the small one
    ];
    for (const [b, c] of cases) {
      for (const mu of quadraticRoots(b, c)) {
        const residual = add(add(mul(mu, mu), mul(b, mu)), c);
        expect(abs(residual)).toBeLessThan(1e-12 * Math.max(1, abs(mul(mu, mu))));
      }
    }
    const [, small] = quadraticRoots(complex(-1e8), complex(1));
    expect(small.re).toBeCloseTo(1e-8, 22);
  });

  it('eigenvalues2x2 gives a conjugate pair for a rotation and the diagonal of a triangular matrix', () => {
    const rotation = eigenvalues2x2([0, 1, -1, 0]).sort((p, q) => p.im - q.im);
    expect(rotation.map((l) => [Math.abs(l.re), l.im])).toEqual([
      [0, -1],
      [0, 1],
    ]);
    expect(eigenvalues2x2([3, 5, 0, -2]).map((l) => l.re).sort((p, q) => p - q)).toEqual([-2, 3]);
  });
});

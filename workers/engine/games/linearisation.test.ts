import { describe, expect, it } from 'vitest';
import { abs, complex, mul, sub, type Complex } from './complex';
import { bilinearGame, diracGan, quadraticGame, type Game } from './games';
import { compareMethods, gameLinearisation, linearisedUpdate, spectralRadius, stableStep, type Jacobian2 } from './linearisation';
import { GAME_METHODS, gameStep, initialGameState, type GameMethod } from './methods';

/** det(M − μ I) for a real n × n matrix M (row-major) and complex μ, by Gaussian elimination with partial pivoting. */
function characteristic(matrix: Float64Array, n: number, mu: Complex): number {
  const a: Complex[] = Array.from(matrix, (value, k) => (k % (n + 1) === 0 ? sub(complex(value), mu) : complex(value)));
  let det = complex(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (abs(a[row * n + col]) > abs(a[pivot * n + col])) pivot = row;
    if (abs(a[pivot * n + col]) === 0) return 0;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[col * n + k]];
      det = mul(det, complex(-1));
    }
    const p = a[col * n + col];
    det = mul(det, p);
    for (let row = col + 1; row < n; row++) {
      const d = p.re * p.re + p.im * p.im;
      const f = mul(a[row * n + col], { re: p.re / d, im: -p.im / d });
      for (let k = col; k < n; k++) a[row * n + k] = sub(a[row * n + k], mul(f, a[col * n + k]));
    }
  }
  return abs(det);
}

const JACOBIANS: [string, Jacobian2][] = [
  ['bilinear', bilinearGame().jacobian(0, 0)],
  ['quadratic', quadraticGame(0.4, 1.2, 0.1).jacobian(0, 0)],
  ['Dirac-GAN γ = 0.3', diracGan(0.3).jacobian(0, 0)],
  ['Dirac-GAN γ = 2', diracGan(2).jacobian(0, 0)],
  ['strongly monotone', [2, 0.5, -0.5, 1]],
];

describe('linearised updates at the equilibrium', () => {
  it.each(JACOBIANS)('%s: every listed eigenvalue is a root of the update matrix’s characteristic polynomial', (_label, jacobian) => {
    for (const method of GAME_METHODS) {
      const update = linearisedUpdate(jacobian, method, 0.3);
      expect(update.eigenvalues.length).toBe(update.size);
      expect(update.matrix.length).toBe(update.size * update.size);
      // |det(M − μI)| relative to the scale of the matrix's entries.
      for (const mu of update.eigenvalues) expect(characteristic(update.matrix, update.size, mu)).toBeLessThan(1e-12);
      expect(update.spectralRadius).toBe(Math.max(...update.eigenvalues.map(abs)));
    }
  });

  it.each(JACOBIANS)('%s: the update matrix is one step of the method on the linear game v(z) = J z', (_label, jacobian) => {
    const [a, b, c, d] = jacobian;
    // The linear game with this Jacobian (a quadratic game when J has the game form, a general field otherwise).
    const game: Game = {
      name: 'quadratic',
      value: () => Number.NaN,
      field: (x, y, out = new Float64Array(2)) => {
        out[0] = a * x + b * y;
        out[1] = c * x + d * y;
        return out;
      },
      jacobian: () => [a, b, c, d],
      equilibrium: [0, 0],
    };
    const eta = 0.3;
    for (const method of GAME_METHODS) {
      const state = initialGameState([0.7, -0.2]);
      gameStep(game, method, state, eta); // the optimistic method's first step has e_{−1} = e₀
      const before = Float64Array.from(state.z);
      const previous = method === 'optimistic' ? [0.7, -0.2] : [];
      gameStep(game, method, state, eta);
      const { matrix, size } = linearisedUpdate(jacobian, method, eta);
      const input = [...before, ...previous];
      for (let row = 0; row < 2; row++) {
        let sum = 0;
        for (let k = 0; k < size; k++) sum += matrix[row * size + k] * input[k];
        expect(state.z[row]).toBeCloseTo(sum, 14);
      }
    }
  });

  it('compareMethods on the bilinear game: simultaneous diverges, alternating circles, extragradient and optimistic converge', () => {
    const verdicts = compareMethods(bilinearGame(), 0.2);
    expect(verdicts.map((v) => v.update.method)).toEqual(GAME_METHODS);
    expect(verdicts.map((v) => [v.converges, v.diverges])).toEqual([
      [false, true],
      [false, false],
      [true, false],
      [true, false],
    ]);
  });

  it('the bilinear game: ρ = √(1 + η²) simultaneous, 1 alternating (η < 2), √(1 − η² + η⁴) extragradient', () => {
    const jacobian = bilinearGame().jacobian(0, 0);
    for (const eta of [0.01, 0.2, 0.9, 1.7]) {
      expect(spectralRadius(jacobian, 'simultaneous', eta)).toBeCloseTo(Math.sqrt(1 + eta * eta), 14);
      expect(spectralRadius(jacobian, 'alternating', eta)).toBeCloseTo(1, 12);
      expect(spectralRadius(jacobian, 'extragradient', eta)).toBeCloseTo(Math.sqrt(1 - eta * eta + eta ** 4), 14);
    }
    expect(spectralRadius(jacobian, 'alternating', 2.5)).toBeGreaterThan(1);
  });

  it('stable steps: ρ < 1 just below each limit and ρ ≥ 1 just above it', () => {
    for (const [label, jacobian] of JACOBIANS) {
      for (const method of GAME_METHODS) {
        const { limit } = stableStep(jacobian, method);
        if (limit === null) {
          // No small step converges.
          for (const eta of [1e-4, 1e-2, 0.3]) expect(spectralRadius(jacobian, method, eta), `${label} ${method}`).toBeGreaterThanOrEqual(1 - 1e-12);
          continue;
        }
        for (const fraction of [0.01, 0.5, 1 - 1e-6]) expect(spectralRadius(jacobian, method, fraction * limit), `${label} ${method}`).toBeLessThan(1);
        expect(spectralRadius(jacobian, method, limit * (1 + 1e-6)), `${label} ${method}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('closed-form stable steps: bilinear b: none, none, 1/b, 1/(√3 b); the quadratic: 2 Re λ/|λ|² for simultaneous', () => {
    const b = 2.5;
    const bilinear = bilinearGame(b).jacobian(0, 0);
    const limits = GAME_METHODS.map((method) => stableStep(bilinear, method));
    expect(limits).toEqual([
      { limit: null, exact: true },
      { limit: null, exact: true },
      { limit: 1 / b, exact: true },
      { limit: 1 / (Math.sqrt(3) * b), exact: true },
    ]);
    const [a, , c] = [0.4, 1.2, 0.1];
    const quadratic = quadraticGame(a, 1.2, c).jacobian(0, 0);
    // λ = (a + c)/2 ± i√(b² − ((a − c)/2)²): 2 Re λ / |λ|² = (a + c) / det J.
    expect(stableStep(quadratic, 'simultaneous').limit).toBeCloseTo((a + c) / (a * c + 1.44), 14);
  });

  it('the penalty on the Dirac-GAN: every method converges once γ > 0; the simultaneous stable step is 4γ up to γ = 1, then 4/(γ + √(γ² − 1))', () => {
    const eta = 0.1;
    // Alternating steps at γ = 0 have ρ = 1 up to rounding: bounded, not convergent.
    const converges = (gamma: number, method: GameMethod) => gameLinearisation(diracGan(gamma), method, eta).spectralRadius < 1 - 1e-9;
    expect(GAME_METHODS.map((method) => converges(0, method))).toEqual([false, false, true, true]);
    for (const gamma of [0.1, 0.5, 1, 3]) expect(GAME_METHODS.every((method) => converges(gamma, method))).toBe(true);
    for (const gamma of [0.1, 0.5, 0.9]) expect(stableStep(diracGan(gamma).jacobian(0, 0), 'simultaneous').limit).toBeCloseTo(4 * gamma, 12);
    for (const gamma of [1.5, 3, 10]) {
      expect(stableStep(diracGan(gamma).jacobian(0, 0), 'simultaneous').limit).toBeCloseTo(4 / (gamma + Math.sqrt(gamma * gamma - 1)), 12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { abs } from './complex';
import { GAME_NAMES, bilinearGame, diracGan, makeGame, quadraticGame, type Game } from './games';
import { linearisedUpdate } from './linearisation';

const H = 1e-5;

/** Central differences of f: (∂f/∂x, −∂f/∂y), the field by definition. */
function fieldByDifferences(game: Game, x: number, y: number): [number, number] {
  const fx = (game.value(x + H, y) - game.value(x - H, y)) / (2 * H);
  const fy = (game.value(x, y + H) - game.value(x, y - H)) / (2 * H);
  return [fx, -fy];
}

/** Central differences of the field: the Jacobian, row-major. */
function jacobianByDifferences(game: Game, x: number, y: number): number[] {
  const dx = [game.field(x + H, y), game.field(x - H, y)];
  const dy = [game.field(x, y + H), game.field(x, y - H)];
  return [0, 1].flatMap((row) => [(dx[0][row] - dx[1][row]) / (2 * H), (dy[0][row] - dy[1][row]) / (2 * H)]);
}

const GAMES: [string, Game][] = [
  ['bilinear', bilinearGame()],
  ['bilinear b = 2.5', bilinearGame(2.5)],
  ['quadratic', quadraticGame(0.7, -1.3, 0.2)],
  ['Dirac-GAN', diracGan()],
  ['Dirac-GAN γ = 0.8', diracGan(0.8)],
];
const POINTS: [number, number][] = [
  [0.3, -0.8],
  [-1.7, 1.1],
  [2.2, 0.4],
];

describe('the games in closed form', () => {
  it.each(GAMES)('%s: the field is (∂f/∂x, −∂f/∂y) and the Jacobian is its derivative', (_label, game) => {
    for (const [x, y] of POINTS) {
      const field = game.field(x, y);
      const expected = fieldByDifferences(game, x, y);
      expect(field[0]).toBeCloseTo(expected[0], 8);
      expect(field[1]).toBeCloseTo(expected[1], 8);
      const jacobian = game.jacobian(x, y);
      jacobianByDifferences(game, x, y).forEach((entry, k) => expect(jacobian[k]).toBeCloseTo(entry, 8));
    }
  });

  it.each(GAMES)('%s: the field vanishes at the equilibrium', (_label, game) => {
    const [vx, vy] = game.field(...game.equilibrium);
    expect(vx).toBe(0);
    expect(vy).toBe(0);
  });

  it('at the Dirac-GAN equilibrium θ = 0 the penalty makes ψ = 0 the discriminator’s strict best reply', () => {
    const game = diracGan(0.5);
    expect(game.value(0, 0.3)).toBeLessThan(game.value(0, 0));
    expect(game.value(0, -0.3)).toBeLessThan(game.value(0, 0));
    // Without it f(0, ψ) = 2 h(0) for every ψ: no pull back to ψ = 0.
    expect(diracGan(0).value(0, 0.3)).toBe(diracGan(0).value(0, 0));
  });

  it('the bilinear Jacobian has eigenvalues ±i b, the quadratic (a + c)/2 ± √(((a − c)/2)² − b²)', () => {
    const bilinear = linearisedUpdate(bilinearGame(2.5).jacobian(0, 0), 'simultaneous', 0.1).jacobianEigenvalues;
    bilinear.forEach((l) => expect(Math.abs(l.re)).toBe(0));
    expect(bilinear.map((l) => Math.abs(l.im))).toEqual([2.5, 2.5]);
    const [a, b, c] = [0.7, -1.3, 0.2];
    const quadratic = linearisedUpdate(quadraticGame(a, b, c).jacobian(0, 0), 'simultaneous', 0.1).jacobianEigenvalues;
    const imaginary = Math.sqrt(b * b - ((a - c) / 2) ** 2);
    for (const l of quadratic) {
      expect(l.re).toBeCloseTo((a + c) / 2, 14);
      expect(Math.abs(l.im)).toBeCloseTo(imaginary, 14);
    }
  });

  it('the gradient penalty moves the Dirac-GAN eigenvalues from ±i/2 to γ/2 ± √(γ²/4 − ¼), into the right half-plane', () => {
    const [l0, l1] = linearisedUpdate(diracGan(0).jacobian(0, 0), 'simultaneous', 0.1).jacobianEigenvalues;
    [l0, l1].forEach((l) => expect(Math.abs(l.re)).toBe(0));
    expect(abs(l0)).toBeCloseTo(0.5, 15);
    for (const gamma of [0.3, 1, 2.5]) {
      const eigenvalues = linearisedUpdate(diracGan(gamma).jacobian(0, 0), 'simultaneous', 0.1).jacobianEigenvalues;
      const discriminant = (gamma * gamma) / 4 - 0.25;
      const expected =
        discriminant >= 0
          ? [gamma / 2 + Math.sqrt(discriminant), gamma / 2 - Math.sqrt(discriminant)].map((re) => ({ re, im: 0 }))
          : [1, -1].map((sign) => ({ re: gamma / 2, im: sign * Math.sqrt(-discriminant) }));
      const sorted = [...eigenvalues].sort((p, q) => q.re - p.re || q.im - p.im);
      sorted.forEach((l, k) => {
        expect(l.re).toBeGreaterThan(0);
        expect(l.re).toBeCloseTo(expected[k].re, 7); // a double root (γ = 1) is only accurate to √ε
        expect(l.im).toBeCloseTo(expected[k].im, 7);
      });
    }
  });

  it('makeGame builds each game and rejects bad parameters with a message', () => {
    for (const name of GAME_NAMES) expect(makeGame(name).name).toBe(name);
    expect(() => diracGan(-1)).toThrow(/γ must be ≥ 0/);
    expect(() => quadraticGame(-1, 1, 0)).toThrow(/a and c must be ≥ 0/);
    expect(() => bilinearGame(Number.NaN)).toThrow(/b must be a finite number/);
    expect(() => makeGame('chess' as never)).toThrow(/Unknown game "chess"/);
  });
});

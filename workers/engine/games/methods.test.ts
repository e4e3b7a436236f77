import { describe, expect, it } from 'vitest';
import { bilinearGame, diracGan, quadraticGame } from './games';
import { gameLinearisation } from './linearisation';
import { GAME_DIVERGENCE_BOUND, GAME_METHODS, gameStep, gameTrajectory, initialGameState } from './methods';

const START: [number, number] = [0.8, -0.6];

/** (d_end / d_begin)^(1/(end − begin)): the measured contraction per step. */
function measuredRate(distances: Float64Array, begin: number, end: number): number {
  return (distances[end] / distances[begin]) ** (1 / (end - begin));
}

describe('game methods on the bilinear game f = xy', () => {
  const game = bilinearGame();

  it('simultaneous descent-ascent moves away from 0 by exactly √(1 + η²) per step', () => {
    for (const eta of [0.05, 0.3, 1]) {
      const { distances } = gameTrajectory(game, 'simultaneous', START, eta, 30);
      for (let k = 1; k < distances.length; k++) {
        expect(distances[k] / distances[k - 1]).toBeCloseTo(Math.sqrt(1 + eta * eta), 13);
      }
    }
  });

  it('alternating descent-ascent keeps x² + y² − η x y fixed, so it stays bounded and never converges', () => {
    const eta = 0.4;
    const invariant = (x: number, y: number) => x * x + y * y - eta * x * y;
    const { path, distances } = gameTrajectory(game, 'alternating', START, eta, 10_000);
    const q0 = invariant(...START);
    for (let k = 0; k < distances.length; k++) {
      expect(invariant(path[2 * k], path[2 * k + 1])).toBeCloseTo(q0, 12);
    }
    // (1 − η/2)‖z‖² ≤ Q ≤ (1 + η/2)‖z‖², since |xy| ≤ ‖z‖²/2.
    expect(Math.max(...distances)).toBeLessThanOrEqual(Math.sqrt(q0 / (1 - eta / 2)) * (1 + 1e-12));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(Math.sqrt(q0 / (1 + eta / 2)) * (1 - 1e-12));
  });

  it('extragradient converges at √(1 − η² + η⁴) per step, as its eigenvalues 1 − ηλ + η²λ² predict', () => {
    for (const eta of [0.1, 0.5, 0.9]) {
      const { distances } = gameTrajectory(game, 'extragradient', START, eta, 40);
      const predicted = Math.sqrt(1 - eta * eta + eta ** 4);
      expect(gameLinearisation(game, 'extragradient', eta).spectralRadius).toBeCloseTo(predicted, 14);
      // On a linear game with J a rotation, every step scales the distance by the same factor.
      for (let k = 1; k < distances.length; k++) expect(distances[k] / distances[k - 1]).toBeCloseTo(predicted, 12);
    }
  });

  it('optimistic gradient converges at the spectral radius of its 4 × 4 companion system', () => {
    // Not η = 0.5: there μ² − (1 − i)μ − i/2 has a double root, and the error decays like k ρᵏ.
    for (const eta of [0.1, 0.3, 0.45]) {
      const { distances } = gameTrajectory(game, 'optimistic', START, eta, 400);
      const rho = gameLinearisation(game, 'optimistic', eta).spectralRadius;
      expect(rho).toBeLessThan(1);
      // The companion system's second root pair (|μ| ≈ η) has died out long before step 200.
      expect(measuredRate(distances, 200, 400)).toBeCloseTo(rho, 9);
    }
  });

  it('optimistic gradient diverges past its stable step 1/√3', () => {
    const { distances } = gameTrajectory(game, 'optimistic', START, 0.6, 60);
    expect(gameLinearisation(game, 'optimistic', 0.6).spectralRadius).toBeGreaterThan(1);
    expect(distances[60]).toBeGreaterThan(10 * distances[0]);
  });

  it('a run that leaves the ball of radius GAME_DIVERGENCE_BOUND stops there and says when', () => {
    const eta = 1;
    // ‖z_k‖ = ‖z₀‖ · 2^{k/2}: the first k past the bound.
    const expected = Math.ceil(2 * Math.log2(GAME_DIVERGENCE_BOUND / Math.hypot(...START)) + 1e-9);
    const run = gameTrajectory(game, 'simultaneous', START, eta, 100);
    expect(run.divergedAt).toBe(expected);
    expect(run.distances.length).toBe(expected);
    expect(gameTrajectory(game, 'extragradient', START, 0.5, 100).divergedAt).toBeNull();
  });
});

describe('game methods on the Dirac-GAN (nonlinear)', () => {
  it('simultaneous descent-ascent spirals out without the gradient penalty and converges with it', () => {
    const start: [number, number] = [0.5, 0.5];
    const plain = gameTrajectory(diracGan(0), 'simultaneous', start, 0.1, 2000).distances;
    expect(plain[2000]).toBeGreaterThan(plain[0]);
    const penalised = gameTrajectory(diracGan(0.5), 'simultaneous', start, 0.1, 2000).distances;
    expect(penalised[2000]).toBeLessThan(1e-6 * penalised[0]);
  });
});

describe('game method step rules', () => {
  it('alternating lets y answer the new x; simultaneous does not', () => {
    const game = quadraticGame(0.5, 2, 0.25);
    const eta = 0.1;
    const [x, y] = START;
    const alternating = initialGameState(START);
    gameStep(game, 'alternating', alternating, eta);
    const xNew = x - eta * (0.5 * x + 2 * y);
    expect(alternating.z[0]).toBeCloseTo(xNew, 15);
    expect(alternating.z[1]).toBeCloseTo(y - eta * (-2 * xNew + 0.25 * y), 15);
    const simultaneous = initialGameState(START);
    gameStep(game, 'simultaneous', simultaneous, eta);
    expect(simultaneous.z[1]).toBeCloseTo(y - eta * (-2 * x + 0.25 * y), 15);
  });

  it('extragradient steps with the field at the look-ahead point', () => {
    const game = diracGan(0.3);
    const eta = 0.2;
    const state = initialGameState(START);
    gameStep(game, 'extragradient', state, eta);
    const v = game.field(...START);
    const ahead = game.field(START[0] - eta * v[0], START[1] - eta * v[1]);
    expect(Array.from(state.z)).toEqual([START[0] - eta * ahead[0], START[1] - eta * ahead[1]]);
  });

  it('optimistic starts with a simultaneous step, then uses 2 v(z_k) − v(z_{k−1})', () => {
    const game = diracGan(0.3);
    const eta = 0.2;
    const optimistic = initialGameState(START);
    const simultaneous = initialGameState(START);
    gameStep(game, 'optimistic', optimistic, eta);
    gameStep(game, 'simultaneous', simultaneous, eta);
    expect(Array.from(optimistic.z)).toEqual(Array.from(simultaneous.z));
    const z1 = Float64Array.from(optimistic.z);
    gameStep(game, 'optimistic', optimistic, eta);
    const v1 = game.field(z1[0], z1[1]);
    const v0 = game.field(...START);
    expect(optimistic.z[0]).toBeCloseTo(z1[0] - eta * (2 * v1[0] - v0[0]), 15);
    expect(optimistic.z[1]).toBeCloseTo(z1[1] - eta * (2 * v1[1] - v0[1]), 15);
  });

  it('on a linear game each method converges at the spectral radius of its linearised update', () => {
    const game = quadraticGame(0.3, 1.5, 0.1);
    for (const method of GAME_METHODS) {
      const eta = 0.1; // below every method's stable step here (the smallest, simultaneous, is 0.175)
      const { distances } = gameTrajectory(game, method, START, eta, 600);
      const rho = gameLinearisation(game, method, eta).spectralRadius;
      expect(rho).toBeLessThan(1);
      // Complex eigenvalues make ‖e_k‖ oscillate inside a band of fixed width: average over whole turns.
      expect(measuredRate(distances, 200, 600)).toBeCloseTo(rho, 3);
    }
  });

  it('rejects a bad step size, step count or start', () => {
    const game = bilinearGame();
    expect(() => gameTrajectory(game, 'simultaneous', START, 0, 5)).toThrow(/step size must be > 0/);
    expect(() => gameTrajectory(game, 'simultaneous', START, 0.1, 1.5)).toThrow(/steps must be an integer/);
    expect(() => gameTrajectory(game, 'simultaneous', [Number.NaN, 0], 0.1, 5)).toThrow(/start must be finite/);
  });
});

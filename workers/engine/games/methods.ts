/**
 * First-order methods for min-max games as step rules over z = (x, y), and
 * their trajectories. Every rule uses only the simultaneous field
 * v = (∂f/∂x, −∂f/∂y) of games.ts (step size η):
 *
 * - simultaneous gradient descent-ascent: z ← z − η v(z);
 * - alternating: x ← x − η v₀(x, y), then y ← y − η v₁(x_new, y)
 *   (the maximiser answers the minimiser's new move);
 * - extragradient (Korpelevich 1976): a look-ahead z½ = z − η v(z), then
 *   z ← z − η v(z½) (two field evaluations per step);
 * - optimistic gradient (Popov 1980; Daskalakis et al. 2018, "Training GANs
 *   with optimism"): z_{k+1} = z_k − 2η v(z_k) + η v(z_{k−1}), which keeps
 *   the previous field as state; its first step, with v(z_{−1}) := v(z₀), is
 *   a simultaneous step.
 */
import type { Game } from './games';

/** The methods, as named in the engine. */
export type GameMethod = 'simultaneous' | 'alternating' | 'extragradient' | 'optimistic';

/** Every method, in the order a list shows them. */
export const GAME_METHODS: readonly GameMethod[] = ['simultaneous', 'alternating', 'extragradient', 'optimistic'];

/**
 * Gradients each player computes per step (for comparisons at equal cost):
 * alternating computes the same two partial gradients as a simultaneous
 * step, one after the other; extragradient computes them twice.
 */
export const GRADIENTS_PER_STEP: Readonly<Record<GameMethod, number>> = {
  simultaneous: 1,
  alternating: 1,
  extragradient: 2,
  optimistic: 1,
};

/** The state of a method between steps. */
export interface GameMethodState {
  /** The current point z = (x, y). */
  z: Float64Array;
  /** v(z_{k−1}) for the optimistic method; null before its first step and for the others. */
  previousField: Float64Array | null;
}

/** The state at the start point. */
export function initialGameState(start: readonly [number, number]): GameMethodState {
  return { z: Float64Array.from(start), previousField: null };
}

/** One step of `method` with step size η on `game`, updating `state` in place. */
export function gameStep(game: Game, method: GameMethod, state: GameMethodState, eta: number): void {
  const z = state.z;
  switch (method) {
    case 'simultaneous': {
      const v = game.field(z[0], z[1]);
      z[0] -= eta * v[0];
      z[1] -= eta * v[1];
      return;
    }
    case 'alternating': {
      z[0] -= eta * game.field(z[0], z[1])[0];
      z[1] -= eta * game.field(z[0], z[1])[1];
      return;
    }
    case 'extragradient': {
      const v = game.field(z[0], z[1]);
      const ahead = game.field(z[0] - eta * v[0], z[1] - eta * v[1]);
      z[0] -= eta * ahead[0];
      z[1] -= eta * ahead[1];
      return;
    }
    case 'optimistic': {
      const v = game.field(z[0], z[1]);
      const previous = state.previousField ?? v;
      z[0] -= eta * (2 * v[0] - previous[0]);
      z[1] -= eta * (2 * v[1] - previous[1]);
      state.previousField = v;
      return;
    }
  }
}

/** Iterates farther than this from the equilibrium count as diverged. */
export const GAME_DIVERGENCE_BOUND = 1e6;

/** A run of one method from one start. */
export interface GameTrajectory {
  method: GameMethod;
  /** (x_k, y_k) for k = 0 … m, interleaved (length 2(m + 1)). */
  path: Float64Array;
  /** f(x_k, y_k). */
  values: Float64Array;
  /** ‖z_k − z*‖ to the game's equilibrium. */
  distances: Float64Array;
  /** The step at which the run left the ball of radius GAME_DIVERGENCE_BOUND (or met a non-finite value), or null. */
  divergedAt: number | null;
}

/** `steps` steps of `method` with step size η from `start`; stops early on divergence. */
export function gameTrajectory(
  game: Game,
  method: GameMethod,
  start: readonly [number, number],
  eta: number,
  steps: number,
): GameTrajectory {
  if (!(eta > 0 && Number.isFinite(eta))) throw new RangeError(`gameTrajectory: the step size must be > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`gameTrajectory: steps must be an integer ≥ 0, got ${steps}`);
  if (!start.every(Number.isFinite)) throw new RangeError(`gameTrajectory: the start must be finite, got (${start.join(', ')})`);
  const state = initialGameState(start);
  const path = new Float64Array(2 * (steps + 1));
  const [ex, ey] = game.equilibrium;
  let count = 0;
  let divergedAt: number | null = null;
  for (let k = 0; k <= steps; k++) {
    if (k > 0) gameStep(game, method, state, eta);
    const [x, y] = state.z;
    const distance = Math.hypot(x - ex, y - ey);
    if (!(distance <= GAME_DIVERGENCE_BOUND)) {
      divergedAt = k;
      break;
    }
    path[2 * k] = x;
    path[2 * k + 1] = y;
    count = k + 1;
  }
  const kept = path.slice(0, 2 * count);
  const values = Float64Array.from({ length: count }, (_, k) => game.value(kept[2 * k], kept[2 * k + 1]));
  const distances = Float64Array.from({ length: count }, (_, k) => Math.hypot(kept[2 * k] - ex, kept[2 * k + 1] - ey));
  return { method, path: kept, values, distances, divergedAt };
}

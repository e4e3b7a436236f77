/**
 * "Compare GD, Newton and saddle-free Newton near a saddle" on
 * f(x, y) = x² − y² (Hessian diag(2, −2)), starting just off the ridge at
 * (1, 0.01). Per step, with damping δ:
 * - gradient descent, η = 0.1: x ← (1 − 2η) x = 0.8 x, y ← (1 + 2η) y = 1.2 y,
 *   so it slides towards the saddle and only slowly leaves along y;
 * - Newton, η = 1: θ ← θ − (H + δI)⁻¹ g, i.e. x ← x δ/(2 + δ), y ← y δ/(δ − 2):
 *   it jumps to the critical point, attracted by the saddle as by a minimum;
 * - saddle-free Newton, η = 0.5 (Dauphin et al. 2014): θ ← θ − η (|H| + δI)⁻¹ g,
 *   x ← x (1 − 2η/(2 + δ)) ≈ x/2, y ← y (1 + 2η/(2 + δ)) ≈ 1.5 y:
 *   the negative curvature is used to escape, as fast as x converges.
 * After 25 steps gradient descent is at y ≈ 0.01 · 1.2²⁵ ≈ 0.95, saddle-free
 * Newton at y ≈ 0.01 · 1.5²⁵ ≈ 250, and Newton sits on the saddle.
 */
import {
  analyticProblemSpec,
  defaultExperiment,
  defaultOptimizerRun,
  type OptimizerRunSpec,
} from '../../../workers/engine/experiment';
import type { OptimizerName } from '../../../workers/engine/optim/config';
import type { ExperimentPreset } from './types';

/** The start: 1 along the rising axis x, 0.01 off the falling axis y. */
export const SADDLE_PRESET_START: [number, number] = [1, 0.01];

/** Steps each optimizer makes. */
export const SADDLE_PRESET_STEPS = 25;

function run(name: OptimizerName, lr: number, index: number, taken: OptimizerRunSpec[]): OptimizerRunSpec {
  const spec = defaultOptimizerRun(name, index, taken.map((other) => other.id));
  return { ...spec, lr };
}

/** The preset's experiment (an analytic one: the type `defaultExperiment` gives). */
export function buildSaddleExperiment(): ReturnType<typeof defaultExperiment> {
  const experiment = defaultExperiment(analyticProblemSpec('saddle'));
  const optimizers: OptimizerRunSpec[] = [];
  optimizers.push(run('sgd', 0.1, 0, optimizers));
  optimizers.push(run('newton', 1, 1, optimizers));
  optimizers.push(run('saddle_free_newton', 0.5, 2, optimizers));
  return {
    ...experiment,
    start: [...SADDLE_PRESET_START],
    steps: SADDLE_PRESET_STEPS,
    optimizers,
    view: { mode: '3d', logScale: false },
  };
}

/** The saddle comparison preset (see the module comment). */
export const SADDLE_PRESET: ExperimentPreset = {
  id: 'saddle-newton',
  label: 'Compare GD, Newton and saddle-free Newton near a saddle',
  description: 'On x² − y²: Newton is drawn into the saddle, gradient descent lingers, saddle-free Newton escapes along −y² at once.',
  group: 'Analytic functions',
  build: buildSaddleExperiment,
};

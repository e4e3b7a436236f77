/**
 * "Compare GD, Newton and saddle-free Newton near a saddle" on
 * f(x, y) = x² − y² (Hessian diag(2, −2)), starting just off the ridge at
 * (1, 0.01). Per step, with damping δ = 10⁻³:
 * - gradient descent, η = 0.05: x ← (1 − 2η) x = 0.9 x, y ← (1 + 2η) y = 1.1 y:
 *   it creeps towards the saddle and lingers there, leaving only slowly along y;
 * - Newton, η = 1: θ ← θ − (H + δI)⁻¹ g, i.e. x ← x δ/(2 + δ), y ← y δ/(δ − 2):
 *   it jumps to the critical point, attracted by the saddle as by a minimum;
 * - saddle-free Newton, η = 0.3 (Dauphin et al. 2014): θ ← θ − η (|H| + δI)⁻¹ g,
 *   x ← x (1 − 2η/(2 + δ)) ≈ 0.7 x, y ← y (1 + 2η/(2 + δ)) ≈ 1.3 y:
 *   the negative curvature is a direction of descent, taken as fast as x converges.
 * After 20 steps gradient descent is near the saddle at (0.12, 0.067), Newton
 * on it, and saddle-free Newton at y ≈ 0.01 · 1.3²⁰ ≈ 1.9, past the window's edge.
 */
import { analyticProblemSpec, defaultExperiment, type OptimizerRunSpec } from '../experiment';
import type { AnalyticOptimizerName } from '../optimizers/registry';
import { defaultRun } from '../runs';
import type { ExperimentPreset } from './types';

/** The start: 1 along the rising axis x, 0.01 off the falling axis y. */
export const SADDLE_PRESET_START: [number, number] = [1, 0.01];

/** Steps each optimizer makes. */
export const SADDLE_PRESET_STEPS = 20;

function run(name: AnalyticOptimizerName, lr: number, index: number, taken: OptimizerRunSpec[]): OptimizerRunSpec {
  const spec = defaultRun('analytic', name, index, taken.map((other) => other.id));
  return { ...spec, lr };
}

/** The preset's experiment (an analytic one: the type `defaultExperiment` gives). */
export function buildSaddleExperiment(): ReturnType<typeof defaultExperiment> {
  const experiment = defaultExperiment(analyticProblemSpec('saddle'));
  const optimizers: OptimizerRunSpec[] = [];
  optimizers.push(run('sgd', 0.05, 0, optimizers));
  optimizers.push(run('newton', 1, 1, optimizers));
  optimizers.push(run('saddle_free_newton', 0.3, 2, optimizers));
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
  description: 'On x² − y²: Newton is drawn into the saddle, gradient descent lingers near it, saddle-free Newton escapes along y.',
  group: 'Analytic functions',
  build: buildSaddleExperiment,
};

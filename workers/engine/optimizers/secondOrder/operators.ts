/**
 * Helpers shared by the second-order optimizers. (Their curvature operators
 * v ↦ (C + s I) v come from the engine's one home of them,
 * `curvatureOperator` in curvature/operators.ts.)
 */

/** η_t = η · min(1, t / W) while warming up over W > 0 steps, else η (as in optimizers/rules.ts). */
export function warmedUpRate(lr: number, warmupSteps: number, t: number): number {
  return warmupSteps > 0 ? lr * Math.min(1, t / warmupSteps) : lr;
}

/**
 * The 256 × 256 height field of Rosenbrock over its default window: one
 * batched TensorFlow.js evaluation against one evaluation (and read-back)
 * per point. The per-point loop would take minutes on 65 536 points, so it is
 * timed on a 32 × 32 grid over the same window and scaled by the point
 * count; its cost per point does not depend on where the point is.
 */
import { evaluateGrid, evaluateGridPerPoint, type Grid2D } from '../workers/engine/analytic/evaluate';
import { analyticInfo } from '../workers/engine/analytic/functions';
import { timeMedianMs } from './harness';
import type { Benchmark } from './types';

const PROBLEM = { name: 'rosenbrock' as const };
const SIDE = 256;
const SAMPLE_SIDE = 32;

/** Batched vs per-point evaluation of the 256 × 256 Rosenbrock surface, and their ratio. */
export const analyticSurfaceBenchmark: Benchmark = {
  id: 'rosenbrock_surface',
  title: `Rosenbrock surface, ${SIDE}×${SIDE} grid: batched vs one call per point`,
  async run(context) {
    const window = analyticInfo(PROBLEM).window;
    const grid: Grid2D = { ...window, nx: SIDE, ny: SIDE };
    const sample: Grid2D = { ...window, nx: SAMPLE_SIDE, ny: SAMPLE_SIDE };
    const scale = (SIDE * SIDE) / (SAMPLE_SIDE * SAMPLE_SIDE);

    context.log(`batched ${SIDE}×${SIDE}`);
    const batched = await timeMedianMs(() => evaluateGrid(PROBLEM, grid), { warmup: 2, repeats: 7 });
    context.log(`per point, ${SAMPLE_SIDE}×${SAMPLE_SIDE} sample`);
    const sampled = await timeMedianMs(() => evaluateGridPerPoint(PROBLEM, sample), { warmup: 1, repeats: 3 });
    const perPoint = sampled * scale;
    return [
      { name: `${SIDE}x${SIDE}.batched`, value: batched, unit: 'ms', note: 'one batched call per 65 536 points' },
      {
        name: `${SIDE}x${SIDE}.per_point`,
        value: perPoint,
        unit: 'ms',
        note:
          `measured on ${SAMPLE_SIDE}×${SAMPLE_SIDE} = ${SAMPLE_SIDE * SAMPLE_SIDE} points ` +
          `(${sampled.toFixed(1)} ms), scaled ×${scale}`,
      },
      { name: `${SIDE}x${SIDE}.speedup`, value: perPoint / batched, unit: 'x', note: 'per-point time / batched time' },
    ];
  },
};

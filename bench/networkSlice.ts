/**
 * A 2-D loss slice of the default network (two-arm spiral, 2-16-16-1 tanh,
 * 320 training samples, 337 parameters) at its initial parameters, three
 * ways side by side in one run: one loss evaluation per point; the generic
 * batched path (`evaluateBatch`: K networks per batched matMul over
 * [K, fanIn, fanOut] kernels); and the plane path (`evaluatePlane`, which
 * runSliceJob uses: a few large GEMMs per layer from the plane's
 * structure). Both batched paths run through runSliceJob (coarse to fine,
 * chunks of ~250 ms), the generic one by hiding `evaluatePlane`. The
 * per-point loop is timed on a sample of points and scaled by the grid size
 * (its cost per point does not depend on the point). Achieved GFLOP/s count
 * the FLOPs each path does (forwardFlops, planeFlops) against a plain
 * 512×512 matMul on the same backend. The data loss (no weight decay) is timed,
 * on the TensorFlow.js engine (the typed-array engine beside it: fast_path).
 */
import { sliceDirections } from '../workers/engine/landscape/directions';
import { planePoint } from '../workers/engine/math/plane/plane';
import { runSliceJob } from '../workers/engine/landscape/sliceJob';
import type { BatchEvaluator } from '../workers/engine/landscape/sliceGrid';
import { buildNetwork } from '../workers/engine/networks/build';
import { networkProblem } from '../workers/engine/spec/networkProblem';
import { timeMedianMs } from './harness';
import { forwardFlops, matMulGflops, planeFlops } from './sliceFlops';
import type { Benchmark, Measurement } from './types';

const SIDES = [65, 129] as const;
/** Points timed one by one. */
const SAMPLE_POINTS = 100;
const CEILING_SIZE = 512;

/** Per point vs generic batched vs plane path at 65×65 and 129×129, their ratios, GFLOP/s and the matMul ceiling. */
export const networkSliceBenchmark: Benchmark = {
  id: 'network_slice',
  title: '2-D loss slice of the default network (2-16-16-1 tanh, spiral): per point vs batched vs plane path',
  async run(context) {
    const network = buildNetwork(networkProblem(), { engine: 'tfjs' });
    try {
      const objective = network.objective.data;
      const generic: BatchEvaluator = { paramCount: objective.paramCount, evaluateBatch: (batch, count) => objective.evaluateBatch(batch, count) };
      const centre = network.initialParams;
      const plane = await sliceDirections(objective, { kind: 'random', centre, seed: 1 });
      const genericFlops = forwardFlops(network.spec, objective.sampleCount);
      const structuredFlops = planeFlops(network.spec, objective.sampleCount);
      const measurements: Measurement[] = [];

      context.log(`per point, ${SAMPLE_POINTS} points`);
      const points = Array.from({ length: SAMPLE_POINTS }, (_, k) => planePoint(plane, -1 + (2 * k) / SAMPLE_POINTS, 0.5));
      const sampleMs = await timeMedianMs(
        async () => {
          for (const point of points) await objective.loss(point);
        },
        { warmup: 1, repeats: 3 },
      );
      const msPerPoint = sampleMs / SAMPLE_POINTS;

      let bestPlaneGflops = 0;
      for (const side of SIDES) {
        const request = { plane, alphaRange: [-1, 1] as [number, number], nx: side };
        const plan = side === SIDES[0] ? { warmup: 1, repeats: 3 } : { warmup: 0, repeats: 1 };
        context.log(`generic batched ${side}×${side}`);
        const batched = await timeMedianMs(() => runSliceJob(generic, request), plan);
        context.log(`plane path ${side}×${side}`);
        const structured = await timeMedianMs(() => runSliceJob(objective, request), plan);
        const count = side * side;
        const perPoint = msPerPoint * count;
        const planeGflops = (count * structuredFlops) / (structured * 1e6);
        bestPlaneGflops = Math.max(bestPlaneGflops, planeGflops);
        measurements.push(
          {
            name: `${side}x${side}.per_point`,
            value: perPoint,
            unit: 'ms',
            note: `${msPerPoint.toFixed(3)} ms per point measured on ${SAMPLE_POINTS} points, scaled ×${count}`,
          },
          { name: `${side}x${side}.batched`, value: batched, unit: 'ms', note: `${count} points, evaluateBatch, progressive` },
          { name: `${side}x${side}.plane`, value: structured, unit: 'ms', note: `${count} points, evaluatePlane, progressive` },
          { name: `${side}x${side}.batched_speedup`, value: perPoint / batched, unit: 'x', note: 'per-point time / batched time' },
          { name: `${side}x${side}.plane_speedup`, value: perPoint / structured, unit: 'x', note: 'per-point time / plane-path time' },
          { name: `${side}x${side}.plane_vs_batched`, value: batched / structured, unit: 'x', note: 'batched time / plane-path time' },
          {
            name: `${side}x${side}.batched_gflops`,
            value: (count * genericFlops) / (batched * 1e6),
            unit: 'GFLOP/s',
            note: `${(genericFlops / 1e3).toFixed(0)} kFLOP per point`,
          },
          {
            name: `${side}x${side}.plane_gflops`,
            value: planeGflops,
            unit: 'GFLOP/s',
            note: `${(structuredFlops / 1e3).toFixed(0)} kFLOP per point (3 GEMMs per layer after the first)`,
          },
        );
      }

      context.log(`ceiling: ${CEILING_SIZE}×${CEILING_SIZE} matMul`);
      const ceiling = await matMulGflops(CEILING_SIZE);
      measurements.push(
        { name: 'matmul_512.gflops', value: ceiling, unit: 'GFLOP/s', note: 'plain float32 matMul, the backend’s dense ceiling' },
        { name: 'plane_vs_ceiling', value: (100 * bestPlaneGflops) / ceiling, unit: '%', note: 'best plane-path GFLOP/s / matMul GFLOP/s' },
      );
      return measurements;
    } finally {
      network.dispose();
    }
  },
};

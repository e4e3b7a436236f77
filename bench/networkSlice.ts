/**
 * A 2-D loss slice of the default network (two-arm spiral, 2-16-16-1 tanh,
 * 320 training samples, 337 parameters) at its initial parameters, through
 * runSliceJob: batched (coarse to fine, many networks per batched matMul)
 * against one loss evaluation per point. The per-point loop is timed on a
 * sample of points and scaled by the grid size (its cost per point does not
 * depend on the point). The batched run's achieved GFLOP/s (model FLOPs,
 * see forwardFlops) is set against a plain 512×512 matMul on the same backend.
 */
import { sliceDirections } from '../workers/engine/landscape/directions';
import { runSliceJob } from '../workers/engine/landscape/sliceJob';
import { buildNetwork } from '../workers/engine/network/build';
import { networkProblem } from '../workers/engine/network/problem';
import { planePoint } from '../workers/engine/landscape/plane';
import { timeMedianMs } from './harness';
import { forwardFlops, matMulGflops } from './sliceFlops';
import type { Benchmark, Measurement } from './types';

const SIDES = [65, 129] as const;
/** Points timed one by one. */
const SAMPLE_POINTS = 100;
const CEILING_SIZE = 512;

/** Batched vs per-point slices at 65×65 and 129×129, their GFLOP/s and the matMul ceiling. */
export const networkSliceBenchmark: Benchmark = {
  id: 'network_slice',
  title: '2-D loss slice of the default network (2-16-16-1 tanh, spiral): batched vs one evaluation per point',
  async run(context) {
    const network = buildNetwork(networkProblem());
    try {
      const objective = network.objective;
      const centre = network.initialParams;
      const plane = await sliceDirections(objective, { kind: 'random', centre, seed: 1 });
      const flopsPerPoint = forwardFlops(network.spec, objective.sampleCount);
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

      let bestGflops = 0;
      for (const side of SIDES) {
        context.log(`batched ${side}×${side}`);
        const request = { plane, alphaRange: [-1, 1] as [number, number], nx: side };
        const batched = await timeMedianMs(() => runSliceJob(objective, request), { warmup: side === SIDES[0] ? 1 : 0, repeats: side === SIDES[0] ? 3 : 1 });
        const count = side * side;
        const perPoint = msPerPoint * count;
        const gflops = (count * flopsPerPoint) / (batched * 1e6);
        bestGflops = Math.max(bestGflops, gflops);
        measurements.push(
          { name: `${side}x${side}.batched`, value: batched, unit: 'ms', note: `${count} points, progressive, chunks of ~250 ms` },
          {
            name: `${side}x${side}.per_point`,
            value: perPoint,
            unit: 'ms',
            note: `${msPerPoint.toFixed(3)} ms per point measured on ${SAMPLE_POINTS} points, scaled ×${count}`,
          },
          { name: `${side}x${side}.speedup`, value: perPoint / batched, unit: 'x', note: 'per-point time / batched time' },
          {
            name: `${side}x${side}.gflops`,
            value: gflops,
            unit: 'GFLOP/s',
            note: `${(flopsPerPoint / 1e3).toFixed(0)} kFLOP per point (${objective.paramCount} parameters, ${objective.sampleCount} samples)`,
          },
        );
      }

      context.log(`ceiling: ${CEILING_SIZE}×${CEILING_SIZE} matMul`);
      const ceiling = await matMulGflops(CEILING_SIZE);
      measurements.push(
        { name: 'matmul_512.gflops', value: ceiling, unit: 'GFLOP/s', note: 'plain float32 matMul, the backend’s dense ceiling' },
        { name: 'slice_vs_ceiling', value: (100 * bestGflops) / ceiling, unit: '%', note: 'best batched slice GFLOP/s / matMul GFLOP/s' },
      );
      return measurements;
    } finally {
      network.dispose();
    }
  },
};

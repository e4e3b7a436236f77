/**
 * Every benchmark run by `npm run bench`, in order. A new benchmark (network
 * slices, Hessian-vector products, …) is a module under bench/ exporting a
 * {@link Benchmark}, added to this list.
 */
import { analyticSurfaceBenchmark } from './analyticSurface';
import { curvatureCostBenchmark } from './curvatureCost';
import { fastPathBenchmark } from './fastPath';
import { networkSliceBenchmark } from './networkSlice';
import { networkTrainingBenchmark } from './networkTraining';
import { optimizerStepBenchmark } from './optimizerStep';
import { perExampleGradientsBenchmark } from './perExampleGradients';
import type { Benchmark } from './types';

/** The registered benchmarks, run in this order on each backend. */
export const BENCHMARKS: readonly Benchmark[] = [
  analyticSurfaceBenchmark,
  optimizerStepBenchmark,
  networkTrainingBenchmark,
  networkSliceBenchmark,
  curvatureCostBenchmark,
  fastPathBenchmark,
  perExampleGradientsBenchmark,
];

/**
 * The id that selects the browser benchmarks (webgl and webgpu in headless
 * Chromium, browserBench.ts) with `--only`; run.ts runs them after the Node
 * benchmarks, once, not per Node backend.
 */
export const BROWSER_BENCHMARK_ID = 'browser';

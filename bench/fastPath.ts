/**
 * The typed-array engine against the TensorFlow.js engine on the same
 * problems, side by side in one run (each repeat times both, alternately,
 * and the medians are compared; ratios > 1 mean the typed-array engine is
 * faster):
 * - Adam training steps per second on the default network problem
 *   (two-arm spiral of one turn, 2-16-16-1 tanh, 320 training samples)
 *   with minibatches of 32 and with the full batch, through TrainingSession;
 * - one Hessian-vector product against one gradient on that network, on
 *   each engine: at a θ whose gradient was just taken (`hvp_cost_in_gradients`,
 *   the typed-array engine's), and the next products at the same θ, as
 *   Lanczos and conjugate gradients make them (the typed-array engine keeps
 *   the forward and gradient passes they share: `hvp_repeated_cost_in_gradients`);
 * - Lanczos to the top Hessian eigenvalue (residual ≤ 1e-3·|θ|) on the
 *   Chebyshev-6 regression task with a 1-30-20-1 tanh network (701 parameters);
 * - a 65 × 65 loss slice (random filter-normalised plane) of the default
 *   network after 200 full-batch Adam steps, through runSliceJob as the app
 *   runs it (the plane path on wasm, the batched path on cpu).
 */
import { lanczosExtremes } from '../workers/engine/math/krylov/lanczos';
import { curvatureOperator } from '../workers/engine/curvature/operators';
import { sliceDirections } from '../workers/engine/landscape/directions';
import { runSliceJob } from '../workers/engine/landscape/sliceJob';
import { buildNetwork, type BuiltNetwork } from '../workers/engine/networks/build';
import type { NetworkEngine } from '../workers/engine/networks/fast/engine';
import { Rng } from '../workers/engine/math/rng';
import { defaultNetworkProblem } from '../workers/engine/spec/experiment';
import { networkProblem, type NetworkProblem } from '../workers/engine/spec/networkProblem';
import { resolveOptimizer } from '../workers/engine/spec/optimizers/validate';
import { TrainingSession } from '../workers/engine/training/runs';
import { timeInterleavedMs, type TimingPlan } from './harness';
import type { Benchmark, Measurement } from './types';

const ENGINES: readonly NetworkEngine[] = ['fast', 'tfjs'];
/** Training steps per timed repeat (evaluation every 10, as the app runs it). */
const STEPS_PER_REPEAT = 20;
const TRAINING_PLAN: TimingPlan = { warmup: 2, repeats: 9 };
const PRODUCT_PLAN: TimingPlan = { warmup: 5, repeats: 21 };
const LANCZOS_PLAN: TimingPlan = { warmup: 1, repeats: 7 };
const SLICE_PLAN: TimingPlan = { warmup: 1, repeats: 5 };
/** Full-batch Adam steps before the slice is taken. */
const TRAINING_BEFORE_SLICE = 200;

/** The Chebyshev-6 regression task with a 1-30-20-1 tanh network. */
function chebyshevProblem(): NetworkProblem {
  return networkProblem({ dataset: 'chebyshev', datasetOptions: { degree: 6 }, hidden: [30, 20] });
}

/** The problem built on both engines; `body` gets them and the disposal is taken care of. */
async function onBothEngines<T>(problem: NetworkProblem, body: (built: Record<NetworkEngine, BuiltNetwork>) => Promise<T>): Promise<T> {
  const built = { fast: buildNetwork(problem, { engine: 'fast' }), tfjs: buildNetwork(problem, { engine: 'tfjs' }) };
  try {
    return await body(built);
  } finally {
    ENGINES.forEach((engine) => built[engine].dispose());
  }
}

/** One Adam run stepping on `network` with `batchSize` (0 = full batch). */
function adamSession(network: BuiltNetwork, batchSize: number): TrainingSession {
  return new TrainingSession(network, [{ id: 'adam', optimizer: resolveOptimizer({ name: 'adam', lr: 0.01 }, 'network'), batchSize }], { seed: 1, evalEvery: 10 });
}

/** Steps per second of Adam with `batchSize` on each engine, and their ratio. */
async function trainingFigures(name: string, batchSize: number): Promise<Measurement[]> {
  return onBothEngines(defaultNetworkProblem(), async (built) => {
    const sessions = { fast: adamSession(built.fast, batchSize), tfjs: adamSession(built.tfjs, batchSize) };
    try {
      const ms = await timeInterleavedMs(
        { fast: () => sessions.fast.step(STEPS_PER_REPEAT), tfjs: () => sessions.tfjs.step(STEPS_PER_REPEAT) },
        TRAINING_PLAN,
      );
      const perSecond = (engine: NetworkEngine) => (1000 * STEPS_PER_REPEAT) / ms[engine];
      const note = `Adam, ${batchSize === 0 ? 'full batch' : `batch ${batchSize}`}, ${STEPS_PER_REPEAT} steps per repeat`;
      return [
        { name: `${name}.fast`, value: perSecond('fast'), unit: 'steps/s', note: `typed arrays; ${note}` },
        { name: `${name}.tfjs`, value: perSecond('tfjs'), unit: 'steps/s', note: `TensorFlow.js; ${note}` },
        { name: `${name}_speedup`, value: ms.tfjs / ms.fast, unit: 'x', note: 'TensorFlow.js time / typed-array time' },
      ];
    } finally {
      sessions.fast.dispose();
      sessions.tfjs.dispose();
    }
  });
}

/** Gradient and Hessian-vector product times on each engine, and the HVP's cost in gradients. */
async function productFigures(): Promise<Measurement[]> {
  return onBothEngines(defaultNetworkProblem(), async (built) => {
    const params = built.fast.initialParams;
    const v = Rng.derive(1, 'bench-fast-hvp').fillNormal(new Float32Array(params.length));
    const ms = await timeInterleavedMs(
      {
        fastGradient: () => built.fast.objective.lossAndGrad(params),
        fastHvp: () => built.fast.objective.hvp(params, v),
        tfjsGradient: () => built.tfjs.objective.lossAndGrad(params),
        tfjsHvp: () => built.tfjs.objective.hvp(params, v),
      },
      PRODUCT_PLAN,
    );
    // Products in a row at one θ (each HVP task above followed a gradient, which is not a product's state).
    const repeated = await timeInterleavedMs(
      { fast: () => built.fast.objective.hvp(params, v), tfjs: () => built.tfjs.objective.hvp(params, v) },
      PRODUCT_PLAN,
    );
    const note = `default network, ${params.length} parameters, ${built.fast.objective.sampleCount} samples`;
    return [
      { name: 'gradient.fast', value: ms.fastGradient, unit: 'ms', note: `typed arrays; ${note}` },
      { name: 'gradient.tfjs', value: ms.tfjsGradient, unit: 'ms', note: `TensorFlow.js; ${note}` },
      { name: 'hvp.fast', value: ms.fastHvp, unit: 'ms', note: 'R-operator (forward-over-reverse)' },
      { name: 'hvp.tfjs', value: ms.tfjsHvp, unit: 'ms', note: 'double back-propagation' },
      { name: 'hvp_cost_in_gradients', value: ms.fastHvp / ms.fastGradient, unit: 'x', note: 'typed arrays: one HVP / one gradient' },
      { name: 'hvp_cost_in_gradients.tfjs', value: ms.tfjsHvp / ms.tfjsGradient, unit: 'x', note: 'TensorFlow.js: one HVP / one gradient' },
      { name: 'hvp_repeated.fast', value: repeated.fast, unit: 'ms', note: 'typed arrays: the next product at the same θ' },
      { name: 'hvp_repeated.tfjs', value: repeated.tfjs, unit: 'ms', note: 'TensorFlow.js: the next product at the same θ' },
      {
        name: 'hvp_repeated_cost_in_gradients',
        value: repeated.fast / ms.fastGradient,
        unit: 'x',
        note: 'typed arrays: a product at a θ with products before it / one gradient',
      },
    ];
  });
}

/** Lanczos to the top eigenvalue (residual ≤ 1e-3) on the Chebyshev-6 task, on each engine. */
async function lanczosFigures(): Promise<Measurement[]> {
  return onBothEngines(chebyshevProblem(), async (built) => {
    const params = built.fast.initialParams;
    const n = params.length;
    const products: Record<string, number> = {};
    const top = (engine: NetworkEngine) => async () => {
      const op = curvatureOperator(built[engine].objective, params, 'hessian');
      const result = await lanczosExtremes(op.matVec, n, { k: 1, which: 'largest', tol: 1e-3, seed: 0 });
      products[engine] = result.products;
    };
    const gradient = (engine: NetworkEngine) => () => built[engine].objective.lossAndGrad(params);
    const ms = await timeInterleavedMs(
      { fast: top('fast'), tfjs: top('tfjs'), fastGradient: gradient('fast'), tfjsGradient: gradient('tfjs') },
      LANCZOS_PLAN,
    );
    const note = `Chebyshev-6, 1-30-20-1 tanh, ${n} parameters, ${built.fast.objective.sampleCount} samples`;
    return [
      { name: 'chebyshev_gradient.fast', value: ms.fastGradient, unit: 'ms', note: `typed arrays; ${note}` },
      { name: 'chebyshev_gradient.tfjs', value: ms.tfjsGradient, unit: 'ms', note: `TensorFlow.js; ${note}` },
      { name: 'lanczos_top.fast', value: ms.fast, unit: 'ms', note: `${products.fast} products to residual 1e-3` },
      { name: 'lanczos_top.tfjs', value: ms.tfjs, unit: 'ms', note: `${products.tfjs} products to residual 1e-3` },
      { name: 'lanczos_top_speedup', value: ms.tfjs / ms.fast, unit: 'x', note: 'TensorFlow.js time / typed-array time' },
    ];
  });
}

/** A 65 × 65 slice of the trained default network through runSliceJob, on each engine. */
async function sliceFigures(): Promise<Measurement[]> {
  return onBothEngines(defaultNetworkProblem(), async (built) => {
    const session = adamSession(built.fast, 0);
    let centre: Float32Array;
    try {
      await session.step(TRAINING_BEFORE_SLICE);
      centre = session.params(0);
    } finally {
      session.dispose();
    }
    const plane = await sliceDirections(built.fast.objective.data, { kind: 'random', centre, seed: 1 });
    const request = { plane, alphaRange: [-1, 1] as [number, number], nx: 65 };
    const ms = await timeInterleavedMs(
      {
        fast: () => runSliceJob(built.fast.objective.data, request),
        tfjs: () => runSliceJob(built.tfjs.objective.data, request),
      },
      SLICE_PLAN,
    );
    const note = `4225 points after ${TRAINING_BEFORE_SLICE} Adam steps, runSliceJob (progressive)`;
    return [
      { name: 'slice65.fast', value: ms.fast, unit: 'ms', note: `typed arrays; ${note}` },
      { name: 'slice65.tfjs', value: ms.tfjs, unit: 'ms', note: `TensorFlow.js; ${note}` },
      { name: 'slice65_speedup', value: ms.tfjs / ms.fast, unit: 'x', note: 'TensorFlow.js time / typed-array time' },
    ];
  });
}

/** The typed-array engine against TensorFlow.js: training, curvature products, Lanczos, slices. */
export const fastPathBenchmark: Benchmark = {
  id: 'fast_path',
  title: 'Typed-array engine vs TensorFlow.js, side by side (ratios > 1: typed arrays faster)',
  async run(context) {
    const measurements: Measurement[] = [];
    context.log('training, batch 32');
    measurements.push(...(await trainingFigures('train_minibatch32', 32)));
    context.log('training, full batch');
    measurements.push(...(await trainingFigures('train_fullbatch', 0)));
    context.log('gradient and Hessian-vector product');
    measurements.push(...(await productFigures()));
    context.log('Lanczos top eigenvalue, Chebyshev-6');
    measurements.push(...(await lanczosFigures()));
    context.log('65 × 65 slice');
    measurements.push(...(await sliceFigures()));
    return measurements;
  },
};

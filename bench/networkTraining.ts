/**
 * Live training speed: steps per second of Adam on the default network
 * problem (two-arm spiral, 2-16-16-1 tanh, 320 training samples), with the
 * full batch and with minibatches of 32, through TrainingSession (minibatch
 * gradient, update and bookkeeping; evaluation every 10 steps as the UI
 * would run it); and of four Adam runs stepped together, which share one
 * batched gradient pass per step. On the TensorFlow.js engine of each
 * backend (the typed-array engine beside it: fast_path).
 */
import { buildNetwork } from '../workers/engine/networks/build';
import { networkProblem } from '../workers/engine/spec/networkProblem';
import { resolveOptimizer } from '../workers/engine/spec/optimizers/validate';
import { TrainingSession } from '../workers/engine/training/runs';
import { timeMedianMs, type TimingPlan } from './harness';
import type { Benchmark, Measurement } from './types';

/** Steps per timed repeat: long enough that the per-call overhead and the evaluations average out. */
const STEPS_PER_REPEAT = 20;
const PLAN: TimingPlan = { warmup: 3, repeats: 9 };

/** Median session steps per second of `runs` Adam runs with `batchSize` (0 = full batch). */
async function stepsPerSecond(batchSize: number, runs = 1): Promise<number> {
  const network = buildNetwork(networkProblem(), { engine: 'tfjs' });
  const configs = Array.from({ length: runs }, (_, k) => ({
    id: `adam${k}`,
    optimizer: resolveOptimizer({ name: 'adam', lr: 0.01 * (k + 1) }, 'network'),
    batchSize,
  }));
  const session = new TrainingSession(network, configs, { seed: 1, evalEvery: 10 });
  try {
    const ms = await timeMedianMs(() => session.step(STEPS_PER_REPEAT), PLAN);
    return (1000 * STEPS_PER_REPEAT) / ms;
  } finally {
    session.dispose();
    network.dispose();
  }
}

/** Adam training steps per second on the default network, full batch and batch 32. */
export const networkTrainingBenchmark: Benchmark = {
  id: 'network_training',
  title: 'Training steps per second, default network (2-16-16-1 tanh, spiral), Adam',
  async run(context) {
    const measurements: Measurement[] = [];
    for (const [name, batchSize, runs] of [
      ['adam_full_batch', 0, 1],
      ['adam_batch_32', 32, 1],
      ['adam_x4_full_batch', 0, 4],
    ] as const) {
      context.log(name);
      measurements.push({
        name,
        value: await stepsPerSecond(batchSize, runs),
        unit: 'steps/s',
        note: `${runs} run${runs > 1 ? 's' : ''}, ${STEPS_PER_REPEAT} steps per repeat, evaluation every 10`,
      });
    }
    return measurements;
  },
};

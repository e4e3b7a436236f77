/**
 * Per-example gradients for stiffness, ~100 samples × ~300 parameters
 * (the default 2-16-16-1 tanh network on the spiral, 337 parameters, its
 * first 100 training samples), two ways side by side:
 * - one sample at a time: the objective of each one-row data set
 *   (data/subset.ts), one gradient each, objects made and disposed in the loop;
 * - batched: networks/perExampleGradients.ts, M parameter copies each fed
 *   one sample, one backward pass per chunk.
 */
import { subsetRows } from '../workers/engine/data/subset';
import { buildNetwork } from '../workers/engine/networks/build';
import { MlpObjective } from '../workers/engine/networks/objective';
import { perExampleGradients } from '../workers/engine/networks/perExampleGradients';
import { networkProblem } from '../workers/engine/spec/networkProblem';
import { timeMedianMs, type TimingPlan } from './harness';
import type { Benchmark } from './types';

const PLAN: TimingPlan = { warmup: 1, repeats: 5 };
const SAMPLES = 100;

/** Per-example gradients one sample at a time vs batched. */
export const perExampleGradientsBenchmark: Benchmark = {
  id: 'per_example_gradients',
  title: `Per-example gradients (stiffness): ${SAMPLES} samples of the default network, one at a time vs batched`,
  async run(context) {
    const network = buildNetwork(networkProblem());
    try {
      const { spec } = network;
      const params = network.initialParams;
      const data = subsetRows(network.train, Array.from({ length: SAMPLES }, (_, i) => i));
      const size = params.length;
      context.log('one sample at a time');
      const oneByOneMs = await timeMedianMs(async () => {
        for (let i = 0; i < SAMPLES; i++) {
          const objective = new MlpObjective(spec, subsetRows(data, [i]));
          await objective.lossAndGrad(params);
          objective.dispose();
        }
      }, PLAN);
      context.log('batched');
      const batchedMs = await timeMedianMs(() => perExampleGradients(spec, data, params), PLAN);
      return [
        { name: 'one_at_a_time', value: oneByOneMs, unit: 'ms', note: `${SAMPLES} one-row objectives × ${size} parameters` },
        { name: 'batched', value: batchedMs, unit: 'ms', note: `${SAMPLES} parameter copies, one backward pass` },
        { name: 'speedup', value: oneByOneMs / batchedMs, unit: 'x', note: 'one at a time / batched' },
      ];
    } finally {
      network.dispose();
    }
  },
};

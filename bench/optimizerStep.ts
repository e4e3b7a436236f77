/**
 * One optimizer step on Rosenbrock from its default start: the batched
 * derivatives (loss, gradient and Hessian by double back-propagation) at the
 * current point and the update, for Adam and for Newton; and one step of
 * all seven optimizers at once, sharing a single batched derivative call.
 */
import { derivativesAt } from '../workers/engine/analytic/evaluate';
import { analyticInfo } from '../workers/engine/analytic/functions';
import { AnalyticRuns } from '../workers/engine/analytic/run';
import { createOptimizer, optimizerNeedsHessian, type RuleConfig } from '../workers/engine/optimizers/optimizers';
import { optimizerNamesFor } from '../workers/engine/spec/optimizers/registry';
import { resolveOptimizer } from '../workers/engine/spec/optimizers/validate';
import { timeMedianMs, type TimingPlan } from './harness';
import type { Benchmark, Measurement } from './types';

const PROBLEM = { name: 'rosenbrock' as const };
// Generous warm-up: the first few hundred kernel calls run while V8 is still compiling the engine.
const PLAN: TimingPlan = { warmup: 40, repeats: 61 };

/** Times derivativesAt + update, the work of one step of one run. */
async function timeSingleStep(config: RuleConfig): Promise<number> {
  const optimizer = createOptimizer(config, 2);
  const point = Float64Array.from(analyticInfo(PROBLEM).start);
  const withHessian = optimizerNeedsHessian(config.name);
  return timeMedianMs(async () => {
    const [at] = await derivativesAt(PROBLEM, point);
    optimizer.step(point, Float64Array.from(at.grad), withHessian ? Float64Array.from(at.hessian) : undefined);
  }, PLAN);
}

/** Time of one step for Adam, for Newton, and for all seven optimizers batched together. */
export const optimizerStepBenchmark: Benchmark = {
  id: 'optimizer_step',
  title: 'One optimizer step on Rosenbrock (derivativesAt + update)',
  async run(context) {
    const measurements: Measurement[] = [];
    for (const config of [
      { name: 'adam', lr: 0.02 },
      { name: 'newton', lr: 1 },
    ] as const) {
      context.log(config.name);
      measurements.push({ name: config.name, value: await timeSingleStep(resolveOptimizer(config, 'analytic')), unit: 'ms' });
    }
    context.log('all seven optimizers');
    // Every method at its analytic defaults.
    const configs = optimizerNamesFor('analytic').map((name) => resolveOptimizer({ name }, 'analytic'));
    const runs = new AnalyticRuns(PROBLEM, configs, analyticInfo(PROBLEM).start);
    const allAtOnce = await timeMedianMs(() => runs.step(1), PLAN);
    measurements.push({
      name: 'all_seven_batched',
      value: allAtOnce,
      unit: 'ms',
      note: 'AnalyticRuns.step: 7 runs, one batched derivativesAt call',
    });
    return measurements;
  },
};

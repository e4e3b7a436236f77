/**
 * What batching buys the curvature estimates, measured side by side on the
 * 697-parameter network of the reference vectors (2-24-24-1 tanh, 300
 * samples): Hutch++ with a fixed budget of 120 products, one product per
 * call against its batched calls; Lanczos for 3 eigenvalues at each end,
 * single-vector against blocks of 4 (one batched call per step, more
 * products in all); and the density to a 2 % standard error. Same seeds,
 * same products where the method is the same, so the ratio is the gain of
 * the batched calls alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSpec, isModelFixture, parseFixture } from '../workers/engine/fixtures/format';
import { fixtureDataset } from '../workers/engine/fixtures/modelChecks';
import { defaultFixtureFolder } from '../workers/engine/fixtures/readFolder';
import { MlpObjective } from '../workers/engine/networks/objective';
import { curvatureOperator } from '../workers/engine/curvature/operators';
import { hutchPlusPlusTrace } from '../workers/engine/math/krylov/trace';
import { EXTREME_BLOCK_SIZE, lanczosExtremes } from '../workers/engine/math/krylov/lanczos';
import { deflatedSpectralDensity } from '../workers/engine/math/krylov/deflatedSlq';
import { timeMedianMs, type TimingPlan } from './harness';
import type { Benchmark, Measurement } from './types';

const PLAN: TimingPlan = { warmup: 1, repeats: 3 };
/** Hutch++'s fixed budget: a sketch of 40 columns, 40 products for its trace, 40 probes. */
const HUTCH_PLUS_PLUS_BUDGET = 120;

/** Batched against one-at-a-time Hutch++, block against single-vector Lanczos, and the density's cost. */
export const curvatureEstimatesBenchmark: Benchmark = {
  id: 'curvature_estimates',
  title: 'Curvature estimates on the 697-parameter reference network: batched vs one product at a time',
  async run(context) {
    const path = join(defaultFixtureFolder(), 'tanh-2-24-24-1-mse.json');
    const parsed = parseFixture(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.kind !== 'fixture' || !isModelFixture(parsed.fixture)) throw new Error(`${path} is not a network fixture`);
    const objective = new MlpObjective(fixtureSpec(parsed.fixture), fixtureDataset(parsed.fixture));
    try {
      const params = Float32Array.from(parsed.fixture.params);
      const op = curvatureOperator(objective, params, 'hessian');
      const n = op.n;
      const fixed = { seed: 0, relativeTolerance: 0 };

      context.log('Hutch++, one product per call and batched');
      const singleMs = await timeMedianMs(() => hutchPlusPlusTrace(op.matVec, n, HUTCH_PLUS_PLUS_BUDGET, fixed), PLAN);
      const batchedMs = await timeMedianMs(() => hutchPlusPlusTrace(op.matVec, n, HUTCH_PLUS_PLUS_BUDGET, { ...fixed, batch: op.batch }), PLAN);

      context.log('Lanczos, single vector and blocks of 4');
      const lanczos = { k: 3, which: 'both' as const, tol: 1e-4, seed: 0 };
      const single = await lanczosExtremes(op.matVec, n, lanczos);
      const block = await lanczosExtremes(op.matVec, n, { ...lanczos, blockSize: EXTREME_BLOCK_SIZE, batch: op.batch });
      const singleLanczosMs = await timeMedianMs(() => lanczosExtremes(op.matVec, n, lanczos), PLAN);
      const blockLanczosMs = await timeMedianMs(() => lanczosExtremes(op.matVec, n, { ...lanczos, blockSize: EXTREME_BLOCK_SIZE, batch: op.batch }), PLAN);

      context.log('density to 2 %');
      const density = await deflatedSpectralDensity(op.matVec, op.batch, n, { seed: 0 });
      const densityMs = await timeMedianMs(() => deflatedSpectralDensity(op.matVec, op.batch, n, { seed: 0 }), PLAN);

      const measurements: Measurement[] = [
        { name: 'hutchpp_single', value: singleMs, unit: 'ms', note: `${HUTCH_PLUS_PLUS_BUDGET} products, one per call` },
        { name: 'hutchpp_batched', value: batchedMs, unit: 'ms', note: `the same ${HUTCH_PLUS_PLUS_BUDGET} products in calls of up to 16` },
        { name: 'hutchpp_batching_gain', value: singleMs / batchedMs, unit: 'x', note: 'one-at-a-time time / batched time' },
        { name: 'lanczos_single', value: singleLanczosMs, unit: 'ms', note: `${single.products} products, single vector` },
        { name: 'lanczos_block', value: blockLanczosMs, unit: 'ms', note: `${block.products} products in ${block.iterations} calls of ${EXTREME_BLOCK_SIZE}` },
        { name: 'lanczos_block_gain', value: singleLanczosMs / blockLanczosMs, unit: 'x', note: 'single-vector time / block time' },
        {
          name: 'density_2pct',
          value: densityMs,
          unit: 'ms',
          note: `${density.products} products: ${density.deflatedDimension} deflated, ${density.runs} probes (${density.stop})`,
        },
      ];
      return measurements;
    } finally {
      objective.dispose();
    }
  },
};

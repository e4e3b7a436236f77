/**
 * What curvature costs on the default network (two-arm spiral, 2-16-16-1
 * tanh, 320 training samples) at its initial parameters:
 * - one Hessian-vector product against one gradient (alone, and per product
 *   in a batch of 16), the unit every curvature estimate is counted in;
 * - the products Lanczos and power iteration need before their top
 *   eigenvalue is within 1e-3 of the exact λ_max (from the dense spectrum),
 *   here and on the 697-parameter network of the reference vectors, whose
 *   two top eigenvalues are close;
 * - the exact spectrum (dense Hessian from batched products, then the
 *   dense eigensolver) of wider networks of about 500 and 1000 parameters,
 *   with the up-front estimate beside the measured time.
 * All on the TensorFlow.js engine of each backend (the typed-array engine
 * beside it: fast_path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSpec, isModelFixture, parseFixture } from '../workers/engine/fixtures/format';
import { fixtureDataset } from '../workers/engine/fixtures/modelChecks';
import { defaultFixtureFolder } from '../workers/engine/fixtures/readFolder';
import { MlpObjective } from '../workers/engine/networks/objective';
import { buildNetwork } from '../workers/engine/networks/build';
import type { RegularizedObjective } from '../workers/engine/networks/regularizedObjective';
import { networkProblem } from '../workers/engine/spec/networkProblem';
import { productsToAccuracy } from '../workers/engine/math/krylov/convergence';
import { comparePowerIteration } from '../workers/engine/math/krylov/convergence';
import { exactSpectrum } from '../workers/engine/curvature/denseSpectrum';
import { estimateExactCost } from '../workers/engine/curvature/exactCost';
import { curvatureOperator } from '../workers/engine/curvature/operators';
import { Rng } from '../workers/engine/math/rng';
import { timeMedianMs, type TimingPlan } from './harness';
import type { Benchmark, Measurement } from './types';

const PLAN: TimingPlan = { warmup: 3, repeats: 9 };
/** Products allowed each method in the race to 1e-3. */
const RACE_BUDGET = 500;

/**
 * Products Lanczos and power iteration need for λ_max to 1e-3 at θ, λ_max
 * taken from the exact spectrum. Both start from the same seeded vector.
 */
async function accuracyRace(label: string, objective: MlpObjective | RegularizedObjective, params: Float32Array): Promise<Measurement[]> {
  const n = objective.paramCount;
  const { eigenvalues } = await exactSpectrum(objective, params, 'hessian');
  const op = curvatureOperator(objective, params, 'hessian');
  const race = await productsToAccuracy(op.matVec, n, eigenvalues[0], { relTol: 1e-3, maxProducts: RACE_BUDGET, seed: 0 });
  const residualRule = await comparePowerIteration(op.matVec, n, { tol: 1e-3, maxProducts: RACE_BUDGET, seed: 0 });
  const spectrum =
    `λ₁ ${eigenvalues[0].toPrecision(4)}, λ₂ ${eigenvalues[1].toPrecision(4)}, λ_min ${eigenvalues[n - 1].toPrecision(4)}` +
    ` (P = ${n}; ${RACE_BUDGET} = not reached)`;
  return [
    { name: `${label}.lanczos_products_1e-3`, value: race.lanczos ?? RACE_BUDGET, unit: 'products', note: spectrum },
    { name: `${label}.power_products_1e-3`, value: race.power ?? RACE_BUDGET, unit: 'products', note: 'Rayleigh quotient within 1e-3 of λ₁' },
    {
      name: `${label}.lanczos_residual_1e-3`,
      value: residualRule.lanczos.products,
      unit: 'products',
      note: 'until the Ritz pair’s residual ‖Hv − θv‖ ≤ 1e-3·|θ| (the report’s stopping rule)',
    },
    { name: `${label}.power_residual_1e-3`, value: residualRule.power.products, unit: 'products', note: 'the same rule for power iteration' },
  ];
}

/** The 2-24-24-1 tanh network of the shared reference vectors (λ₂/λ₁ ≈ 0.87: a slow case for power iteration). */
function referenceNetwork(): { objective: MlpObjective; params: Float32Array } {
  const path = join(defaultFixtureFolder(), 'tanh-2-24-24-1-mse.json');
  const parsed = parseFixture(JSON.parse(readFileSync(path, 'utf8')));
  if (parsed.kind !== 'fixture' || !isModelFixture(parsed.fixture)) throw new Error(`${path} is not a network fixture`);
  const { fixture } = parsed;
  return { objective: new MlpObjective(fixtureSpec(fixture), fixtureDataset(fixture)), params: Float32Array.from(fixture.params) };
}
const BATCH = 16;
/** Hidden widths giving 2-20-20-1 (501 parameters) and 2-29-29-1 (987). */
const EXACT_WIDTHS = [20, 29] as const;

/** HVP vs gradient, Lanczos vs power iteration, and exact spectra of about 500 and 1000 parameters. */
export const curvatureCostBenchmark: Benchmark = {
  id: 'curvature_cost',
  title: 'Curvature cost, default network (2-16-16-1 tanh, spiral): HVP vs gradient, Lanczos vs power, exact spectra',
  async run(context) {
    const measurements: Measurement[] = [];
    const network = buildNetwork(networkProblem(), { engine: 'tfjs' });
    try {
      const objective = network.objective;
      const params = network.initialParams;
      const n = objective.paramCount;
      const v = Rng.derive(1, 'bench-hvp').fillNormal(new Float32Array(n));
      const many = Rng.derive(2, 'bench-hvp').fillNormal(new Float32Array(BATCH * n));

      context.log('gradient and Hessian-vector product');
      const gradientMs = await timeMedianMs(() => objective.lossAndGrad(params), PLAN);
      const hvpMs = await timeMedianMs(() => objective.hvp(params, v), PLAN);
      const batchedMs = (await timeMedianMs(() => objective.hvpBatch(params, many, BATCH), PLAN)) / BATCH;
      measurements.push(
        { name: 'gradient', value: gradientMs, unit: 'ms', note: `loss and gradient, ${n} parameters, ${objective.sampleCount} samples` },
        { name: 'hvp', value: hvpMs, unit: 'ms', note: 'one Hessian-vector product (double back-propagation)' },
        { name: 'hvp_in_gradients', value: hvpMs / gradientMs, unit: 'x', note: 'one HVP / one gradient' },
        { name: `hvp_batched_${BATCH}`, value: batchedMs, unit: 'ms', note: `per product, ${BATCH} products in one batched call` },
        { name: `hvp_batched_in_gradients`, value: batchedMs / gradientMs, unit: 'x', note: 'batched HVP per product / one gradient' },
      );

      context.log('Lanczos vs power iteration');
      measurements.push(...(await accuracyRace('default', objective, params)));
      const reference = referenceNetwork();
      try {
        measurements.push(...(await accuracyRace('reference_697', reference.objective, reference.params)));
      } finally {
        reference.objective.dispose();
      }

      for (const width of EXACT_WIDTHS) {
        const wide = buildNetwork(networkProblem({ hidden: [width, width] }), { engine: 'tfjs' });
        try {
          const size = wide.objective.paramCount;
          context.log(`exact spectrum, ${size} parameters`);
          const estimate = await estimateExactCost(wide.objective, wide.initialParams, 'hessian');
          const started = performance.now();
          const result = await exactSpectrum(wide.objective, wide.initialParams, 'hessian');
          const totalMs = performance.now() - started;
          measurements.push(
            { name: `exact_${size}.total`, value: totalMs, unit: 'ms', note: `2-${width}-${width}-1: dense Hessian + eigenvalues` },
            { name: `exact_${size}.assembly`, value: result.assemblyMs, unit: 'ms', note: `${size} products, batched` },
            { name: `exact_${size}.eigen`, value: result.eigenMs, unit: 'ms', note: 'Householder tridiagonalisation + QR' },
            {
              name: `exact_${size}.estimate`,
              value: estimate.totalMs,
              unit: 'ms',
              note: `predicted before starting: assembly ${estimate.assemblyMs.toFixed(0)} ms, eigensolver ${estimate.eigenMs.toFixed(0)} ms`,
            },
          );
        } finally {
          wide.dispose();
        }
      }
      return measurements;
    } finally {
      network.dispose();
    }
  },
};

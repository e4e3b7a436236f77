/**
 * `npm run calibration [-- --seeds N] [--networks reference,extra] [--engine-seeds A..B] [--backend cpu|wasm]`:
 * how honest the error bars are. For every reference network (and the
 * generated extra ones: tanh networks with a 3-class softmax loss, by the
 * reference vectors' recipe, never used to tune the estimators), runs every
 * stochastic estimator from N start seeds (default 100) on the float64
 * Hessian and prints, per quantity, how often the truth lay within ±2 (and
 * ±1) reported errors, and the products used. With `--engine-seeds`, also
 * runs the conformance curvature checks on the generated networks through
 * the engine's own float32 Hessian-vector products for those seeds.
 */
// Registers TensorFlow.js's gradient functions (tfjs-core has none by itself).
import '@tensorflow/tfjs';
import { useNodeBackend } from '../backends/node';
import { parsedOrUsage, runCommand } from './command';
import { measureCalibration, coverageLine, type KnownMatrix } from '../fixtures/calibration';
import { checkCurvature } from '../fixtures/curvatureChecks';
import { checkLine, parseSeeds } from '../fixtures/report';
import { loadModelFixture, type ModelFixtureName } from '../fixtures/testing/referenceVectors';
import { extraNetwork } from '../fixtures/testing/extraNetworks';
import { referenceHessian } from '../networks/testing/referenceHessian';
import { MlpObjective } from '../networks/objective';

const USAGE = 'usage: calibration [--seeds N] [--networks reference,extra] [--engine-seeds A..B] [--backend cpu|wasm]';
const REFERENCE: ModelFixtureName[] = ['sigmoid-2-6-1-bce', 'tanh-2-8-1-mse', 'relu-2-10-10-3-softmax', 'tanh-2-24-24-1-mse'];
/** The generated networks: a small one and one of 1075 parameters. */
const EXTRA: [number[], number][] = [
  [[4, 12, 3], 90],
  [[4, 48, 16, 3], 150],
];

interface Arguments {
  seeds: number;
  networks: Set<string>;
  engineSeeds: number[];
  backend: 'cpu' | 'wasm';
}

function parseArguments(args: string[]): Arguments {
  const parsed: Arguments = { seeds: 100, networks: new Set(['reference', 'extra']), engineSeeds: [], backend: 'cpu' };
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1] ?? '';
    switch (args[i]) {
      case '--seeds':
        parsed.seeds = Number(value);
        if (!Number.isInteger(parsed.seeds) || parsed.seeds < 1) throw new Error(`--seeds takes a positive integer; got "${value}"`);
        break;
      case '--networks':
        parsed.networks = new Set(value.split(','));
        break;
      case '--engine-seeds':
        parsed.engineSeeds = parseSeeds(value);
        break;
      case '--backend':
        if (value !== 'cpu' && value !== 'wasm') throw new Error(`--backend takes cpu or wasm; got ${value || 'nothing'}`);
        parsed.backend = value;
        break;
      default:
        throw new Error(`unexpected argument "${args[i]}"`);
    }
    i++;
  }
  return parsed;
}

async function report(known: KnownMatrix, seeds: number): Promise<boolean> {
  const started = performance.now();
  const coverages = await measureCalibration(known, seeds, { rotationInvariantOn: 'spectrum' });
  for (const coverage of coverages) console.log(coverageLine(known.name, coverage));
  console.log(`      ${known.name}: ${known.n} parameters, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return coverages.every((coverage) => coverage.covered >= 0.9 * coverage.trials);
}

async function main(): Promise<number> {
  const options = parsedOrUsage(parseArguments, process.argv.slice(2), USAGE);
  if (options === null) return 2;
  await useNodeBackend(options.backend);
  let calibrated = true;
  if (options.networks.has('reference')) {
    for (const name of REFERENCE) {
      const loaded = loadModelFixture(name);
      const matrix = referenceHessian(loaded.spec, Float64Array.from(loaded.fixture.params), loaded.data);
      calibrated = (await report({ name, n: loaded.params.length, matrix, eigenvalues: loaded.expected.hessianEigenvalues }, options.seeds)) && calibrated;
    }
  }
  if (options.networks.has('extra')) {
    for (const [layers, samples] of EXTRA) {
      const network = extraNetwork(layers, samples, 1);
      calibrated = (await report(network.known, options.seeds)) && calibrated;
      if (options.engineSeeds.length === 0) continue;
      const objective = new MlpObjective(network.spec, network.data);
      try {
        for (const seed of options.engineSeeds) {
          const checks = await checkCurvature(objective, network.params, { hessianEigenvalues: Array.from(network.known.eigenvalues) }, seed);
          for (const check of checks) console.log(`${checkLine(network.name, check)}  [seed ${seed}, ${options.backend}]`);
          calibrated = checks.every((check) => check.pass) && calibrated;
        }
      } finally {
        objective.dispose();
      }
    }
  }
  console.log(calibrated ? 'calibration: every error bar covered the truth in at least 90 % of the seeds' : 'calibration: FAILED');
  return calibrated ? 0 : 1;
}

runCommand('calibration', main);

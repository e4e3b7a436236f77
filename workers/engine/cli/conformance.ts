/**
 * `npm run conformance [-- DIR] [--backend cpu|wasm] [--seed N | --seeds A..B]`:
 * checks the engine against every `landscape-fixture/1` reference vector in
 * DIR (default: the repository's own copy in `workers/engine/fixtures/reference`)
 * and exits non-zero if any check fails, a file is malformed, or no fixture
 * was found. The stochastic checks (Lanczos, Hutch++, SLQ) draw their
 * random vectors from start seed N (default 0); `--seeds A..B` runs them
 * once per seed of the range and prints, per fixture and quantity, for how
 * many seeds they passed.
 */
// Registers TensorFlow.js's gradient functions (tfjs-core has none by itself).
import '@tensorflow/tfjs';
import { useNodeBackend } from '../backends/node';
import { runCommand } from './command';
import { defaultFixtureFolder } from '../fixtures/readFolder';
import { parseSeeds, summaryLine } from '../fixtures/report';
import { DEFAULT_SEED } from '../fixtures/curvatureChecks';
import { runFixtureFolder } from '../fixtures/runFolder';

const USAGE = 'usage: conformance [DIR] [--backend cpu|wasm] [--seed N | --seeds A..B]';

function parseArguments(args: string[]): { folder: string; backend: 'cpu' | 'wasm'; seeds: number[] } {
  let folder: string | undefined;
  let backend: 'cpu' | 'wasm' = 'cpu';
  let seeds: number[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--seed' || arg === '--seeds') {
      if (seeds !== undefined) throw new Error('give one --seed or --seeds');
      const value = args[++i] ?? '';
      seeds = parseSeeds(value);
      if (arg === '--seed' && seeds.length !== 1) throw new Error(`--seed takes one seed; got "${value}" (use --seeds A..B for a range)`);
    } else if (arg === '--backend') {
      const value = args[++i];
      if (value !== 'cpu' && value !== 'wasm') throw new Error(`--backend takes cpu or wasm; got ${value ?? 'nothing'}`);
      backend = value;
    } else if (arg.startsWith('--') || folder !== undefined) {
      throw new Error(`unexpected argument "${arg}"`);
    } else {
      folder = arg;
    }
  }
  return { folder: folder ?? defaultFixtureFolder(), backend, seeds: seeds ?? [DEFAULT_SEED] };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  await useNodeBackend(options.backend);
  const { seeds } = options;
  const seedText = seeds.length > 1 ? `seeds ${seeds[0]}..${seeds[seeds.length - 1]}` : `seed ${seeds[0]}`;
  console.log(`conformance: ${options.folder} on ${options.backend}, ${seedText}`);
  const started = performance.now();
  const tally = await runFixtureFolder(options.folder, (line) => console.log(line), seeds);
  console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (tally.fixturesRead === 0) console.log(`no landscape-fixture/1 files in ${options.folder}`);
  console.log(summaryLine(options.backend, tally.passed, tally.failed));
  return tally.failed > 0 || tally.fixturesRead === 0 ? 1 : 0;
}

runCommand('conformance', main);

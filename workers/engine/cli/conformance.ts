/**
 * `npm run conformance [-- DIR] [--backend cpu|wasm] [--path tfjs|fast|both] [--seed N | --seeds A..B]`:
 * checks the engine against every `landscape-fixture/1` reference vector in
 * DIR (default: the repository's own copy in `workers/engine/fixtures/reference`)
 * and exits non-zero if any check fails, a file is malformed, or no fixture
 * was found. `--path` chooses the network objective's engine: TensorFlow.js
 * on the backend (`tfjs`, the default), typed arrays (`fast`), or one run of each.
 * The stochastic checks (Lanczos, Hutch++, SLQ) draw their random vectors
 * from start seed N (default 0); `--seeds A..B` runs them once per seed of
 * the range and prints, per fixture and quantity, for how many seeds they
 * passed.
 */
// Registers TensorFlow.js's gradient functions (tfjs-core has none by itself).
import '@tensorflow/tfjs';
import { useNodeBackend } from '../backends/node';
import { parsedOrUsage, runCommand } from './command';
import { defaultFixtureFolder } from '../fixtures/readFolder';
import { parseSeeds, summaryLine } from '../fixtures/report';
import { DEFAULT_SEED } from '../fixtures/curvatureChecks';
import { runFixtureFolder } from '../fixtures/runFolder';
import type { NetworkEngine } from '../networks/fast/engine';

const USAGE = 'usage: conformance [DIR] [--backend cpu|wasm] [--path tfjs|fast|both] [--seed N | --seeds A..B]';

interface Arguments {
  folder: string;
  backend: 'cpu' | 'wasm';
  engines: NetworkEngine[];
  seeds: number[];
}

function parseArguments(args: string[]): Arguments {
  let folder: string | undefined;
  let backend: 'cpu' | 'wasm' = 'cpu';
  let engines: NetworkEngine[] = ['tfjs'];
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
    } else if (arg === '--path') {
      const value = args[++i];
      if (value !== 'tfjs' && value !== 'fast' && value !== 'both') {
        throw new Error(`--path takes tfjs, fast or both; got ${value ?? 'nothing'}`);
      }
      engines = value === 'both' ? ['tfjs', 'fast'] : [value];
    } else if (arg.startsWith('--') || folder !== undefined) {
      throw new Error(`unexpected argument "${arg}"`);
    } else {
      folder = arg;
    }
  }
  return { folder: folder ?? defaultFixtureFolder(), backend, engines, seeds: seeds ?? [DEFAULT_SEED] };
}

/** The summary's label: the backend, and the path when it is the typed-array one. */
function runLabel(backend: string, engine: NetworkEngine): string {
  return engine === 'tfjs' ? backend : `${backend}, fast path`;
}

async function main(): Promise<number> {
  const options = parsedOrUsage(parseArguments, process.argv.slice(2), USAGE);
  if (options === null) return 2;
  await useNodeBackend(options.backend);
  const { seeds } = options;
  const seedText = seeds.length > 1 ? `seeds ${seeds[0]}..${seeds[seeds.length - 1]}` : `seed ${seeds[0]}`;
  let failed = false;
  for (const engine of options.engines) {
    const label = runLabel(options.backend, engine);
    console.log(`conformance: ${options.folder} on ${label}, ${seedText}`);
    const started = performance.now();
    const tally = await runFixtureFolder(options.folder, (line) => console.log(line), { seeds, engine });
    console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (tally.fixturesRead === 0) console.log(`no landscape-fixture/1 files in ${options.folder}`);
    console.log(summaryLine(label, tally.passed, tally.failed));
    failed ||= tally.failed > 0 || tally.fixturesRead === 0;
  }
  return failed ? 1 : 0;
}

runCommand('conformance', main);

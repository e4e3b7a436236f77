/** Command-line options of `npm run bench`. */
import type { BackendName } from '../workers/engine/backends/select';

/** What to run and how to print it. */
export interface BenchOptions {
  /** Print one JSON object instead of readable lines. */
  json: boolean;
  /** Backends to run on, in order: cpu and wasm in Node, webgl and webgpu in headless Chromium. */
  backends: BackendName[];
  /** Benchmark ids to run, or null for all. */
  only: string[] | null;
}

/** The usage line shown with argument errors. */
export const BENCH_USAGE = 'usage: npm run bench [-- --json] [--backend cpu,wasm,webgl,webgpu] [--only <id>,…|browser]';

/**
 * Parses `--json`, `--backend a,b` and `--only id,…`; throws with the usage
 * line on an unknown argument, a missing value or an unknown benchmark id.
 */
export function parseBenchOptions(argv: readonly string[], knownIds: readonly string[]): BenchOptions {
  const options: BenchOptions = { json: false, backends: ['cpu', 'wasm'], only: null };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const list = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${argument} needs a value\n${BENCH_USAGE}`);
      return next.split(',').filter((part) => part.length > 0);
    };
    if (argument === '--json') options.json = true;
    else if (argument === '--backend') options.backends = list() as BackendName[];
    else if (argument === '--only') options.only = list();
    else throw new Error(`Unknown argument "${argument}"\n${BENCH_USAGE}`);
  }
  const unknown = options.only?.filter((id) => !knownIds.includes(id)) ?? [];
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${knownIds.join(', ')}`);
  }
  return options;
}

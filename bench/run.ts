/**
 * `npm run bench [-- --json] [--backend cpu,wasm,webgl,webgpu] [--only id,…]`
 *
 * Runs every benchmark of registry.ts on each Node backend (cpu and wasm by
 * default), then the browser benchmarks (id `browser`: webgl and webgpu in
 * headless Chromium, see browserBench.ts), and prints one readable line per
 * figure, or with --json a single JSON object
 * { "<backend>.<benchmark>.<figure>" or "<browser backend>.<figure>": { "value", "unit" } }
 * and nothing else on stdout (progress and library chatter go to stderr).
 */
import '../workers/engine/testing/nodeGradients';
import { useNodeBackend } from '../workers/engine/backends/node';
import { splitBenchBackends } from './browser/backendChoice';
import { mergeRecords, renderingOf, reportRecords } from './browser/records';
import { runBrowserBenchmarks } from './browserBench';
import { parseBenchOptions } from './options';
import { BENCHMARKS, BROWSER_BENCHMARK_ID } from './registry';
import type { Measurement } from './types';

function formatValue(measurement: Measurement): string {
  const { value, unit } = measurement;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return unit === 'x' ? `${value.toFixed(digits)}×` : `${value.toFixed(digits)} ${unit}`;
}

function printMeasurement(print: (line: string) => void, measurement: Measurement): void {
  const note = measurement.note ? `  (${measurement.note})` : '';
  print(`    ${measurement.name.padEnd(26)} ${formatValue(measurement).padStart(12)}${note}`);
}

async function main(): Promise<void> {
  const options = parseBenchOptions(
    process.argv.slice(2),
    [...BENCHMARKS.map((benchmark) => benchmark.id), BROWSER_BENCHMARK_ID],
  );
  const backends = splitBenchBackends(options.backends);
  const print = console.log.bind(console);
  if (options.json) {
    // Keep stdout for the JSON object alone: anything a library prints goes to stderr.
    for (const method of ['log', 'info', 'warn', 'debug'] as const) console[method] = console.error.bind(console);
  }
  const log = (message: string) => console.error(`  … ${message}`);
  const results: Record<string, { value: number; unit: string }> = {};
  const selected = BENCHMARKS.filter((b) => options.only === null || options.only.includes(b.id));
  for (const requested of selected.length > 0 ? backends.node : []) {
    const backend = await useNodeBackend(requested);
    if (!options.json) print(`\nBackend: ${backend}`);
    for (const benchmark of selected) {
      if (!options.json) print(`  ${benchmark.title}`);
      for (const measurement of await benchmark.run({ backend, log })) {
        const key = `${backend}.${benchmark.id}.${measurement.name}`;
        results[key] = { value: measurement.value, unit: measurement.unit };
        if (!options.json) printMeasurement(print, measurement);
      }
    }
  }
  if (options.only === null || options.only.includes(BROWSER_BENCHMARK_ID)) {
    const outcome = await runBrowserBenchmarks(backends.browser, log);
    if (outcome.chromium === null) {
      // A line for the reader, never inside the --json object.
      (options.json ? console.error : print)(`\nBrowser benchmarks skipped: no Chromium found (looked for /usr/lib/chromium/chromium, /usr/bin/chromium and Playwright's own)`);
    }
    for (const report of outcome.reports) {
      mergeRecords(results, reportRecords(report));
      if (!options.json) {
        print(`\nBrowser backend: ${report.backend} in headless Chromium (${renderingOf(report).label})`);
        for (const measurement of report.measurements) printMeasurement(print, measurement);
      }
    }
    for (const failure of outcome.failures) {
      console.error(`Browser benchmark on ${failure.backend} failed: ${failure.message}`);
      process.exitCode = 1;
    }
  }
  if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

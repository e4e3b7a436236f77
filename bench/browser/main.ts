/**
 * The benchmark page: `index.html?backend=webgl|webgpu|wasm[&full=1]` starts
 * the worker on that backend (with `full=1`, every slice at both sizes both
 * ways) and, when it finishes, publishes on `window`
 * - `__benchReport`: the worker's report (backend used, renderer, measurements),
 * - `__benchResults`: the figures as `{ "<backend>.<name>": { value, unit } }`,
 * - `__benchError`: the failure message instead, if any,
 * and logs progress to the console (which the driver forwards).
 */
import type { BenchReply, BenchRequest } from './messages';
import { isBrowserBenchBackend, prefixedRecords, type BenchRecords, type BrowserBenchReport } from './records';

declare global {
  interface Window {
    __benchReport?: BrowserBenchReport;
    __benchResults?: BenchRecords;
    __benchError?: string;
  }
}

const status = document.getElementById('status') as HTMLElement;
const show = (text: string) => {
  status.textContent = text;
  // Seconds since the page opened, so a slow stage shows in the driver's log.
  console.log(`[bench] ${(performance.now() / 1000).toFixed(1)} s ${text}`);
};

const query = new URLSearchParams(location.search);
const requested = query.get('backend') ?? '';
if (!isBrowserBenchBackend(requested)) {
  window.__benchError = `Unknown or missing ?backend= "${requested}" (webgl, webgpu or wasm)`;
  show(window.__benchError);
} else {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<BenchReply>) => {
    const message = event.data;
    if (message.kind === 'progress') show(`${requested}: ${message.message}`);
    else if (message.kind === 'error') {
      window.__benchError = message.message;
      show(`${requested} failed: ${message.message}`);
    } else {
      window.__benchResults = prefixedRecords(message.report.backend, message.report.measurements);
      window.__benchReport = message.report;
      show(`${requested}: done`);
    }
  };
  worker.onerror = (event) => {
    window.__benchError = `worker error: ${event.message}`;
    show(window.__benchError);
  };
  worker.postMessage({ backend: requested, full: query.get('full') === '1' } satisfies BenchRequest);
  show(`${requested}: starting`);
}

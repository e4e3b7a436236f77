/**
 * The benchmark page's worker: selects the backend the page asks for (and
 * only that one: a fallback would measure the wrong thing), checks that
 * `tf.getBackend()` names it before and after, runs the measurements and
 * posts a report.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradient functions; gradients and Hessian-vector products need them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { registerBrowserBackends } from '../../workers/engine/backends/browser';
import { selectBackend } from '../../workers/engine/backends/select';
import { webGlRenderer, webGpuAdapterDescription } from './gpuInfo';
import { BROWSER_BENCH_PLANS, fullPlan, measureBrowserBackend } from './measurements';
import type { BenchReply, BenchRequest } from './messages';

function reply(message: BenchReply): void {
  self.postMessage(message);
}

/** Throws unless TensorFlow.js is running on `backend`. */
function requireBackend(backend: string, when: string): void {
  const active = tf.getBackend();
  if (active !== backend) throw new Error(`${when}, TensorFlow.js runs on "${active}", not "${backend}"`);
}

async function measure({ backend, full }: BenchRequest): Promise<void> {
  await registerBrowserBackends([backend]);
  await selectBackend([backend]);
  requireBackend(backend, 'After selection');
  const renderer = webGlRenderer();
  const adapter = backend === 'webgpu' ? await webGpuAdapterDescription() : null;
  const plan = full ? fullPlan(BROWSER_BENCH_PLANS[backend]) : BROWSER_BENCH_PLANS[backend];
  const measurements = await measureBrowserBackend(plan, (message) => reply({ kind: 'progress', message }));
  requireBackend(backend, 'After the measurements');
  reply({ kind: 'done', report: { requested: backend, backend: tf.getBackend(), renderer, adapter, measurements } });
}

self.onmessage = (event: MessageEvent<BenchRequest>) => {
  measure(event.data).catch((error: unknown) => {
    reply({ kind: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  });
};

import * as tf from '@tensorflow/tfjs-core';

import { BROWSER_BACKENDS, type BackendName } from '../spec/backendNames';

export { BROWSER_BACKENDS, type BackendName };

/** Why a backend was passed over, for the UI and the logs. */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason?: string;
}

/**
 * Activates the first backend in `order` that both initialises and computes
 * a known product correctly ([1 2; 3 4]·[1 1]ᵀ = [3 7]ᵀ). A backend can
 * register yet fail at its first kernel (a WebGPU adapter without the
 * features tfjs needs, a lost WebGL context), so a smoke computation is part
 * of "works". Backends must already be registered (see `./node` or `./browser`).
 */
export async function selectBackend(
  order: readonly BackendName[],
): Promise<{ backend: BackendName; attempts: BackendAttempt[] }> {
  const attempts: BackendAttempt[] = [];
  for (const backend of order) {
    if (tf.findBackendFactory(backend) == null) {
      attempts.push({ backend, ok: false, reason: 'not registered in this build' });
      continue;
    }
    try {
      const ok = await tf.setBackend(backend);
      if (!ok) throw new Error('initialisation failed');
      await tf.ready();
      const product = tf.tidy(() =>
        tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 1], [2, 1])),
      );
      const values = await product.data();
      product.dispose();
      if (Math.abs(values[0] - 3) > 1e-5 || Math.abs(values[1] - 7) > 1e-5) {
        throw new Error(`smoke test computed [${values[0]}, ${values[1]}] instead of [3, 7]`);
      }
      attempts.push({ backend, ok: true });
      return { backend, attempts };
    } catch (error) {
      attempts.push({ backend, ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(
    `No TensorFlow.js backend works here: ${attempts.map((a) => `${a.backend} (${a.reason})`).join('; ')}`,
  );
}

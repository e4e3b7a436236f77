/**
 * Test helper: every engine unit test runs on the `cpu` backend unless the
 * environment variable ENGINE_BACKEND names another (`wasm`), and networks
 * built without an explicit engine use the measured choice unless
 * ENGINE_PATH names one (`fast` or `tfjs`).
 */
import { useNodeBackend } from '../backends/node';
import type { BackendName } from '../backends/select';
import { preferNetworkEngine, type EngineSetting } from '../networks/fast/engine';

export async function useTestBackend(): Promise<BackendName> {
  const wanted = (process.env.ENGINE_BACKEND ?? 'cpu') as BackendName;
  const path = process.env.ENGINE_PATH ?? 'auto';
  if (path !== 'auto' && path !== 'fast' && path !== 'tfjs') throw new Error(`ENGINE_PATH must be auto, fast or tfjs; got ${path}`);
  preferNetworkEngine(path as EngineSetting);
  return useNodeBackend(wanted);
}

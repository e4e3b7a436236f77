/**
 * Test helper: every engine unit test runs on the `cpu` backend unless the
 * environment variable ENGINE_BACKEND names another (`wasm`).
 */
import { useNodeBackend } from '../backends/node';
import type { BackendName } from '../backends/select';

export async function useTestBackend(): Promise<BackendName> {
  const wanted = (process.env.ENGINE_BACKEND ?? 'cpu') as BackendName;
  return useNodeBackend(wanted);
}

/**
 * Assembles `kernels.wat` into WebAssembly with wabt (Node only: the build
 * command and the test that keeps the committed binary in step with the source).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

/** Where the kernels' source lives. */
export const KERNELS_SOURCE = fileURLToPath(new URL('./kernels.wat', import.meta.url));

/** The binary module of `kernels.wat` (SIMD enabled), deterministic for a given source. */
export async function assembleKernels(): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('kernels.wat', await readFile(KERNELS_SOURCE, 'utf8'), { simd: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}

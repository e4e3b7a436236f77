import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from './node';
import { selectBackend } from './select';

describe('selectBackend', () => {
  it('passes over unregistered backends and reports why', async () => {
    const { backend, attempts } = await selectBackend(['webgpu', 'webgl', 'cpu']);
    expect(backend).toBe('cpu');
    expect(attempts.map((a) => a.ok)).toEqual([false, false, true]);
    expect(attempts[0].reason).toMatch(/not registered/);
  });

  it('activates wasm in Node', async () => {
    expect(await useNodeBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    await useNodeBackend('cpu');
  });

  it('refuses browser-only backends in Node with a clear message', async () => {
    await expect(useNodeBackend('webgl')).rejects.toThrow(/not available in Node/);
  });
});

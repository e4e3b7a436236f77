import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  browserBackendOrder,
  forcedBackend,
  planBrowserBackends,
  selectBrowserBackend,
  softwareAdapterReason,
  type BackendProbes,
} from './browser';

/** Probes that find everything available (a machine with a GPU). */
const allAvailable: BackendProbes = { webGpuUnavailable: async () => null, softwareWebGl: () => null };

describe('browserBackendOrder', () => {
  it('prefers webgpu, then webgl, wasm and cpu', () => {
    expect(browserBackendOrder('')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('lets ?backend= force one backend, and ignores unknown names', () => {
    expect(browserBackendOrder('?backend=wasm')).toEqual(['wasm']);
    expect(browserBackendOrder('?x=1&backend=webgl')).toEqual(['webgl']);
    expect(browserBackendOrder('?backend=tpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(forcedBackend('?backend=cpu')).toBe('cpu');
    expect(forcedBackend('?backend=<script>')).toBeNull();
  });

  it('skips excluded backends but never cpu, even when the excluded one was forced', () => {
    expect(browserBackendOrder('', ['webgpu', 'webgl', 'cpu'])).toEqual(['wasm', 'cpu']);
    expect(browserBackendOrder('?backend=webgl', ['webgpu', 'webgl'])).toEqual(['wasm', 'cpu']);
  });
});

describe('planBrowserBackends', () => {
  it('tries everything when a GPU is there', async () => {
    expect(await planBrowserBackends('', [], allAvailable)).toEqual({
      order: ['webgpu', 'webgl', 'wasm', 'cpu'],
      skipped: [],
    });
  });

  it('passes over WebGPU without an adapter and WebGL on a software renderer, saying why', async () => {
    const plan = await planBrowserBackends('', [], {
      webGpuUnavailable: async () => 'no WebGPU adapter',
      softwareWebGl: () => 'SwiftShader',
    });
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(plan.skipped).toEqual([
      { backend: 'webgpu', ok: false, reason: 'no WebGPU adapter' },
      { backend: 'webgl', ok: false, reason: 'software renderer (SwiftShader), slower than wasm' },
    ]);
  });

  it('does not probe a forced backend: its own failure is the one to see', async () => {
    let probed = false;
    const probes: BackendProbes = {
      webGpuUnavailable: async () => {
        probed = true;
        return 'none';
      },
      softwareWebGl: () => {
        probed = true;
        return 'SwiftShader';
      },
    };
    expect(await planBrowserBackends('?backend=webgl', [], probes)).toEqual({ order: ['webgl'], skipped: [] });
    expect(probed).toBe(false);
  });
});

describe('selectBrowserBackend', () => {
  it('loads and activates the first backend that works, listing every backend considered in order', async () => {
    tf.env().set('IS_TEST', true);
    const result = await selectBrowserBackend('', ['wasm'], {
      webGpuUnavailable: async () => 'no WebGPU adapter',
      softwareWebGl: () => 'llvmpipe',
    });
    expect(result.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(result.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['cpu', true],
    ]);
  });
});

describe('softwareAdapterReason', () => {
  it("passes over headless Chromium's SwiftShader adapter and any fallback adapter, not a GPU", () => {
    // What Chromium 156 reports with --enable-unsafe-webgpu and no GPU.
    expect(softwareAdapterReason({ isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', description: '' })).toBe(
      'software adapter (swiftshader google), slower than wasm',
    );
    expect(softwareAdapterReason({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toMatch(/^software adapter/);
    expect(softwareAdapterReason({}, true)).toBe('software adapter (fallback), slower than wasm');
    expect(softwareAdapterReason({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' })).toBeNull();
    expect(softwareAdapterReason({ vendor: 'apple', architecture: 'metal-3' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { splitBenchBackends } from './backendChoice';
import { checkedReport, isBrowserBenchBackend, mergeRecords, prefixedRecords, renderingOf, reportRecords, type BrowserBenchReport } from './records';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

function report(overrides: Partial<BrowserBenchReport> = {}): BrowserBenchReport {
  return {
    requested: 'webgl',
    backend: 'webgl',
    renderer: SWIFTSHADER,
    adapter: null,
    measurements: [
      { name: 'slice65.batched_ms', value: 12.5, unit: 'ms', note: 'runSliceJob' },
      { name: 'hvp_over_gradient', value: 2.5, unit: 'x' },
    ],
    ...overrides,
  };
}

describe('prefixedRecords and mergeRecords', () => {
  it('names each figure after its backend and drops the notes', () => {
    expect(prefixedRecords('webgpu', report().measurements)).toEqual({
      'webgpu.slice65.batched_ms': { value: 12.5, unit: 'ms' },
      'webgpu.hvp_over_gradient': { value: 2.5, unit: 'x' },
    });
  });

  it('refuses a figure reported twice instead of overwriting it', () => {
    const twice = [
      { name: 'gradient_ms', value: 1, unit: 'ms' },
      { name: 'gradient_ms', value: 2, unit: 'ms' },
    ];
    expect(() => prefixedRecords('webgl', twice)).toThrow(/"webgl.gradient_ms" twice/);
    const target = { 'cpu.step.adam': { value: 1, unit: 'ms' } };
    expect(() => mergeRecords(target, { 'cpu.step.adam': { value: 2, unit: 'ms' } })).toThrow(/cpu\.step\.adam/);
    expect(target['cpu.step.adam'].value).toBe(1);
  });

  it('merges disjoint records into the target', () => {
    const merged = mergeRecords({ 'cpu.a': { value: 1, unit: 'ms' } }, { 'webgl.b': { value: 2, unit: 'x' } });
    expect(Object.keys(merged).sort()).toEqual(['cpu.a', 'webgl.b']);
  });
});

describe('checkedReport', () => {
  it('accepts a well-formed report from the requested backend', () => {
    const parsed = checkedReport(JSON.parse(JSON.stringify(report())), 'webgl');
    expect(parsed.measurements).toHaveLength(2);
    expect(parsed.renderer).toBe(SWIFTSHADER);
  });

  it('rejects a report whose TensorFlow.js backend is not the requested one', () => {
    expect(() => checkedReport(report({ backend: 'cpu' }), 'webgl')).toThrow(/ran on "cpu" although "webgl"/);
    expect(() => checkedReport(report(), 'webgpu')).toThrow(/measured "webgl", not "webgpu"/);
  });

  it('rejects missing or malformed content', () => {
    expect(() => checkedReport(undefined, 'webgl')).toThrow(/no report/);
    expect(() => checkedReport({ ...report(), renderer: 3 }, 'webgl')).toThrow(/renderer/);
    expect(() => checkedReport({ ...report(), measurements: [{ name: 'x', value: '1', unit: 'ms' }] }, 'webgl')).toThrow(/malformed/);
  });
});

describe('renderingOf and reportRecords', () => {
  it('calls SwiftShader WebGL software-rendered and flags it in the records', () => {
    expect(renderingOf(report())).toEqual({ software: true, label: `software-rendered: ${SWIFTSHADER}` });
    expect(reportRecords(report())['webgl.software_rendered']).toEqual({ value: 1, unit: 'flag' });
  });

  it('judges WebGPU by its adapter, not by the WebGL renderer', () => {
    const gpu = report({ requested: 'webgpu', backend: 'webgpu', adapter: 'nvidia / ampere' });
    expect(renderingOf(gpu).software).toBe(false);
    expect(reportRecords(gpu)['webgpu.software_rendered'].value).toBe(0);
    const fallback = report({ requested: 'webgpu', backend: 'webgpu', renderer: 'NVIDIA GeForce', adapter: 'google / swiftshader' });
    expect(renderingOf(fallback).software).toBe(true);
  });

  it('tells a real GPU renderer from a software one', () => {
    expect(renderingOf(report({ renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080)' }))).toEqual({
      software: false,
      label: 'GPU: ANGLE (NVIDIA, NVIDIA GeForce RTX 3080)',
    });
  });
});

describe('isBrowserBenchBackend and splitBenchBackends', () => {
  it('knows the page backends only', () => {
    expect(['webgl', 'webgpu', 'wasm', 'cpu', ''].map(isBrowserBenchBackend)).toEqual([true, true, true, false, false]);
  });

  it('sends cpu and wasm to Node and webgl and webgpu to the browser, in order, once each', () => {
    expect(splitBenchBackends(['webgpu', 'cpu', 'webgpu', 'wasm'])).toEqual({ node: ['cpu', 'wasm'], browser: ['webgpu'] });
  });

  it('runs both browser backends when none is named, and no Node backend when only browser ones are', () => {
    expect(splitBenchBackends(['cpu', 'wasm'])).toEqual({ node: ['cpu', 'wasm'], browser: ['webgl', 'webgpu'] });
    expect(splitBenchBackends(['webgl'])).toEqual({ node: [], browser: ['webgl'] });
  });

  it('refuses an unknown backend', () => {
    expect(() => splitBenchBackends(['cuda'])).toThrow(/Unknown backend "cuda"/);
  });
});

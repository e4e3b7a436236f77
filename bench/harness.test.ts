import { describe, expect, it } from 'vitest';
import { median, timeInterleavedMs, timeMedianMs } from './harness';
import { parseBenchOptions } from './options';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('timeMedianMs', () => {
  it('runs the warm-up untimed, then the repeats, and returns a median time', async () => {
    let calls = 0;
    const ms = await timeMedianMs(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }, { warmup: 2, repeats: 3 });
    expect(calls).toBe(5);
    // Each timed run waits on a 5 ms timer (Node may fire it up to ~1 ms early), far above an empty task.
    expect(ms).toBeGreaterThanOrEqual(3);
    await expect(timeMedianMs(async () => undefined, { warmup: 0, repeats: 0 })).rejects.toThrow(/repeats ≥ 1/);
  });
});

describe('timeInterleavedMs', () => {
  it("alternates the tasks round by round and returns each one's median", async () => {
    const order: string[] = [];
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const medians = await timeInterleavedMs(
      {
        slow: async () => {
          order.push('slow');
          await wait(12);
        },
        quick: async () => {
          order.push('quick');
        },
      },
      { warmup: 1, repeats: 3 },
    );
    expect(order).toEqual(['slow', 'quick', 'slow', 'quick', 'slow', 'quick', 'slow', 'quick']);
    expect(medians.slow).toBeGreaterThanOrEqual(10);
    expect(medians.quick).toBeLessThan(medians.slow);
    await expect(timeInterleavedMs({ a: async () => undefined }, { warmup: 0, repeats: 0 })).rejects.toThrow(/repeats ≥ 1/);
  });
});

describe('parseBenchOptions', () => {
  const ids = ['surface', 'step'];
  it('defaults to readable output on cpu and wasm, every benchmark', () => {
    expect(parseBenchOptions([], ids)).toEqual({ json: false, backends: ['cpu', 'wasm'], only: null });
  });

  it('reads --json, --backend and --only', () => {
    expect(parseBenchOptions(['--json', '--backend', 'wasm', '--only', 'step'], ids)).toEqual({
      json: true,
      backends: ['wasm'],
      only: ['step'],
    });
  });

  it('rejects unknown arguments, missing values and unknown benchmarks', () => {
    expect(() => parseBenchOptions(['--fast'], ids)).toThrow(/Unknown argument "--fast"/);
    expect(() => parseBenchOptions(['--backend'], ids)).toThrow(/--backend needs a value/);
    expect(() => parseBenchOptions(['--only', '--json'], ids)).toThrow(/--only needs a value/);
    expect(() => parseBenchOptions(['--only', 'slices'], ids)).toThrow(/Unknown benchmark slices; known: surface, step/);
  });
});

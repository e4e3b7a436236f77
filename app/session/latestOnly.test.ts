import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestOnly } from './latestOnly';

describe('LatestOnly', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first value at once and then the newest at most once per interval', () => {
    const delivered: number[] = [];
    const latest = new LatestOnly<number>((value) => delivered.push(value), 100, () => Date.now());
    latest.push(1);
    expect(delivered).toEqual([1]);
    latest.push(2);
    latest.push(3);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([1, 3]);
    // Quiet for longer than the interval: the next value goes through at once.
    vi.advanceTimersByTime(500);
    latest.push(4);
    expect(delivered).toEqual([1, 3, 4]);
  });

  it('flushes a kept value on demand, and cancel drops it', () => {
    const delivered: string[] = [];
    const latest = new LatestOnly<string>((value) => delivered.push(value), 100, () => Date.now());
    latest.push('a');
    latest.push('b');
    latest.flush();
    expect(delivered).toEqual(['a', 'b']);
    latest.push('c');
    latest.cancel();
    vi.advanceTimersByTime(1000);
    expect(delivered).toEqual(['a', 'b']);
  });
});

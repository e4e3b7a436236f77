import { describe, expect, it } from 'vitest';
import { ProgressUntilSettled } from './progressUntilSettled';

describe('ProgressUntilSettled', () => {
  it('passes reports on while the call is pending and drops those that arrive after its answer', async () => {
    const seen: number[] = [];
    const progress = new ProgressUntilSettled((done: number, total: number) => seen.push(done / total));
    let answer!: (value: string) => void;
    const call = progress.during(new Promise<string>((resolve) => (answer = resolve)));
    progress.report(1, 4);
    answer('done');
    expect(await call).toBe('done');
    // A report the worker sent before answering, delivered late on its own port.
    progress.report(3, 4);
    expect(seen).toEqual([0.25]);
  });

  it('drops late reports after a failure too, and passes the failure on', async () => {
    const seen: number[] = [];
    const progress = new ProgressUntilSettled((done: number) => seen.push(done));
    await expect(progress.during(Promise.reject(new Error('worker died')))).rejects.toThrow('worker died');
    progress.report(7);
    expect(seen).toEqual([]);
  });
});

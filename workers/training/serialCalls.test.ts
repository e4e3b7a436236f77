import { describe, expect, it } from 'vitest';
import { SerialCalls } from './serialCalls';

describe('SerialCalls', () => {
  it('starts each call only after the earlier ones have settled, failed ones included', async () => {
    const calls = new SerialCalls();
    const log: string[] = [];
    const slow = calls.run(async () => {
      log.push('step starts');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('step ends');
      return 'stepped';
    });
    const failing = calls.run(() => {
      log.push('rebuild');
      throw new Error('invalid experiment');
    });
    const read = calls.run(() => {
      log.push('read');
      return 42;
    });
    expect(await slow).toBe('stepped');
    await expect(failing).rejects.toThrow('invalid experiment');
    expect(await read).toBe(42);
    expect(log).toEqual(['step starts', 'step ends', 'rebuild', 'read']);
  });
});

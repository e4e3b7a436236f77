import { afterEach, describe, expect, it } from 'vitest';
import type { LifelineLocks } from '../workers/engine/spec/messages/lifeline';
import { holdLifeline } from '../workers/lifeline';
import { ParameterChannel, watchLifeline } from './workerClient';

/** Ports handed out in a test (closed after it). */
const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A worker end that keeps the ports it is given, null included. */
function end(): { given: (MessagePort | null)[]; take: (port: MessagePort | null) => void } {
  const given: (MessagePort | null)[] = [];
  return {
    given,
    take: (port) => {
      given.push(port);
      if (port !== null) ports.push(port);
    },
  };
}

/** Whether `a` and `b` are the two ends of one channel: a message posted on one arrives on the other. */
function connected(a: MessagePort, b: MessagePort): Promise<boolean> {
  return new Promise((resolve) => {
    b.onmessage = (event) => resolve(event.data === 'ping');
    a.postMessage('ping');
    setTimeout(() => resolve(false), 500);
  });
}

describe('ParameterChannel', () => {
  it('gives the two workers the two ends of one channel, and a new channel whenever either is replaced', async () => {
    const channel = new ParameterChannel();
    const training = end();
    const landscape = end();
    channel.setLandscape(landscape.take);
    // No training worker yet: the landscape worker is told so.
    expect(landscape.given).toEqual([null]);
    channel.setTraining(training.take);
    expect(await connected(landscape.given[1]!, training.given[0]!)).toBe(true);

    const replacement = end();
    channel.setTraining(replacement.take);
    expect(await connected(landscape.given[2]!, replacement.given[0]!)).toBe(true);
    const newLandscape = end();
    channel.setLandscape(newLandscape.take);
    expect(await connected(newLandscape.given[0]!, replacement.given[1]!)).toBe(true);
    expect(channel.made).toBe(3);

    // The same ends again change nothing; a training worker gone is told to the landscape worker once.
    channel.setLandscape(newLandscape.take);
    channel.setTraining(null);
    channel.setTraining(null);
    expect(newLandscape.given.slice(1)).toEqual([null]);
    expect(channel.made).toBe(3);
  });
});

/**
 * Web Locks as the browser keeps them, for two agents (the worker and the
 * page): a lock goes to the first request and, when its holder lets go or
 * ends, to the next one queued; an aborted request leaves the queue and rejects.
 */
class FakeLocks {
  private readonly held = new Map<string, { agent: string; release: () => void }>();
  private readonly queues = new Map<string, { agent: string; grant: () => void }[]>();

  /** The lock manager as `agent` sees it. */
  of(agent: string): LifelineLocks {
    return {
      request: (name, options, callback) =>
        new Promise((resolve, reject) => {
          const grant = () => {
            let released = false;
            const release = () => {
              if (released) return;
              released = true;
              this.held.delete(name);
              this.queues.get(name)?.shift()?.grant();
            };
            // Held from the moment its callback runs.
            this.held.set(name, { agent, release });
            const result = Promise.resolve(callback());
            void result.then((value) => {
              release();
              resolve(value);
            });
          };
          if (!this.held.has(name)) return grant();
          const queue = this.queues.get(name) ?? [];
          this.queues.set(name, queue);
          const entry = { agent, grant };
          queue.push(entry);
          options.signal?.addEventListener('abort', () => {
            queue.splice(queue.indexOf(entry), 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    };
  }

  /** `agent` ends: the browser lets go of every lock it holds. */
  end(agent: string): void {
    for (const [, lock] of [...this.held]) if (lock.agent === agent) lock.release();
  }
}

describe('watchLifeline', () => {
  it('reports a worker gone once its lifeline is let go, and not while it lives', async () => {
    const locks = new FakeLocks();
    let gone = 0;
    const endpoint = new EventTarget();
    watchLifeline(endpoint, () => gone++, locks.of('page'));
    // The worker takes its lock and names it (the page started listening first, as it does).
    const globals = globalThis as unknown as { postMessage?: (data: unknown) => void };
    globals.postMessage = (data) => endpoint.dispatchEvent(new MessageEvent('message', { data }));
    holdLifeline(locks.of('worker'));
    delete globals.postMessage;
    await Promise.resolve();
    // Busy or idle, a living worker keeps its lock: nothing is reported, however long it takes.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gone).toBe(0);
    locks.end('worker');
    await Promise.resolve();
    expect(gone).toBe(1);
    // Other messages of the worker are not lifelines.
    endpoint.dispatchEvent(new MessageEvent('message', { data: { id: 'x', value: 1 } }));
    expect(gone).toBe(1);
  });

  it('says nothing of a worker the page stopped itself', async () => {
    const locks = new FakeLocks();
    let gone = 0;
    const endpoint = new EventTarget();
    const watch = watchLifeline(endpoint, () => gone++, locks.of('page'));
    const globals = globalThis as unknown as { postMessage?: (data: unknown) => void };
    globals.postMessage = (data) => endpoint.dispatchEvent(new MessageEvent('message', { data }));
    holdLifeline(locks.of('worker'));
    delete globals.postMessage;
    watch.stop();
    locks.end('worker');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gone).toBe(0);
  });
});

/**
 * A worker's lifeline: a Web Lock the worker takes as it starts and holds
 * for as long as it lives. The browser lets go of a worker's locks when the
 * worker ends for any reason — a crash, `self.close()`, being killed — so
 * the page, queueing for the same lock, is granted it exactly when the
 * worker is gone: a silent stop is detected at once, and a worker merely
 * busy in a long computation is never taken for dead (as a heartbeat's
 * timeout would take it). The worker says which lock it holds in one
 * message, `{ [LIFELINE_KEY]: name }`, once it holds it (the message's
 * format: engine/spec/messages/lifeline.ts).
 */
import { LIFELINE_KEY, type LifelineLocks } from './engine/spec/messages/lifeline';

/**
 * In a worker: takes a lock of its own name and holds it until the worker
 * ends, then tells the page its name (nothing where Web Locks are missing).
 */
export function holdLifeline(locks: LifelineLocks | undefined = (globalThis.navigator as { locks?: LifelineLocks } | undefined)?.locks): void {
  if (locks === undefined) return;
  // crypto.getRandomValues, unlike randomUUID, needs no secure context.
  const name = `explorer-worker-${Array.from(crypto.getRandomValues(new Uint32Array(4)), (word) => word.toString(16)).join('-')}`;
  void locks.request(name, {}, () => {
    postMessage({ [LIFELINE_KEY]: name });
    // Held until the worker ends.
    return new Promise<never>(() => {});
  });
}

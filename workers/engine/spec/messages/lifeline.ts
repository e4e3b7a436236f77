/**
 * The message in which a worker names its lifeline (workers/lifeline.ts): a
 * Web Lock the worker holds for as long as it lives, so the page, queueing
 * for the same lock, is granted it exactly when the worker is gone. The
 * worker sends `{ [LIFELINE_KEY]: name }` once, when it holds the lock.
 */

/** The key of the message in which a worker names its lifeline. */
export const LIFELINE_KEY = 'explorerLifeline';

/** The lock name in `data` if it is a lifeline message, else null. */
export function lifelineName(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const name = (data as Record<string, unknown>)[LIFELINE_KEY];
  return typeof name === 'string' ? name : null;
}

/** The part of the Web Locks API a lifeline uses (the page's watch and the worker's hold). */
export interface LifelineLocks {
  request(name: string, options: { signal?: AbortSignal }, callback: () => unknown): Promise<unknown>;
}

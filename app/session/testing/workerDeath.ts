/**
 * Test helper: a fake worker's death as the page sees it. `dead` rejects
 * with the reason once `die` is called, as the guarded calls of a worker
 * that crashed or stopped do (a fake `guard` races each call against it).
 */
export function workerDeath(): { dead: Promise<never>; die(reason: string): void } {
  let rejectAll: (error: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => (rejectAll = reject));
  // Nobody may be waiting on it when it dies.
  dead.catch(() => {});
  return { dead, die: (reason) => rejectAll(new Error(reason)) };
}

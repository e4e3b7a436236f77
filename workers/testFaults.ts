/**
 * Faults a worker can be made to have, for the tests of the page's
 * recovery: an uncaught error at once or in the middle of the next step (a
 * crash: the page hears of it through the worker's error event), or a
 * silent stop (`self.close()`: the page hears nothing, and finds out from
 * the worker's lifeline, app/workerClient.ts).
 */

/** When a simulated crash happens: at once, or inside the next step while it computes. */
export type CrashMoment = 'now' | 'during-step';

/** The test hooks' state in one worker. */
export class TestFaults {
  private crashInNextStep = false;

  /** Throws an uncaught error now, or arms the next step to throw one. */
  crash(moment: CrashMoment = 'now'): void {
    if (moment === 'during-step') {
      this.crashInNextStep = true;
      return;
    }
    setTimeout(() => {
      throw new Error('simulated worker crash');
    });
  }

  /** Called as a step begins: an armed crash fires at the step's first wait, outside its promise chain (so uncaught), while the step is under way. */
  stepBegins(): void {
    if (!this.crashInNextStep) return;
    this.crashInNextStep = false;
    queueMicrotask(() => {
      throw new Error('simulated worker crash during a step');
    });
  }

  /** Stops the worker without a word, as a browser that kills a worker would. */
  closeSilently(): void {
    self.close();
  }
}

/**
 * Counts the typed arrays that cross the page in messages between the page
 * and its workers: everything posted to a worker or a port the page holds,
 * and everything a worker or such a port delivers to the page. Installed
 * before the app starts (`page.addInitScript`), it wraps the prototypes'
 * `postMessage` and the `message` listeners; messages between two workers
 * over a port the page has given away never reach it and are not counted.
 */
import type { Page } from '@playwright/test';

/** One typed array seen in a message: its constructor, element count, bytes and direction. */
export interface MeteredArray {
  type: string;
  length: number;
  bytes: number;
  direction: 'to-worker' | 'from-worker';
  /** performance.now() on the page when the message crossed. */
  at: number;
}

declare global {
  interface Window {
    __messageMeter?: MeteredArray[];
  }
}

/** Installs the meter on every page `page` opens from now on. */
export async function installMessageMeter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: MeteredArray[] = [];
    window.__messageMeter = log;
    const record = (data: unknown, direction: MeteredArray['direction']) => {
      const at = performance.now();
      const seen = new Set<unknown>();
      const visit = (value: unknown) => {
        if (value === null || typeof value !== 'object' || seen.has(value)) return;
        seen.add(value);
        if (ArrayBuffer.isView(value)) {
          const view = value as ArrayBufferView & { length?: number };
          log.push({ type: value.constructor.name, length: view.length ?? view.byteLength, bytes: view.byteLength, direction, at });
          return;
        }
        if (value instanceof ArrayBuffer || value instanceof MessagePort) return;
        for (const entry of Array.isArray(value) ? value : Object.values(value)) visit(entry);
      };
      visit(data);
    };
    for (const target of [Worker.prototype, MessagePort.prototype] as (Worker | MessagePort)[]) {
      const post = target.postMessage as (this: Worker | MessagePort, message: unknown, ...rest: unknown[]) => void;
      target.postMessage = function (this: Worker | MessagePort, message: unknown, ...rest: unknown[]) {
        record(message, 'to-worker');
        return post.call(this, message, ...rest);
      } as typeof target.postMessage;
      const listen = target.addEventListener;
      target.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
        if (type !== 'message' || listener === null) return listen.call(this, type, listener as EventListenerOrEventListenerObject, options);
        const wrapped = (event: Event) => {
          record((event as MessageEvent).data, 'from-worker');
          return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
        };
        return listen.call(this, type, wrapped, options);
      } as typeof target.addEventListener;
    }
  });
}

/** Empties the meter's log. */
export async function resetMessageMeter(page: Page): Promise<void> {
  await page.evaluate(() => void window.__messageMeter!.splice(0));
}

/** What the meter has logged since the last reset. */
export async function meteredArrays(page: Page): Promise<MeteredArray[]> {
  return page.evaluate(() => window.__messageMeter!.slice());
}

/** The logged Float32Arrays that hold whole parameter vectors: k·P values for P parameters. */
export function parameterArrays(arrays: readonly MeteredArray[], paramCount: number): MeteredArray[] {
  return arrays.filter((array) => array.type === 'Float32Array' && array.length > 0 && array.length % paramCount === 0);
}

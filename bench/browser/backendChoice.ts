/**
 * Which backends `npm run bench` measures where: `cpu` and `wasm` in Node,
 * `webgl` and `webgpu` in headless Chromium. One `--backend` list names
 * both kinds; when it names no browser backend, both browser backends run
 * (the browser part as a whole is chosen with `--only browser`).
 */
import type { BackendName } from '../../workers/engine/backends/select';
import type { BrowserBenchBackend } from './records';

/** The backends measured in Node. */
export type NodeBenchBackend = Extract<BackendName, 'cpu' | 'wasm'>;

/** The `--backend` names split by where they run. */
export interface BenchBackendChoice {
  node: NodeBenchBackend[];
  browser: BrowserBenchBackend[];
}

/** The browser backends measured when `--backend` names none. */
export const DEFAULT_BROWSER_BACKENDS: readonly BrowserBenchBackend[] = ['webgl', 'webgpu'];

/**
 * Splits `requested` (in order, repeats dropped) into Node and browser
 * backends; throws on a name that is neither. With no browser backend named,
 * the browser list is {@link DEFAULT_BROWSER_BACKENDS}.
 */
export function splitBenchBackends(requested: readonly string[]): BenchBackendChoice {
  const node: NodeBenchBackend[] = [];
  const browser: BrowserBenchBackend[] = [];
  for (const name of requested) {
    if (name === 'cpu' || name === 'wasm') {
      if (!node.includes(name)) node.push(name);
    } else if (name === 'webgl' || name === 'webgpu') {
      if (!browser.includes(name)) browser.push(name);
    } else {
      throw new Error(`Unknown backend "${name}": Node runs cpu and wasm, the browser part webgl and webgpu`);
    }
  }
  return { node, browser: browser.length > 0 ? browser : [...DEFAULT_BROWSER_BACKENDS] };
}

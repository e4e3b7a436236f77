/**
 * The names of the TensorFlow.js backends and the page's `?backend=` choice,
 * without TensorFlow.js itself, so that the main thread (the status bar's
 * backend chooser) and the workers read the choice the same way.
 */

/** The TensorFlow.js backends the engine can run on, in order of preference. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Browser preference order: fastest first, `cpu` always works. */
export const BROWSER_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** True when `name` is one of the four browser backends. */
export function isBackendName(name: string): name is BackendName {
  return (BROWSER_BACKENDS as readonly string[]).includes(name);
}

/** The backend named by the page's `?backend=` parameter, or null when there is none (or it is unknown). */
export function forcedBackend(search: string): BackendName | null {
  const forced = new URLSearchParams(search).get('backend');
  return forced != null && isBackendName(forced) ? forced : null;
}

/**
 * `href` with its `?backend=` set to `backend`, or removed for null (the
 * automatic choice); the other query parameters and the hash (the
 * experiment) are kept.
 */
export function hrefWithBackend(href: string, backend: BackendName | null): string {
  const url = new URL(href);
  if (backend === null) url.searchParams.delete('backend');
  else url.searchParams.set('backend', backend);
  return url.toString();
}

/**
 * What is missing when a worker cannot start offline: the files of its
 * module graph (its script, the chunks it imports, statically or on
 * demand, and the WebAssembly binaries it names) that can be fetched
 * neither from the network nor from the offline copy. This happens before
 * the service worker has finished caching the build, or once its cache was
 * cleared; the page then says so, with the files, instead of restarting a
 * worker that cannot load.
 */

/** Fetches a file (the page's fetch: the service worker answers from its cache when it has the file). */
export type FileFetch = (url: string) => Promise<{ ok: boolean; text(): Promise<string> }>;

/** Most files looked at in one graph (the build has a few dozen). */
const MAX_FILES = 200;

/** Specifiers of relative imports (`from"./x.js"`, `import("./x.js")`, `import"./x.js"`, any quotes). */
const IMPORT_PATTERN = /(?:\bfrom|\bimport)\s*\(?\s*[`"'](\.{1,2}\/[^`"']+)[`"']/g;
/** Assets named relative to the module (`new URL("x.wasm", import.meta.url)`). */
const ASSET_PATTERN = /new URL\(\s*[`"']([^`"']+)[`"']\s*,\s*import\.meta\.url/g;

/** The URLs a built module refers to, resolved against its own URL. */
export function referencedFiles(source: string, moduleUrl: string): string[] {
  const found = new Set<string>();
  for (const pattern of [IMPORT_PATTERN, ASSET_PATTERN]) {
    for (const match of source.matchAll(pattern)) found.add(new URL(match[1], moduleUrl).href);
  }
  return [...found];
}

/**
 * The files of the module graph from `entryUrl` that cannot be fetched, by
 * file name, in the order found (the scripts that can be fetched are read
 * for their references; binaries are only fetched).
 */
export async function missingFiles(entryUrl: string, fetchFile: FileFetch = (url) => fetch(url)): Promise<string[]> {
  const entry = new URL(entryUrl, globalThis.location?.href).href;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const missing: string[] = [];
  while (queue.length > 0 && seen.size <= MAX_FILES) {
    const url = queue.shift()!;
    let source: string | null = null;
    try {
      const response = await fetchFile(url);
      if (response.ok && /\.m?js(\?|$)/.test(new URL(url).pathname + new URL(url).search)) source = await response.text();
      else if (!response.ok) missing.push(fileName(url));
    } catch {
      missing.push(fileName(url));
    }
    if (source === null) continue;
    for (const next of referencedFiles(source, url)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return missing;
}

/** The last part of a URL's path. */
function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() || url;
}

/**
 * The message for work that cannot start offline: `what` (e.g. "the
 * training") needs `missing`, which the offline copy lacks.
 */
export function offlineMessage(what: string, missing: readonly string[]): string {
  const files = missing.length === 0 ? 'some of its files' : `these files: ${missing.join(', ')}`;
  return `The app is offline, and its offline copy is not complete: ${what} needs ${files}. It starts by itself once the network is back.`;
}

/** Whether the browser says it has no network. */
export function browserIsOffline(): boolean {
  return globalThis.navigator?.onLine === false;
}

/** Calls `listener` once when the network comes back; returns a function that stops waiting. */
export function onceOnline(listener: () => void): () => void {
  const target = globalThis as unknown as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  if (target.addEventListener === undefined) return () => {};
  const handler = () => listener();
  target.addEventListener('online', handler, { once: true });
  return () => target.removeEventListener?.('online', handler);
}

/** What a session needs to know about the network when its worker cannot start (tests pass their own). */
export interface NetworkWatch {
  isOffline(): boolean;
  /** The files of the worker's module graph that cannot be fetched now. */
  missingFiles(): Promise<string[]>;
  /** Calls `listener` once when the network comes back; returns a function that stops waiting. */
  onceOnline(listener: () => void): () => void;
}

/** The browser's network state, for a worker whose script is at `workerScript`. */
export function browserNetworkWatch(workerScript: string): NetworkWatch {
  return { isOffline: browserIsOffline, missingFiles: () => missingFiles(workerScript), onceOnline };
}

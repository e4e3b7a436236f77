/**
 * The offline copy of the app: registers the service worker that precaches
 * the build (see vite.config.ts) and tells the page when a newer build is
 * waiting, so the user reloads when it suits them instead of mid-run.
 *
 * The state is a tiny external store (read with useSyncExternalStore), kept
 * apart from the experiment store: it is about the installed files, not the
 * experiment.
 */

/** What the page knows about its offline copy. */
export interface OfflineState {
  /** Every file of this build is cached: the app now works without a network. */
  offlineReady: boolean;
  /** A newer build has been downloaded and waits for a reload. */
  updateWaiting: boolean;
}

let state: OfflineState = { offlineReady: false, updateWaiting: false };
const listeners = new Set<() => void>();
let activateUpdate: (() => Promise<void>) | null = null;

function set(next: Partial<OfflineState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

/** Subscribes to changes of {@link OfflineState}; returns the unsubscribe function. */
export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current {@link OfflineState} (a new object after each change). */
export function offlineState(): OfflineState {
  return state;
}

/** Activates the waiting build and reloads the page (the experiment is in the URL, so nothing is lost). */
export function reloadToUpdate(): void {
  void activateUpdate?.();
}

/**
 * Registers the service worker in a production build served over http(s);
 * a development server has none (its files change on every edit).
 */
export async function startOfflineSupport(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    onOfflineReady: () => set({ offlineReady: true }),
    onNeedRefresh: () => set({ updateWaiting: true }),
    onRegisterError: (error: unknown) => console.warn('The offline copy could not be installed:', error),
  });
  activateUpdate = () => update(true);
}

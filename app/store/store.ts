/**
 * The app's one store, combined from typed slices: the experiment (the URL's
 * content), the run (status, progress, backend, errors) and the results
 * (typed arrays from the worker). Components read it through narrow selectors.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createExperimentSlice, type ExperimentSlice } from './experimentSlice';
import { createLandscapeSlice, type LandscapeSlice } from './landscapeSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunSlice } from './runSlice';

export type Store = ExperimentSlice & RunSlice & ResultsSlice & LandscapeSlice;
export type AppStore = StoreApi<Store>;

/** A new, independent store (the app makes one; tests make their own). */
export function createAppStore(): AppStore {
  return createStore<Store>()((...args) => ({
    ...createExperimentSlice(...args),
    ...createRunSlice(...args),
    ...createResultsSlice(...args),
    ...createLandscapeSlice(...args),
  }));
}

/** The page's store. */
export const appStore: AppStore = createAppStore();

/** Subscribes a component to one narrow piece of the page's store. */
export function useAppStore<T>(selector: (state: Store) => T): T {
  return useStore(appStore, selector);
}

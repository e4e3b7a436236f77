/**
 * The app's one store, combined from typed slices: the experiment (the URL's
 * content), the run (status, progress, backend, errors) and the results
 * (typed arrays from the worker). Components read it through narrow
 * selectors; sessions follow it with selector subscriptions
 * (`store.subscribe(selector, listener, { equalityFn })`, zustand's
 * `subscribeWithSelector`), one per thing they react to.
 */
import { useStore } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import { createDisplaySlice, type DisplaySlice } from './displaySlice';
import { createExperimentSlice, type ExperimentSlice } from './experimentSlice';
import { createLandscapeSlice, type LandscapeSlice } from './landscapeSlice';
import { createNetworkExperimentSlice, type NetworkExperimentSlice } from './networkExperimentSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createUploadSlice, type UploadSlice } from './uploadSlice';

export type Store = ExperimentSlice & RunSlice & ResultsSlice & LandscapeSlice & NetworkExperimentSlice & TrainingSlice & DisplaySlice & UploadSlice;
/** The store with selector subscriptions. */
export type AppStore = Mutate<StoreApi<Store>, [['zustand/subscribeWithSelector', never]]>;

/** A new, independent store (the app makes one; tests make their own). */
export function createAppStore(): AppStore {
  return createStore<Store>()(
    subscribeWithSelector((...args) => ({
      ...createExperimentSlice(...args),
      ...createRunSlice(...args),
      ...createResultsSlice(...args),
      ...createLandscapeSlice(...args),
      ...createNetworkExperimentSlice(...args),
      ...createTrainingSlice(...args),
      ...createDisplaySlice(...args),
      ...createUploadSlice(...args),
    })),
  );
}

/** The page's store. */
export const appStore: AppStore = createAppStore();

/** Subscribes a component to one narrow piece of the page's store. */
export function useAppStore<T>(selector: (state: Store) => T): T {
  return useStore(appStore, selector);
}

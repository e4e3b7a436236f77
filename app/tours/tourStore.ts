/**
 * What the tours and the presentation mode show: the open tour's place,
 * the progress of the step's work, presentation mode and its hidden
 * controls, and the help overlay. A store of its own: none of it is part of
 * the experiment, and the explorer's store knows nothing of tours.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { JobProgress } from '../plots/types';
import type { TourPlace } from './tourLink';

/** The tours' and presentation's state. */
export interface TourState {
  /** The open tour and step, or null (no tour open). */
  place: TourPlace | null;
  /** The step's work (runs, slice, spectrum): running, done, cancelled or failed; null for a step without work. */
  job: JobProgress | null;
  /** Presentation mode: large type, high contrast, controls hidden. */
  presenting: boolean;
  /** In presentation mode, whether the hidden controls are shown again. */
  controlsShown: boolean;
  /** Whether the keyboard help is open. */
  helpOpen: boolean;
}

/** The tours' store. */
export const tourStore = createStore<TourState>(() => ({
  place: null,
  job: null,
  presenting: false,
  controlsShown: false,
  helpOpen: false,
}));

/** Subscribes a component to a part of the tours' state. */
export function useTourStore<T>(select: (state: TourState) => T): T {
  return useStore(tourStore, select);
}

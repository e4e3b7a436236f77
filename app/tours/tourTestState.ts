/**
 * The tours' part of the test handle (`window.__explorer`): every tour as
 * data (id, title, steps with their links, texts, actions and claims) and
 * the place and work of the one open.
 */
import type { JobProgress } from '../plots/types';
import { TOURS } from './index';
import { tourStore } from './tourStore';
import type { Tour } from './types';

/** The open tour as tests see it. */
export interface TourTestState {
  /** The open tour's id and step (from 0), or null. */
  tour: { id: string; step: number; job: JobProgress | null } | null;
  presenting: boolean;
  controlsShown: boolean;
  helpOpen: boolean;
}

/** Every tour (copies). */
export function testTours(): Tour[] {
  return structuredClone(TOURS) as Tour[];
}

/** The tours' state now. */
export function tourTestState(): { tours: TourTestState } {
  const { place, job, presenting, controlsShown, helpOpen } = tourStore.getState();
  return {
    tours: {
      tour: place && { id: place.tourId, step: place.step, job: job && { ...job } },
      presenting,
      controlsShown,
      helpOpen,
    },
  };
}

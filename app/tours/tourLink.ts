/**
 * The tour's place in the link: `tour=<id>&step=<n>` (n from 1), after the
 * experiment's fields. The experiment the step shows is in the same link,
 * so a step's link opens that step's explorer with its text; the tour keys
 * only say which text is shown. The keys are declared in `app/url/tourFields.ts`.
 */
import { quoteForMessage } from '../url/quote';
import { TOUR_KEY, TOUR_STEP_KEY } from '../url/tourFields';
import { tourById } from './index';
import type { Tour } from './types';

/** A place in a tour: the tour's id and the step's index (from 0). */
export interface TourPlace {
  tourId: string;
  step: number;
}

/** `tour=<id>&step=<index + 1>`. */
export function tourPairs(place: TourPlace | null): string {
  return place ? `${TOUR_KEY}=${place.tourId}&${TOUR_STEP_KEY}=${place.step + 1}` : '';
}

/** The link (hash without "#") of step `index` of `tour`: its experiment, then its place. */
export function stepLink(tour: Tour, index: number): string {
  return `${tour.steps[index].link}&${tourPairs({ tourId: tour.id, step: index })}`;
}

/**
 * Reads the tour's place from a hash. No tour key: null and no message. An
 * unknown tour, or a step that is not a whole number from 1 to the tour's
 * length, gives null (or the first step) and a sentence saying what was ignored.
 */
export function readTourPlace(hash: string, messages: string[]): TourPlace | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const id = params.get(TOUR_KEY);
  const stepText = params.get(TOUR_STEP_KEY);
  if (id === null) {
    if (stepText !== null) messages.push(`Ignored ${TOUR_STEP_KEY}="${quoteForMessage(stepText)}" (tour step): the link names no tour.`);
    return null;
  }
  const tour = tourById(id);
  if (!tour) {
    messages.push(`Ignored ${TOUR_KEY}="${quoteForMessage(id)}": there is no such tour.`);
    return null;
  }
  if (stepText === null) return { tourId: id, step: 0 };
  const step = /^[0-9]{1,4}$/.test(stepText) ? Number(stepText) : NaN;
  if (!(step >= 1 && step <= tour.steps.length)) {
    messages.push(
      `Ignored ${TOUR_STEP_KEY}="${quoteForMessage(stepText)}" (tour step): expected a whole number from 1 to ${tour.steps.length}; showing step 1.`,
    );
    return { tourId: id, step: 0 };
  }
  return { tourId: id, step: step - 1 };
}

/** `hash` (an experiment's, without "#") followed by the place's keys, if any. */
export function withTourPlace(hash: string, place: TourPlace | null): string {
  const pairs = tourPairs(place);
  return pairs ? (hash ? `${hash}&${pairs}` : pairs) : hash;
}

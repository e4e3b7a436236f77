/**
 * The keys of a link's place in a tour, `tour=<id>&step=<n>`: they sit
 * beside the experiment's fields but are not part of the experiment (the
 * workers never see them); `app/tours/tourLink.ts` reads and writes them.
 * Declared here so that the experiment's link reader knows them.
 */

/** The tour's id. */
export const TOUR_KEY = 'tour';
/** The step within the tour, from 1. */
export const TOUR_STEP_KEY = 'step';
/** Both keys. */
export const TOUR_URL_KEYS: readonly string[] = [TOUR_KEY, TOUR_STEP_KEY];

/**
 * Every tour, in the order the tour menu lists them. A tour is one file of
 * data in `tours/`; adding one is adding its file and its line here.
 */
import { EDGE_OF_STABILITY_TOUR } from './tours/edgeOfStability';
import { ILL_CONDITIONING_TOUR } from './tours/illConditioning';
import { ROSENBROCK_TOUR } from './tours/rosenbrock';
import { SADDLES_TOUR } from './tours/saddles';
import type { Tour } from './types';

export type { Tour, TourStep, TourAction, TourClaim } from './types';

/** The tours, in menu order. */
export const TOURS: readonly Tour[] = [ILL_CONDITIONING_TOUR, SADDLES_TOUR, ROSENBROCK_TOUR, EDGE_OF_STABILITY_TOUR];

/** The tour with `id`, or undefined. */
export function tourById(id: string): Tour | undefined {
  return TOURS.find((tour) => tour.id === id);
}

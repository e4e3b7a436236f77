/**
 * The tours menu in the controls: choosing a tour opens it at its first
 * step (loading that step's experiment and starting its work).
 */
import type { ReactElement } from 'react';
import { TOURS } from './index';
import { enterStep } from './tourController';
import { useTourStore } from './tourStore';

/** A select listing every tour; the open one is selected. */
export function TourMenu(): ReactElement {
  const open = useTourStore((state) => state.place?.tourId ?? '');
  return (
    <div className="field tours-menu">
      <label htmlFor="tours-menu">Tours</label>
      <select id="tours-menu" data-testid="tours-menu" value={open} onChange={(event) => enterStep(event.target.value, 0)}>
        <option value="" disabled>
          Take a guided tour…
        </option>
        {TOURS.map((tour) => (
          <option key={tour.id} value={tour.id} title={tour.summary}>
            {tour.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The open tour's step: its title, text and what to notice, the progress of
 * its work (with Cancel), the runs' outcomes, and the way on: Previous /
 * Next and a link per step (so step 4 can be sent to someone).
 */
import type { ReactElement } from 'react';
import { JobProgressBar } from '../ui/JobProgressBar';
import { tourById } from './index';
import { stepAfter } from './navigation';
import { cancelStepWork, closeTour, enterStep } from './tourController';
import { stepLink } from './tourLink';
import { useTourStore } from './tourStore';
import { TourRunsReadout } from './TourRunsReadout';
import './tours.css';

/** The tour panel, or nothing while no tour is open. */
export function TourPanel(): ReactElement | null {
  const place = useTourStore((state) => state.place);
  const job = useTourStore((state) => state.job);
  const tour = place ? tourById(place.tourId) : undefined;
  if (!place || !tour) return null;
  const step = tour.steps[place.step];
  const count = tour.steps.length;
  const go = (index: number) => enterStep(tour.id, index);
  return (
    <aside className="tour-panel" aria-label={`Tour: ${tour.title}`} data-testid="tour-panel" data-tour={tour.id} data-step={place.step + 1}>
      <header className="tour-head">
        <span className="tour-name">{tour.title}</span>
        <button type="button" className="secondary tour-close" onClick={closeTour} aria-label="Close the tour" title="Close the tour">
          ×
        </button>
      </header>
      <p className="tour-count" data-testid="tour-count">
        Step {place.step + 1} of {count}
      </p>
      <h2 className="tour-title" data-testid="tour-step-title">
        {step.title}
      </h2>
      <p className="tour-text" data-testid="tour-text">
        {step.text}
      </p>
      <p className="tour-notice" data-testid="tour-notice">
        <strong>What to notice: </strong>
        {step.notice}
      </p>
      {job && (
        <div className="tour-job">
          <JobProgressBar job={job} onCancel={cancelStepWork} />
        </div>
      )}
      <TourRunsReadout />
      <nav className="tour-nav" aria-label="Tour steps">
        <button type="button" data-testid="tour-previous" disabled={place.step === 0} onClick={() => go(stepAfter('previous', place.step, count))} aria-keyshortcuts="ArrowLeft PageUp">
          ← Previous
        </button>
        <ol className="tour-steps">
          {tour.steps.map((candidate, index) => (
            <li key={index}>
              <a
                href={`#${stepLink(tour, index)}`}
                aria-current={index === place.step ? 'step' : undefined}
                title={candidate.title}
                aria-label={`Step ${index + 1}: ${candidate.title}`}
                onClick={(event) => {
                  event.preventDefault();
                  go(index);
                }}
              >
                {index + 1}
              </a>
            </li>
          ))}
        </ol>
        <button type="button" className="primary" data-testid="tour-next" disabled={place.step === count - 1} onClick={() => go(stepAfter('next', place.step, count))} aria-keyshortcuts="ArrowRight PageDown">
          Next →
        </button>
      </nav>
    </aside>
  );
}

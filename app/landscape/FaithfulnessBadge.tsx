/**
 * One badge per projected run saying how well the 2-D landscape represents
 * its trajectory, coloured green / amber / red by the thresholds in
 * faithfulness.ts and labelled in words as well as colour. The badges lie
 * over the landscape, so each is one short line (the run's name and the
 * grade); the numbers behind the grade unfold on request (and are the
 * badge's tooltip).
 */
import { useState, type ReactElement } from 'react';
import { faithfulnessText, GRADE_WORDS, gradeFaithfulness } from './faithfulness';
import type { ProjectionFaithfulness } from '../plots/types';
import '../plots/plots.css';

/** Props of {@link FaithfulnessBadge}. */
export interface FaithfulnessBadgeProps {
  items: readonly ProjectionFaithfulness[];
  /** Whether the numbers show from the start (folded away when absent). */
  initiallyExpanded?: boolean;
}

/** The badges of every projected run (nothing when there are none). */
export function FaithfulnessBadge({ items, initiallyExpanded = false }: FaithfulnessBadgeProps): ReactElement | null {
  const [expanded, setExpanded] = useState(initiallyExpanded);
  if (items.length === 0) return null;
  return (
    <div className="faithfulness-box" data-expanded={expanded}>
      <ul className="faithfulness" aria-label="projection faithfulness" data-testid="faithfulness">
        {items.map((item) => {
          const grade = gradeFaithfulness(item);
          const text = faithfulnessText(item);
          return (
            <li key={item.runId} className={`badge badge-${grade}`} data-grade={grade} title={text}>
              <span className="badge-run" style={item.color ? { borderColor: item.color } : undefined}>
                {item.label ?? item.runId}
              </span>
              <strong className="badge-grade">{GRADE_WORDS[grade]}</strong>
              {expanded && <span className="badge-text">{text}</span>}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="overlay-toggle"
        aria-expanded={expanded}
        data-testid="faithfulness-toggle"
        title={expanded ? 'Hide the numbers behind the grades' : 'Show the numbers behind the grades'}
        onClick={() => setExpanded((open) => !open)}
      >
        {expanded ? 'less' : 'why?'}
      </button>
    </div>
  );
}

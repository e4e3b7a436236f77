/**
 * One badge per projected run saying how well the 2-D landscape represents
 * its trajectory, coloured green / amber / red by the thresholds in
 * faithfulness.ts and labelled in words as well as colour.
 */
import type { ReactElement } from 'react';
import { faithfulnessText, GRADE_WORDS, gradeFaithfulness } from './faithfulness';
import type { ProjectionFaithfulness } from '../plots/types';
import '../plots/plots.css';

/** Props of {@link FaithfulnessBadge}. */
export interface FaithfulnessBadgeProps {
  items: readonly ProjectionFaithfulness[];
}

/** The badges of every projected run (nothing when there are none). */
export function FaithfulnessBadge({ items }: FaithfulnessBadgeProps): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <ul className="faithfulness" aria-label="projection faithfulness" data-testid="faithfulness">
      {items.map((item) => {
        const grade = gradeFaithfulness(item);
        return (
          <li key={item.runId} className={`badge badge-${grade}`} data-grade={grade}>
            <span className="badge-run" style={item.color ? { borderColor: item.color } : undefined}>
              {item.label ?? item.runId}
            </span>
            <strong className="badge-grade">{GRADE_WORDS[grade]}</strong>
            <span className="badge-text">{faithfulnessText(item)}</span>
          </li>
        );
      })}
    </ul>
  );
}

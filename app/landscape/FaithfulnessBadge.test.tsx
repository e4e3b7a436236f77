import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FaithfulnessBadge } from './FaithfulnessBadge';
import { faithfulnessText, gradeAgainst, gradeFaithfulness, LOSS_GAP_LIMITS, RESIDUAL_LIMITS } from './faithfulness';

describe('grading', () => {
  it('grades against the limits, edges included, and not-finite as poor', () => {
    expect(gradeAgainst(RESIDUAL_LIMITS.good, RESIDUAL_LIMITS)).toBe('good');
    expect(gradeAgainst(RESIDUAL_LIMITS.good * 1.01, RESIDUAL_LIMITS)).toBe('fair');
    expect(gradeAgainst(RESIDUAL_LIMITS.fair * 1.01, RESIDUAL_LIMITS)).toBe('poor');
    expect(gradeAgainst(NaN, RESIDUAL_LIMITS)).toBe('poor');
  });

  it('takes the worse of off-plane distance and relative loss gap', () => {
    expect(gradeFaithfulness({ runId: 'a', maxLossGap: 0.01, relativeResidual: 0.02, lossScale: 1 })).toBe('good');
    // Residual good, gap 15 % of the scale: fair.
    expect(gradeFaithfulness({ runId: 'a', maxLossGap: 0.15, relativeResidual: 0.02, lossScale: 1 })).toBe('fair');
    // Gap good, residual 50 %: poor.
    expect(gradeFaithfulness({ runId: 'a', maxLossGap: 0, relativeResidual: 0.5, lossScale: 1 })).toBe('poor');
    expect(LOSS_GAP_LIMITS.good).toBeLessThan(LOSS_GAP_LIMITS.fair);
  });

  it('grades by distance alone without a loss scale', () => {
    expect(gradeFaithfulness({ runId: 'a', maxLossGap: 1000, relativeResidual: 0.02 })).toBe('good');
  });

  it('writes the two numbers', () => {
    expect(faithfulnessText({ runId: 'a', maxLossGap: 0.012345, relativeResidual: 0.042 })).toBe(
      'max |true − surface| = 0.0123, off-plane distance = 4.2%',
    );
  });
});

describe('FaithfulnessBadge', () => {
  it('renders one badge per run with the grade in words', () => {
    const html = renderToStaticMarkup(
      <FaithfulnessBadge
        items={[
          { runId: 'o1', label: 'SGD', color: '#ff0000', maxLossGap: 0.01, relativeResidual: 0.02, lossScale: 1 },
          { runId: 'o2', maxLossGap: 0.5, relativeResidual: 0.6 },
        ]}
      />,
    );
    expect(html.match(/<li/g)?.length).toBe(2);
    expect(html).toContain('data-grade="good"');
    expect(html).toContain('faithful');
    expect(html).toContain('misleading');
    expect(html).toContain('>o2<');
    expect(renderToStaticMarkup(<FaithfulnessBadge items={[]} />)).toBe('');
  });
});

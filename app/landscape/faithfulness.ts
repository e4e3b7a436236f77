/**
 * Grading how faithfully a 2-D landscape shows a projected trajectory.
 *
 * Two numbers (Li et al. 2018 discuss why projections mislead): the largest
 * gap between the true loss at a visited point and the surface's value at
 * its projection, and the visited points' mean distance from the plane as a
 * share of the trajectory's length. The thresholds below are judgements for
 * a picture meant to be read by eye:
 *   - off-plane distance: green ≤ 10 % (the path lies essentially in the
 *     plane), amber ≤ 30 %, red above (most of the motion is invisible);
 *   - loss gap relative to `lossScale`: green ≤ 5 % (within a contour
 *     spacing of a 20-level picture), amber ≤ 20 %, red above.
 * The badge takes the worse grade of the two; without a loss scale only the
 * distance grades.
 */
import { formatPercent, formatSignificant } from '../ui/format';
import type { ProjectionFaithfulness } from '../plots/types';

/** Green: the picture can be trusted; amber: read with care; red: the path is mostly off the plane or off the surface. */
export type FaithfulnessGrade = 'good' | 'fair' | 'poor';

/** Upper bounds of 'good' and 'fair' for the off-plane distance (share of the trajectory's length). */
export const RESIDUAL_LIMITS = { good: 0.1, fair: 0.3 } as const;
/** Upper bounds of 'good' and 'fair' for the loss gap as a share of the loss scale. */
export const LOSS_GAP_LIMITS = { good: 0.05, fair: 0.2 } as const;

const ORDER: readonly FaithfulnessGrade[] = ['good', 'fair', 'poor'];

/** 'good' up to limits.good, 'fair' up to limits.fair, 'poor' above or when not finite. */
export function gradeAgainst(value: number, limits: { good: number; fair: number }): FaithfulnessGrade {
  if (!Number.isFinite(value)) return 'poor';
  return value <= limits.good ? 'good' : value <= limits.fair ? 'fair' : 'poor';
}

/** The worse of the residual's grade and (with a positive loss scale) the relative loss gap's grade. */
export function gradeFaithfulness(item: ProjectionFaithfulness): FaithfulnessGrade {
  const grades = [gradeAgainst(item.relativeResidual, RESIDUAL_LIMITS)];
  if (item.lossScale !== undefined && item.lossScale > 0) grades.push(gradeAgainst(item.maxLossGap / item.lossScale, LOSS_GAP_LIMITS));
  return ORDER[Math.max(...grades.map((grade) => ORDER.indexOf(grade)))];
}

/** Words for each grade, the text equivalent of the badge's colour. */
export const GRADE_WORDS: Record<FaithfulnessGrade, string> = {
  good: 'faithful',
  fair: 'approximate',
  poor: 'misleading',
};

/** "max |true − surface| = 0.0123, off-plane distance = 4.2%". */
export function faithfulnessText(item: ProjectionFaithfulness): string {
  return `max |true − surface| = ${formatSignificant(item.maxLossGap, 3)}, off-plane distance = ${formatPercent(item.relativeResidual, 2)}`;
}

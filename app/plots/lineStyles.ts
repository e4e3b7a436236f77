/**
 * Line styles shared by the views' charts, so that one pattern means the
 * same thing everywhere: dashed is the test set, dotted is λmin, long dashes
 * are stability thresholds. Dash patterns are CSS pixels on, off.
 */

/** Test-set curves (train curves are solid). */
export const TEST_DASH: readonly number[] = [7, 5];
/** The most negative eigenvalue λmin (λmax is solid). */
export const MIN_EIGENVALUE_DASH: readonly number[] = [2, 4];
/** The stability thresholds 2/η and 2(1+β)/η. */
export const THRESHOLD_DASH: readonly number[] = [9, 6];
/** Random-matrix reference densities (the estimate is solid). */
export const REFERENCE_DASH: readonly number[] = [6, 4];

/** Loss curves of the single-line views (the theme's accent). */
export const LOSS_COLOR = '#4cc9f0';
/** Accuracy curves, on the right axis. */
export const ACCURACY_COLOR = '#f59e3b';
/** Vertical marks and their labels on the dark panel. */
export const MARK_COLOR = '#e8ecf1';

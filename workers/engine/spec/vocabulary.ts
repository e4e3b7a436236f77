/**
 * The words the engine, the workers and the page share, each declared once:
 * what a critical point is, where a run stands, the plotted window, how the
 * surface is drawn. Plain types (and a list to check against), so every
 * layer can import them.
 */

/**
 * What a critical point (∇f = 0) is, read from the signs of the Hessian's
 * eigenvalues: both positive → minimum, both negative → maximum, mixed →
 * saddle (on a sampled field: among its 8 neighbours).
 */
export type CriticalKind = 'minimum' | 'saddle' | 'maximum';

/** What a marker on the analytic surface shows: a critical point, or the optimizers' start. */
export type MarkerKind = CriticalKind | 'start';

/**
 * Where one run (an optimizer walking a function, or a network's training
 * run) stands: not started, stepping, stopped part-way, finished its steps,
 * or stopped because its loss or parameters stopped being finite.
 */
export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged';

/**
 * Where the runs as a whole stand; the whole is `done` when every run has
 * finished or diverged, so it never diverges itself.
 */
export type PlaybackStatus = Exclude<RunStatus, 'diverged'>;

/** A rectangle of the (x, y) plane: xMin ≤ x ≤ xMax, yMin ≤ y ≤ yMax. */
export interface Window2D {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** How a surface is drawn: a 3-D height field or a flat contour map. */
export type ViewMode = '3d' | 'contour';

/** Every view mode, in the order the view buttons list them. */
export const VIEW_MODES: readonly ViewMode[] = ['3d', 'contour'];

/**
 * A tour: a short sequence of steps through the explorer, as plain data.
 * Each step is a state of the explorer (a link: the URL hash of an
 * experiment), a few sentences, what to notice, optionally work to run
 * once the link is loaded (the runs, a slice, a spectrum), and the claims
 * its text makes, stated so that a test can check them against the page.
 */

/** Work a step starts after loading its link, waited for with a progress bar (and cancellable). */
export type TourAction =
  /** Plays the runs to the experiment's step count (the optimizers on a function, or the training runs). */
  | { kind: 'run' }
  /** Computes the network slice the link describes. */
  | { kind: 'slice' }
  /** Computes the curvature report (Lanczos extremes, trace, density) at the selected run's parameters. */
  | { kind: 'spectrum' };

/**
 * A checkable statement about what the step shows once its actions are
 * done. Runs are named by their ids in the step's link.
 */
export type TourClaim =
  /** The run stopped with a divergence message. */
  | { kind: 'diverges'; run: string }
  /** The run did not diverge and its last loss is below `below`. */
  | { kind: 'converges'; run: string; below: number }
  /** The run ended within `tolerance` (Euclidean) of `point`. */
  | { kind: 'endsNear'; run: string; point: [number, number]; tolerance: number }
  /** The run ended at least `distance` away from `point`. */
  | { kind: 'endsAway'; run: string; point: [number, number]; distance: number }
  /** The run's last loss is below `below`. */
  | { kind: 'lossBelow'; run: string; below: number }
  /** Run `run`'s last loss is below `than`'s by at least the factor `factor` (both losses positive). */
  | { kind: 'lowerLoss'; run: string; than: string; factor: number }
  /** The mean of the training run's last `last` λmax measurements lies within `tolerance` (relative) of 2/η. */
  | { kind: 'sharpnessAtThreshold'; run: string; tolerance: number; last: number }
  /** The training run's first tracked λmax is below `fraction` · 2/η. */
  | { kind: 'sharpnessStartsBelow'; run: string; fraction: number }
  /** The training loss went up at least once between evaluations (a non-monotone curve). */
  | { kind: 'lossRisesSometime'; run: string };

/** One step of a tour. */
export interface TourStep {
  /** A short heading. */
  title: string;
  /** The explorer's state: a URL hash (without "#") that the page's link reader accepts without messages. */
  link: string;
  /** Two or three sentences on what the step shows and why. */
  text: string;
  /** What to look at on screen. */
  notice: string;
  /** Work started once the link is loaded, in order. */
  actions?: readonly TourAction[];
  /** What the text claims, checked by the end-to-end test. */
  claims?: readonly TourClaim[];
}

/** A tour: an id (used in links: `tour=<id>`), a title, a one-line summary and its steps. */
export interface Tour {
  id: string;
  title: string;
  summary: string;
  steps: readonly TourStep[];
}

/**
 * When the live landscape asks for a slice, and which: the rules, apart from
 * the workers and the store, so they can be tested on their own.
 *
 * - As soon as the runs stand at θ₀ a coarse slice is asked for (a picture
 *   within a second), then the full one, refined in place.
 * - While training runs, a coarse slice around the followed run's current
 *   parameters every `every` steps. One in flight is never queued behind:
 *   the next starts when it finishes, from the newest step then.
 * - When training pauses or finishes, the full slice at that step.
 * - A request of the other kind supersedes the one in flight (a refinement
 *   started at a pause is stale once training resumes, and the other way
 *   round); a slice the user asked for is never superseded by live ones.
 *
 * The plane: until the user picks one (or a link or preset names one), the
 * live slices use the followed run's own trajectory plane, the PCA of its
 * path (Li et al. 2018), once the path has three points; a filter-normalised
 * random plane through its parameters before.
 */
import { defaultSliceSettings, resolutionLimits, type SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import { LANDSCAPE_LIMITS } from '../../workers/engine/spec/limits';

/** A coarse live slice, the full slice of the settings, or the slice the user asked for. */
export type LiveSliceKind = 'coarse' | 'full' | 'explicit';

/** A slice the schedule asked for: its kind and the followed run's step when asked. */
export interface LiveRequest {
  kind: LiveSliceKind;
  step: number;
}

/** What the schedule decides from. */
export interface LiveSituation {
  /** The training job is built: the runs exist (at θ₀ or further) in the training worker. */
  ready: boolean;
  /** Training is running. */
  running: boolean;
  /** Steps the followed run has made. */
  step: number;
  /** A coarse slice every this many steps while training runs; 0 = never. */
  every: number;
}

/** Snapshots a path needs for its PCA plane: two directions from three points. */
export const PCA_MIN_POINTS = 3;

/** The live slices' schedule (see the module comment); one per page, told when the runs start over. */
export class LiveSchedule {
  private inFlight: LiveRequest | null = null;
  /** The step of the last slice asked for, of any kind (null: none since the runs started over). */
  private lastStep: number | null = null;
  /** The step of the last full (or user's) slice asked for. */
  private lastFull: number | null = null;

  /** The runs started over (another problem, a reset): nothing is shown of them yet. */
  restart(): void {
    this.inFlight = null;
    this.lastStep = null;
    this.lastFull = null;
  }

  /** The slice settings changed: the full slice of the new ones is wanted once training rests. */
  settingsChanged(): void {
    if (this.lastStep !== null) this.lastFull = null;
  }

  /** The slice in flight, or null. */
  get pending(): LiveRequest | null {
    return this.inFlight;
  }

  /**
   * The slice to ask for now, or null when none is needed or the one in
   * flight is still wanted. A returned request supersedes the one in flight.
   */
  next(situation: LiveSituation): LiveRequest | null {
    if (!situation.ready) return null;
    const kind = this.wanted(situation);
    if (kind === null) return null;
    const current = this.inFlight;
    if (current !== null && !supersedes(kind, current)) return null;
    return this.issue({ kind, step: situation.step });
  }

  /** The user asked for a slice at `step`: it supersedes any live one and stands for the full slice there. */
  explicit(step: number): LiveRequest {
    return this.issue({ kind: 'explicit', step });
  }

  /** `request` ended (finished, failed, cancelled or superseded); the next one may start. */
  settled(request: LiveRequest): void {
    if (this.inFlight === request) this.inFlight = null;
  }

  private wanted({ running, step, every }: LiveSituation): LiveSliceKind | null {
    if (this.lastStep === null) return 'coarse';
    if (running) return every > 0 && step - this.lastStep >= every ? 'coarse' : null;
    return this.lastFull === step ? null : 'full';
  }

  private issue(request: LiveRequest): LiveRequest {
    this.inFlight = request;
    this.lastStep = request.step;
    if (request.kind !== 'coarse') this.lastFull = request.step;
    return request;
  }
}

/**
 * Whether a live slice of `kind` replaces `current` in flight: a coarse one
 * replaces a refinement (training resumed); a full one replaces a
 * refinement of an older step, and waits for a coarse one (it finishes
 * within moments, and shows the newest parameters meanwhile); nothing
 * replaces the slice the user asked for.
 */
function supersedes(kind: LiveSliceKind, current: LiveRequest): boolean {
  if (current.kind === 'explicit' || current.kind === 'coarse') return false;
  return kind === 'coarse' || kind === 'full';
}

/** Whether `slice` names a plane of its own, unlike the default slice (whose plane the live landscape chooses). */
export function namesPlane(slice: SliceSettings): boolean {
  const defaults = defaultSliceSettings();
  return slice.directions !== defaults.directions || slice.centre !== defaults.centre;
}

/** Who the live plane follows and how far its path has come. */
export interface PlaneContext {
  /** The followed run (the data view's). */
  runId: string;
  /** Snapshots of its path so far (θ₀ included). */
  pathPoints: number;
  /** The user (or the link) picked the plane: keep it. */
  chosen: boolean;
}

/**
 * The slice settings of a live slice: the experiment's, with the plane
 * through the followed run (its trajectory's PCA plane once the path has
 * {@link PCA_MIN_POINTS} points, else a random plane through its current
 * parameters) unless the plane was chosen; coarse slices at most
 * `LANDSCAPE_LIMITS.liveResolution` points per axis.
 */
export function liveSliceSettings(settings: SliceSettings, kind: LiveSliceKind, context: PlaneContext): SliceSettings {
  const live: SliceSettings = { ...settings, alpha: [...settings.alpha], beta: [...settings.beta] };
  if (!context.chosen && kind !== 'explicit') {
    live.directions = context.pathPoints >= PCA_MIN_POINTS ? 'pca' : 'random';
    live.centre = context.runId;
  }
  if (kind === 'coarse') {
    const coarse = settings.dims === 2 ? LANDSCAPE_LIMITS.liveResolution.plane : LANDSCAPE_LIMITS.liveResolution.line;
    live.resolution = Math.max(resolutionLimits(settings.dims).min, Math.min(settings.resolution, coarse));
  }
  return live;
}

/**
 * Whether a partial field of a refining slice (exact on every
 * `exactStride`-th point of `resolution` per axis, interpolated between)
 * is at least as fine as the field on screen (exact at `shownResolution`
 * points per axis over the same range), so showing it loses nothing. Null
 * `shownResolution`: nothing is shown, any picture is better.
 */
export function refinesShown(exactStride: number, resolution: number, shownResolution: number | null): boolean {
  if (shownResolution === null) return true;
  if (exactStride <= 0) return false;
  if (exactStride === 1) return true;
  // Spacing of the exact points as a share of the range: stride/(n − 1) against 1/(n_shown − 1).
  return exactStride * (shownResolution - 1) <= resolution - 1;
}

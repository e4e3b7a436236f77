/**
 * The live landscape: the store's training state turned into slice orders
 * by the rules of `liveSchedule.ts`. A landscape appears as soon as the
 * runs stand at θ₀ (coarse, then refined in place), follows the followed
 * run while it trains (a coarse slice around its current parameters every
 * `slice.liveEvery` steps, in its trajectory's plane once the path has three
 * points) and is refined when training pauses or finishes. "Compute slice"
 * goes through the same schedule, so the newest order supersedes the
 * others instead of waiting behind them.
 */
import { isNetworkExperiment } from '../../workers/engine/spec/experiment';
import type { SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import { selectShownRunId, selectTrainingRuns } from '../store/networkSelectors';
import { sameData } from '../store/sameData';
import type { AppStore, Store } from '../store/store';
import { LiveSchedule, liveSliceSettings, namesPlane, type LiveRequest, type LiveSituation } from './liveSchedule';

/** A slice for the landscape session to compute: its settings, what its progress says, and whose it is. */
export interface SliceOrder {
  settings: SliceSettings;
  /** e.g. "Refining slice 65×65". */
  label: string;
  /** The user's slice clears the stage; a live one keeps the shown field until it has a picture at least as fine. */
  kind: 'requested' | 'live';
}

/** How a slice order ended: superseded means a newer order took its place. */
export type SliceOutcome = 'done' | 'superseded' | 'cancelled' | 'failed';

/** Computes a slice order (the landscape session's `computeSlice`). */
export type SliceRunner = (order: SliceOrder) => Promise<SliceOutcome>;

/** The schedule's inputs as the store holds them, with the followed run. */
interface LiveInputs extends LiveSituation {
  runId: string | null;
}

function liveInputs(state: Store): LiveInputs {
  const experiment = state.experiment;
  const runId = selectShownRunId(state);
  const step = selectTrainingRuns(state).find((run) => run.id === runId)?.step ?? 0;
  return {
    ready: isNetworkExperiment(experiment) && state.trainingData !== null && runId !== null,
    running: state.status === 'running',
    step,
    every: experiment.slice.liveEvery,
    runId,
  };
}

/** The slice settings that change the picture (not how often it is recomputed). */
function slicedSettings(state: Store): Omit<SliceSettings, 'liveEvery'> {
  const { liveEvery: _schedule, ...settings } = state.experiment.slice;
  return settings;
}

/** "65×65" for a plane, "201 points" for a line. */
function sizeText(settings: SliceSettings): string {
  return settings.dims === 2 ? `${settings.resolution}×${settings.resolution}` : `${settings.resolution} points`;
}

/** What a live slice's progress says: "Slice 21×21 at step 140 · trajectory plane", "Refining slice 65×65". */
export function liveLabel(request: LiveRequest, settings: SliceSettings, auto: boolean): string {
  const base = request.kind === 'coarse' ? `Slice ${sizeText(settings)} at step ${request.step}` : `Refining slice ${sizeText(settings)}`;
  return auto && settings.directions === 'pca' ? `${base} · trajectory plane` : base;
}

/** Follows the store and orders slices (see the module comment). */
export class LiveLandscape {
  private readonly schedule = new LiveSchedule();
  private unsubscribes: (() => void)[] = [];
  private lastStep = 0;

  constructor(
    private readonly store: AppStore,
    private readonly run: SliceRunner,
  ) {}

  /** Begins following the store: training state, slice settings and "Compute slice". */
  start(): void {
    const store = this.store;
    this.unsubscribes = [
      store.subscribe(liveInputs, (inputs) => this.follow(inputs), { equalityFn: sameData, fireImmediately: true }),
      // New slice settings (a range, a metric, a plane): the full slice of them, once training rests.
      store.subscribe(slicedSettings, () => this.settingsChanged(), { equalityFn: sameData }),
      store.subscribe((state) => state.sliceRequests, () => this.requested()),
    ];
  }

  /** Stops following the store; an order in flight finishes unobserved. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
  }

  private follow(inputs: LiveInputs): void {
    // The runs started over (a new job, a reset): nothing of them is shown yet.
    if (!inputs.ready || inputs.step < this.lastStep) this.schedule.restart();
    this.lastStep = inputs.ready ? inputs.step : 0;
    this.tick();
  }

  private settingsChanged(): void {
    this.schedule.settingsChanged();
    this.tick();
  }

  /** Orders the slice the schedule wants now, if any. */
  private tick(): void {
    const inputs = liveInputs(this.store.getState());
    const request = this.schedule.next(inputs);
    if (request === null || inputs.runId === null) return;
    const state = this.store.getState();
    const chosen = state.slicePlaneChosen || namesPlane(state.experiment.slice);
    const settings = liveSliceSettings(state.experiment.slice, request.kind, { runId: inputs.runId, pathPoints: inputs.step + 1, chosen });
    this.order(request, { settings, label: liveLabel(request, settings, !chosen), kind: 'live' });
  }

  /** "Compute slice": the experiment's slice as it is, superseding any live one. */
  private requested(): void {
    const request = this.schedule.explicit(liveInputs(this.store.getState()).step);
    this.order(request, { settings: structuredClone(this.store.getState().experiment.slice), label: 'Slice', kind: 'requested' });
  }

  private order(request: LiveRequest, order: SliceOrder): void {
    void this.run(order)
      .catch(() => 'failed' as const)
      .then(() => {
        this.schedule.settled(request);
        this.tick();
      });
  }
}

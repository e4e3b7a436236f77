/**
 * The landscape slice of the store: network landscapes and curvature. The
 * panels express intents here (compute a slice, probe a point, compute a
 * spectrum, cancel); the landscape session acts on them and writes back the
 * results: the slice as a height field refined in place (version bumps), its
 * markers, projected paths and faithfulness, a line slice, the probed
 * point (whose prediction the data view prefers while present) and the
 * curvature report.
 */
import type { StateCreator } from 'zustand';
import type { CurvatureSettings, SliceSettings } from '../../workers/engine/spec/landscapeSettings';
import type { CurvatureSummary, ExactEstimate, NetworkInfo, SliceSummary } from '../../workers/engine/spec/messages/landscape';
import type { HeightField, MarkerView, PathView } from '../scene/types';
import type { JobProgress, LineSlice, PredictionField, ProjectionFaithfulness } from '../plots/types';
import type { EditRefusal } from './experimentSlice';
import type { Store } from './store';

/** The probed point of the slice: what the data view and the probe read-out show. */
export interface ProbeState {
  alpha: number;
  beta: number;
  loss: number;
  accuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  /** Extreme Hessian eigenvalues there (Lanczos), null if not computed. */
  lambdaMax: number | null;
  lambdaMin: number | null;
  /** The network's predictions over the input plane (null for more than two inputs). */
  prediction: PredictionField | null;
  /** e.g. "clicked point (α, β) = (0.2, −0.1)". */
  caption: string;
}

/** Which parameters the curvature view describes: the selected run's latest (the data view's run), a given run's latest, or the clicked point. */
export type CurvatureTargetChoice = { kind: 'selected' } | { kind: 'run'; runId: string } | { kind: 'probe' };

/**
 * The target once the clicked point is gone (a new slice, a new problem, the
 * point cleared): the selected run instead of the point, so that the "At"
 * control and what the spectrum is computed at never disagree.
 */
export function targetWithoutProbe(target: CurvatureTargetChoice): CurvatureTargetChoice {
  return target.kind === 'probe' ? { kind: 'selected' } : target;
}

/** The last curvature report with what it is of. */
export interface CurvatureState {
  summary: CurvatureSummary;
  /** e.g. "run o1, latest parameters" or "clicked point (α, β) = (0.2, −0.1)". */
  caption: string;
}

/** Everything the landscape session reports: results and the progress of each job. */
export interface LandscapeState {
  /** The network the landscape worker built (parameter count, task). */
  info: NetworkInfo | null;
  /** The slice being computed or last computed (its settings and summary once finished). */
  slice: SliceSummary | null;
  /** A 2-D slice's field, refined in place; null for a line or before any slice. */
  field: HeightField | null;
  /** Points of the field computed so far, and in all. */
  fieldDone: number;
  fieldTotal: number;
  /** Partial results the worker sent before the finished slice (coarse first, then finer levels); the page shows the newest of them. */
  fieldChunks: number;
  markers: MarkerView[];
  paths: PathView[];
  faithfulness: ProjectionFaithfulness[];
  line: LineSlice | null;
  sliceJob: JobProgress | null;
  /** Whose slice `sliceJob` is: the user's ("Compute slice") or one following training; null before any. */
  sliceKind: 'requested' | 'live' | null;
  probe: ProbeState | null;
  probeJob: JobProgress | null;
  curvature: CurvatureState | null;
  curvatureJob: JobProgress | null;
  /** The predicted time of the exact spectrum at the current target, with the key of the parameters it is for (null until estimated). */
  exactEstimate: ExactEstimate | null;
  curvatureTarget: CurvatureTargetChoice;
  /** Why the last landscape job failed (null after a success). */
  error: string | null;
}

/** A probe request: the point of the slice to probe, with a token so equal points can be asked for twice. */
export interface ProbeRequest {
  alpha: number;
  beta: number;
  token: number;
}

/** The landscape state with the intents the panels express and the setter the session uses. */
export interface LandscapeSlice {
  landscape: LandscapeState;
  /** Incremented by each "Compute slice". */
  sliceRequests: number;
  /** Incremented by each cancel of the slice. */
  sliceCancels: number;
  probeRequest: ProbeRequest | null;
  /** The last curvature request: with or without the exact spectrum. */
  curvatureRequest: { exact: boolean; token: number } | null;
  curvatureCancels: number;
  /** Incremented to ask for the predicted time of the exact spectrum at the current target. */
  exactEstimateRequests: number;
  /** The user picked the slice's plane (directions or the runs it goes through): the live slices keep it instead of the trajectory's. */
  slicePlaneChosen: boolean;

  /** Changes the slice settings of the experiment (refused, with the reasons in `editProblems`, if invalid). */
  setSliceSettings(patch: Partial<SliceSettings>): EditRefusal;
  /** Changes the curvature settings of the experiment. */
  setCurvatureSettings(patch: Partial<CurvatureSettings>): EditRefusal;
  requestSlice(): void;
  cancelSlice(): void;
  /** Probes the point (α, β) of the current slice. */
  requestProbe(alpha: number, beta: number): void;
  /** Forgets the probed point (the data view goes back to the selected run). */
  clearProbe(): void;
  requestCurvature(exact: boolean): void;
  cancelCurvature(): void;
  requestExactEstimate(): void;
  setCurvatureTarget(target: CurvatureTargetChoice): void;
  /** Session: merges results into the landscape state. */
  patchLandscape(patch: Partial<LandscapeState>): void;
}

/** The landscape state before anything is computed. */
export function emptyLandscapeState(): LandscapeState {
  return {
    info: null,
    slice: null,
    field: null,
    fieldDone: 0,
    fieldTotal: 0,
    fieldChunks: 0,
    markers: [],
    paths: [],
    faithfulness: [],
    line: null,
    sliceJob: null,
    sliceKind: null,
    probe: null,
    probeJob: null,
    curvature: null,
    curvatureJob: null,
    exactEstimate: null,
    curvatureTarget: { kind: 'selected' },
    error: null,
  };
}

/** The landscape slice of the page's store (see the module comment). */
export const createLandscapeSlice: StateCreator<Store, [], [], LandscapeSlice> = (set, get) => {
  let tokens = 0;

  return {
    landscape: emptyLandscapeState(),
    sliceRequests: 0,
    sliceCancels: 0,
    probeRequest: null,
    curvatureRequest: null,
    curvatureCancels: 0,
    exactEstimateRequests: 0,
    slicePlaneChosen: false,

    setSliceSettings: (patch) => {
      const refusal = get().editExperiment((draft) => {
        draft.slice = { ...draft.slice, ...patch };
      });
      const planeKeys = ['directions', 'centre', 'runA', 'runB', 'origin'] as const;
      if (refusal === null && planeKeys.some((key) => key in patch)) set({ slicePlaneChosen: true });
      return refusal;
    },
    setCurvatureSettings: (patch) =>
      get().editExperiment((draft) => {
        draft.curvature = { ...draft.curvature, ...patch };
      }),
    requestSlice: () => set((state) => ({ sliceRequests: state.sliceRequests + 1 })),
    cancelSlice: () => set((state) => ({ sliceCancels: state.sliceCancels + 1 })),
    requestProbe: (alpha, beta) => set({ probeRequest: { alpha, beta, token: ++tokens } }),
    clearProbe: () =>
      set((state) => ({
        probeRequest: null,
        landscape: {
          ...state.landscape,
          probe: null,
          probeJob: null,
          // A report of the forgotten point no longer has a point to describe.
          curvatureTarget: targetWithoutProbe(state.landscape.curvatureTarget),
        },
      })),
    requestCurvature: (exact) => set({ curvatureRequest: { exact, token: ++tokens } }),
    cancelCurvature: () => set((state) => ({ curvatureCancels: state.curvatureCancels + 1 })),
    requestExactEstimate: () => set((state) => ({ exactEstimateRequests: state.exactEstimateRequests + 1 })),
    setCurvatureTarget: (target) => set((state) => ({ landscape: { ...state.landscape, curvatureTarget: target, exactEstimate: null } })),
    patchLandscape: (patch) => set((state) => ({ landscape: { ...state.landscape, ...patch } })),
  };
};

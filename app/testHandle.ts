/**
 * A small, always-installed handle on the app's state for end-to-end tests
 * (`window.__explorer`). Reading it costs nothing until called; `getState`
 * summarises the surface (grid size, finite heights, range) instead of
 * handing out the arrays.
 */
import { offlineState } from './offline/serviceWorker';
import type { Experiment } from '../workers/engine/spec/experiment';
import type { CrashMoment } from '../workers/testFaults';
import type { HeightField } from './scene/types';
import { selectProgress } from './store/selectors';
import { selectDisplay } from './store/displaySlice';
import type { DisplayState } from './url/displayFields';
import type { AppStore } from './store/store';
import type { WorkerFaults } from './workerFaults';
import { landscapeTestState, type CurvatureTestState, type ProbeTestState, type SliceTestState } from './landscape/landscapeTestState';
import { trainingTestState, type TrainingTestState } from './training/trainingTestState';
import { testNumbers, type ExplorerNumbers } from './testNumbers';
import { testTours, tourTestState, type TourTestState } from './tours/tourTestState';
import type { Tour } from './tours/types';

/** A summary of the surface's heights. */
export interface GridSummary {
  nx: number;
  ny: number;
  /** How many heights are finite numbers. */
  finite: number;
  min: number;
  max: number;
}

/** What `window.__explorer.getState()` returns (with the network mode's `mode`, `networkRuns` and `dataView`). */
export interface ExplorerTestState extends TrainingTestState {
  grid: GridSummary | null;
  surfacePhase: string;
  firstSurfaceMs: number | null;
  backend: string | null;
  backendAttempts: { backend: string; ok: boolean; reason?: string }[];
  runStatus: string;
  runs: {
    id: string;
    name: string;
    step: number;
    loss: number | null;
    status: string;
    divergedAt: number | null;
    message: string | null;
    pathLength: number;
  }[];
  view: Experiment['view'];
  /** The analytic runs' speed and the step the scrubber shows (null: the newest). */
  runPace: { speed: string; shownStep: number | null };
  experiment: Experiment;
  linkMessages: string[];
  notices: string[];
  error: string | null;
  /** The network slice (null before one is computed). */
  slice: SliceTestState | null;
  /** The clicked point of the slice. */
  probe: ProbeTestState | null;
  /** The last curvature report. */
  curvature: CurvatureTestState | null;
  /** Every file of the build is cached by the service worker (the app works offline). */
  offlineReady: boolean;
  /** The open tour, its step and work, and the presentation mode. */
  tours: TourTestState;
  /** What the link keeps besides the experiment (camera, side tab, selected run, clicked point). */
  display: DisplayState;
  /** The experiment file shown as saved: its name and its surface's values, or null. */
  openedFile: { name: string; surfaceValues: (number | null)[] | null; link: string } | null;
}

/** The handle installed on `window.__explorer`. */
export interface ExplorerTestHandle {
  getState(): ExplorerTestState;
  /** The full-precision paths, surface, training curves and slice values (copies). */
  getNumbers(): ExplorerNumbers;
  /** Every tour: id, title and steps (link, text, notice, actions, claims). */
  tours: Tour[];
  /** Makes the computation worker of the mode on screen crash (to test recovery): at once, or inside its next step. */
  simulateWorkerCrash(moment?: CrashMoment): void;
  /** Makes the computation worker of the mode on screen stop without a word (`self.close()`). */
  simulateWorkerSilentStop(): void;
  /** Makes the worker's GPU device or WebGL context disappear (to test recovery). */
  simulateBackendLoss(): void;
  /** Makes the landscape worker (network slices and curvature) crash, if it has started. */
  simulateLandscapeWorkerCrash(): void;
}

declare global {
  interface Window {
    __explorer?: ExplorerTestHandle;
  }
}

/** Size, finite count and range of a height field. */
export function summariseField(field: HeightField): GridSummary {
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of field.values) {
    if (!Number.isFinite(value)) continue;
    finite++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { nx: field.nx, ny: field.ny, finite, min, max };
}

/** Installs `window.__explorer`; `faults.active()` is the worker computing what is on screen. */
export function installTestHandle(store: AppStore, faults: { active(): WorkerFaults; landscape: WorkerFaults }): void {
  window.__explorer = {
    getState: () => {
      const s = store.getState();
      return {
        grid: s.field ? summariseField(s.field) : null,
        surfacePhase: s.surfacePhase,
        firstSurfaceMs: s.firstSurfaceMs,
        backend: s.backend,
        backendAttempts: s.backendAttempts.map((a) => ({ ...a })),
        runStatus: s.status,
        runs: selectProgress(s).map((p, index) => ({
          id: p.id,
          name: p.name,
          step: p.step,
          loss: p.loss,
          status: p.status,
          divergedAt: p.divergedAt,
          message: p.message,
          pathLength: s.paths[index]?.length ?? 0,
        })),
        view: { ...s.experiment.view },
        runPace: { speed: String(s.runSpeed), shownStep: s.shownStep },
        experiment: structuredClone(s.experiment),
        linkMessages: [...s.linkMessages],
        notices: [...s.notices],
        error: s.error,
        ...landscapeTestState(s.landscape),
        ...trainingTestState(s),
        offlineReady: offlineState().offlineReady,
        ...tourTestState(),
        display: structuredClone(selectDisplay(s)),
        openedFile: s.openedFile && { name: s.openedFile.name, surfaceValues: s.openedFile.file.surface?.values ?? null, link: s.openedFile.file.link },
      };
    },
    getNumbers: () => testNumbers(store.getState()),
    tours: testTours(),
    simulateWorkerCrash: (moment) => faults.active().crash(moment),
    simulateWorkerSilentStop: () => faults.active().silentStop(),
    simulateBackendLoss: () => faults.active().loseBackend(),
    simulateLandscapeWorkerCrash: () => faults.landscape.crash(),
  };
}

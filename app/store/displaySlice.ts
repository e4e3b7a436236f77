/**
 * The display slice: what the page shows besides the experiment that the
 * link keeps (app/url/displayFields.ts): the 3-D camera and the open side
 * tab, plus a clicked point read from a link and waiting for its slice.
 * The selected run and the probed point have their homes in the training
 * and landscape slices; {@link selectDisplay} gathers all four.
 */
import type { StateCreator } from 'zustand';
import { shallow } from 'zustand/shallow';
import { CAMERA_LIMITS, roundTo, type CameraPose, type DisplayState, type SideTab, type Vector3 } from '../url/displayFields';
import type { ExperimentFile } from '../share/experimentFile';
import type { AppStore, Store } from './store';

/** The display state with its setters. */
export interface DisplaySlice {
  /** The 3-D camera as last left by the user (null: the home pose). */
  camera: CameraPose | null;
  sideTab: SideTab;
  /** A link's clicked point, probed once a 2-D slice is there (then null). */
  pendingPoint: [number, number] | null;
  /** Keeps `camera` rounded as the link writes it, so the picture is exactly the one the link reproduces. */
  setCamera(camera: CameraPose | null): void;
  setSideTab(tab: SideTab): void;
  /** Shows `display` (a link's): camera, tab, selected run and the point to probe. */
  loadDisplay(display: DisplayState): void;
  setPendingPoint(point: [number, number] | null): void;
  /** An experiment file shown as saved, in place of the live stage (null: the live stage). */
  openedFile: OpenedFile | null;
  setOpenedFile(opened: OpenedFile | null): void;
}

/** An experiment file opened in the page, with the name it was opened from. */
export interface OpenedFile {
  file: ExperimentFile;
  name: string;
}

const rounded = (vector: Vector3): Vector3 => vector.map((value) => roundTo(value, CAMERA_LIMITS.decimals)) as Vector3;

/** The display slice of the page's store. */
export const createDisplaySlice: StateCreator<Store, [], [], DisplaySlice> = (set) => ({
  camera: null,
  sideTab: 'data',
  pendingPoint: null,
  setCamera: (camera) => set({ camera: camera && { position: rounded(camera.position), target: rounded(camera.target) } }),
  setSideTab: (sideTab) => set({ sideTab }),
  loadDisplay: (display) =>
    set({ camera: display.camera, sideTab: display.sideTab, selectedRunId: display.selectedRun, pendingPoint: display.point }),
  setPendingPoint: (pendingPoint) => set({ pendingPoint }),
  openedFile: null,
  setOpenedFile: (openedFile) => set({ openedFile }),
});

/** The display as the link writes it: the clicked point is the probe asked for, or the one a link is waiting to probe. */
export function selectDisplay(state: Store): DisplayState {
  const probe = state.probeRequest;
  return {
    camera: state.camera,
    sideTab: state.sideTab,
    selectedRun: state.selectedRunId,
    point: probe ? [probe.alpha, probe.beta] : state.pendingPoint,
  };
}

/**
 * Probes a link's clicked point on every finished 2-D slice while it waits
 * (the slices that follow training replace one another, and each new slice
 * forgets the probe of the last); a probe asked for otherwise (a click)
 * replaces the waiting point. Returns the unsubscribe function.
 */
export function probePendingPoint(store: AppStore): () => void {
  let probing = false;
  // The field last probed: a slice is probed once, however often its job's state is published.
  let probedField: unknown = null;
  const stopRequests = store.subscribe(
    (state) => state.probeRequest,
    (request) => {
      if (!probing && request !== null && store.getState().pendingPoint !== null) store.getState().setPendingPoint(null);
    },
  );
  const stopSlices = store.subscribe(
    (state) => [state.pendingPoint, state.landscape.field, state.landscape.sliceJob?.state] as const,
    ([point, field, job]) => {
      if (point === null || field === null || job !== 'done' || field === probedField) return;
      probedField = field;
      probing = true;
      try {
        store.getState().requestProbe(point[0], point[1]);
      } finally {
        probing = false;
      }
    },
    { equalityFn: shallow, fireImmediately: true },
  );
  return () => {
    stopRequests();
    stopSlices();
  };
}

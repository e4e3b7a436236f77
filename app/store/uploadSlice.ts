/**
 * Uploaded data sets in the page: the CSV files opened this session (so a
 * link, back and forward, or an experiment file's "Open live" whose `csv=`
 * marker names one of them gets its rows back), and the marker of the rows
 * the current link needs but the page lacks. `trainOnUpload` makes an uploaded
 * data set the experiment's, through `editExperiment` like every edit.
 */
import type { StateCreator } from 'zustand';
import { isNetworkExperiment, type Experiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import { UPLOADED_DATASET, type UploadedData, type UploadMarker } from '../../workers/engine/spec/uploadedData';
import type { EditRefusal } from './experimentSlice';
import type { Store } from './store';

/** Uploaded data sets remembered, newest first (each up to 5 000 rows). */
export const MAX_REMEMBERED_UPLOADS = 4;

/** The uploaded data sets the page holds, the rows a link lacks, and the edit that trains on uploaded rows. */
export interface UploadSlice {
  /** The uploaded data sets opened this session, newest first. */
  uploads: readonly UploadedData[];
  /** The rows the current link names but the page lacked when it opened (null: nothing missing). */
  missingUpload: UploadMarker | null;
  /** Remembers `upload` (first in the list) without changing the experiment. */
  rememberUpload(upload: UploadedData): void;
  setMissingUpload(marker: UploadMarker | null): void;
  /**
   * Trains on `upload`: the data set becomes `csv` with these rows (no
   * options; everything else kept). Refused like any edit when the result
   * is invalid (say, too many parameters for its classes); ignored outside
   * network mode. The rows are remembered, and the notice of missing rows
   * goes: the data set is now the one chosen.
   */
  trainOnUpload(upload: UploadedData): EditRefusal;
}

/** The uploaded rows of `experiment`, if any. */
const uploadOf = (experiment: Experiment | null): UploadedData | undefined =>
  experiment !== null && isNetworkExperiment(experiment) ? experiment.problem.upload : undefined;

/** Every uploaded data set the page holds: the experiment's, the stashed network experiment's, the opened file's, and those remembered. */
export function heldUploads(state: Store): UploadedData[] {
  const held = [uploadOf(state.experiment), uploadOf(state.stashedExperiments.network), uploadOf(state.openedFile?.file.experiment ?? null), ...state.uploads];
  return held.filter((upload): upload is UploadedData => upload !== undefined);
}

/** The upload slice of the page's store. */
export const createUploadSlice: StateCreator<Store, [], [], UploadSlice> = (set, get) => ({
  uploads: [],
  missingUpload: null,
  rememberUpload: (upload) => set({ uploads: [upload, ...get().uploads.filter((other) => other !== upload)].slice(0, MAX_REMEMBERED_UPLOADS) }),
  setMissingUpload: (missingUpload) => set({ missingUpload }),
  trainOnUpload: (upload) => {
    if (!isNetworkExperiment(get().experiment)) return null;
    const refusal = get().editExperiment((draft) => {
      const problem = (draft as NetworkExperiment).problem;
      problem.dataset = UPLOADED_DATASET;
      problem.datasetOptions = {};
      problem.upload = upload;
    });
    if (refusal === null) {
      get().rememberUpload(upload);
      set({ missingUpload: null });
    }
    return refusal;
  },
});

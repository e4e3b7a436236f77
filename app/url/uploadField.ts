/**
 * The link's marker of uploaded data, `csv=HASH.ROWS` (see
 * `spec/uploadedData.ts`): written only for an experiment whose data set is
 * an uploaded one, so every other link is what it always was. Reading it
 * needs the rows from elsewhere: the page passes the uploaded data sets it
 * holds, and one with the marker's content is put back in the experiment.
 * Without them the link opens on the default data set, everything else as
 * the link says, with a sentence saying which file it needs.
 */
import { z } from 'zod';
import { CSV_LIMITS } from '../../workers/engine/spec/csvDataset';
import { DATASETS } from '../../workers/engine/spec/datasets';
import { isNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { DEFAULT_NETWORK_PROBLEM } from '../../workers/engine/spec/networkProblem';
import { UPLOADED_DATASET, matchesMarker, uploadMarker, type UploadedData, type UploadMarker } from '../../workers/engine/spec/uploadedData';
import type { ValueKind } from './fieldKinds';
import { quoteForMessage } from './quote';

/** The key of the marker in the hash. */
export const UPLOAD_KEY = 'csv';

/** What messages call the marker. */
export const UPLOAD_LABEL = 'uploaded data';

/** `HASH.ROWS`: 8 lower-case hex digits, a point, the row count. */
export const uploadMarkerKind: ValueKind<UploadMarker> = {
  schema: z
    .string()
    .regex(/^[0-9a-f]{8}\.\d{1,5}$/)
    .transform((text): UploadMarker => ({ hash: text.slice(0, 8), rows: Number(text.slice(9)) }))
    // A refinement, not a z.object: building an object schema before experimentFile.ts turns zod's
    // compiler off would probe `new Function`, which the page's Content-Security-Policy forbids.
    .refine((marker) => marker.rows >= CSV_LIMITS.minRows && marker.rows <= CSV_LIMITS.maxRows),
  expects: `the uploaded rows' content hash and count, as 8 hex digits, a point and ${CSV_LIMITS.minRows} to ${CSV_LIMITS.maxRows} rows (e.g. 0a1b2c3d.150)`,
  format: (marker) => `${marker.hash}.${marker.rows}`,
};

/** The `csv=` value of `experiment`, or null when its data set is not an uploaded one. */
export function uploadFieldValue(experiment: Experiment): string | null {
  if (!isNetworkExperiment(experiment) || experiment.problem.dataset !== UPLOADED_DATASET || experiment.problem.upload === undefined) return null;
  return uploadMarkerKind.format(uploadMarker(experiment.problem.upload));
}

/** The label of the data set a link falls back to (the default one, a generated data set). */
const fallbackLabel = (): string => DATASETS[DEFAULT_NETWORK_PROBLEM.dataset as keyof typeof DATASETS].label;

/** The sentence of a link whose uploaded rows the page does not hold. */
export function missingUploadMessage(marker: UploadMarker): string {
  const fallback = fallbackLabel();
  return `This link trains on an uploaded CSV file (${marker.rows.toLocaleString('en')} rows, content hash ${marker.hash}) that a link cannot carry: open that file (Data → Open CSV…) to train on it. Showing ${fallback} until then; every other setting is the link's.`;
}

/** Back to the default data set, for a link whose uploaded rows are not here. */
function fallBack(experiment: Experiment): void {
  if (!isNetworkExperiment(experiment)) return;
  experiment.problem.dataset = DEFAULT_NETWORK_PROBLEM.dataset;
  experiment.problem.datasetOptions = {};
  delete experiment.problem.upload;
}

/**
 * Settles the uploaded data of a link being read, after its fields: with
 * `ds=csv`, the rows of the first of `known` whose content the `csv` marker
 * (`raw`) names go into the experiment; otherwise the experiment falls back
 * to the default data set with a sentence saying why. A marker on a link of
 * another data set is ignored, with a sentence.
 *
 * @returns the marker of rows the link needs but the page lacks (null when nothing is missing).
 */
export function readUpload(experiment: Experiment, raw: string | null, known: readonly UploadedData[], messages: string[]): UploadMarker | null {
  if (!isNetworkExperiment(experiment) || experiment.problem.dataset !== UPLOADED_DATASET) {
    if (raw !== null) messages.push(`Ignored ${UPLOAD_KEY}="${quoteForMessage(raw)}" (${UPLOAD_LABEL}): it applies only to an uploaded data set (ds=${UPLOADED_DATASET}).`);
    return null;
  }
  const parsed = raw === null ? null : uploadMarkerKind.schema.safeParse(raw);
  if (parsed === null || !parsed.success) {
    const given = raw === null ? 'gives no marker' : `gives ${UPLOAD_KEY}="${quoteForMessage(raw)}"`;
    messages.push(`Ignored ds=${UPLOADED_DATASET} (data set): the link ${given}, but an uploaded data set needs ${uploadMarkerKind.expects}; using ${fallbackLabel()}.`);
    fallBack(experiment);
    return null;
  }
  const marker = parsed.data;
  const rows = known.find((upload) => matchesMarker(upload, marker));
  if (rows !== undefined) {
    // Options (an uploaded data set takes none) are settled by repairNetwork, with a sentence each.
    experiment.problem.upload = rows;
    return null;
  }
  messages.push(missingUploadMessage(marker));
  fallBack(experiment);
  return marker;
}

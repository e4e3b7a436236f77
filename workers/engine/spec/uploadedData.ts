/**
 * A data set of the user's own (a CSV file, read by `csvDataset.ts`) as the
 * experiment holds it: the raw rows themselves, so that the workers, which
 * build every data set from the experiment they are sent, and the
 * experiment file have everything they need. Like iris, the features are
 * kept in their own units and standardised on the training split when the
 * network is built (`data/registry.ts`); the targets are used as given.
 *
 * A link cannot hold the rows (5 000 rows are far beyond a URL), so it holds
 * a marker instead: `csv=HASH.ROWS`, the 32-bit FNV-1a hash of the rows'
 * content (8 hex digits) and their count. A page given such a link uses rows
 * it already has with that marker, and otherwise says it needs the file.
 */
import { CSV_LIMITS, type CsvDataset } from './csvDataset';
import type { DatasetShape, DatasetTask } from './datasets';

/** The data-set name of uploaded data, as the experiment and the link spell it. */
export const UPLOADED_DATASET = 'csv' as const;

/** What the controls and messages call uploaded data. */
export const UPLOADED_DATASET_LABEL = 'Uploaded CSV';

/** The name `UPLOADED_DATASET`, as a type. */
export type UploadedDatasetName = typeof UPLOADED_DATASET;

/** Characters kept of an uploaded file's name. */
export const MAX_FILE_NAME_LENGTH = 80;

/** An uploaded data set: two raw features and a label or target per row. */
export interface UploadedData {
  /** The file's name (shown in the controls; not part of the content hash). */
  fileName: string;
  /** The header's column names, or x1, x2, y. */
  columns: [string, string, string];
  task: DatasetTask;
  /** Classification: the label of each class index; null for a regression. */
  classNames: string[] | null;
  /** x[2i], x[2i + 1]: the two features of row i, in the file's units. */
  x: number[];
  /** Regression: the targets; classification: class indices 0 … K − 1. */
  y: number[];
}

/** What a link records of uploaded data: the content hash and the row count. */
export interface UploadMarker {
  /** FNV-1a (32-bit) of the content, 8 lower-case hex digits. */
  hash: string;
  rows: number;
}

/** The experiment's copy of a data set read from the file `fileName`. */
export function uploadedDataFromCsv(csv: CsvDataset, fileName: string): UploadedData {
  return {
    fileName: fileName.slice(0, MAX_FILE_NAME_LENGTH),
    columns: [...csv.columns],
    task: csv.task,
    classNames: csv.classNames && [...csv.classNames],
    x: [...csv.x],
    y: [...csv.y],
  };
}

/** The rows of an uploaded data set, which a problem must hold to be built; throws when they are missing. */
export function heldRows(upload: UploadedData | undefined): UploadedData {
  if (upload === undefined) throw new RangeError('the uploaded data set holds no rows (open its CSV file)');
  return upload;
}

/** Rows of an uploaded data set. */
export const uploadedRows = (upload: UploadedData): number => upload.y.length;

/** Class count K of a classification (1 for a regression). */
const classesOf = (upload: UploadedData): number => upload.classNames?.length ?? 1;

/**
 * The network's view of uploaded data: 2 inputs; one output for a
 * regression or two classes (one logit), K outputs for K > 2 classes.
 */
export function uploadedDataShape(upload: UploadedData): DatasetShape {
  return { task: upload.task, inputDim: 2, outputDim: upload.task === 'multiclass' ? classesOf(upload) : 1 };
}

/**
 * 32-bit FNV-1a over the UTF-16 code units of `text`:
 * h₀ = 2166136261, hᵢ = (hᵢ₋₁ ⊕ cᵢ) · 16777619 mod 2³².
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The marker of `upload`: the hash of its content (task, class names,
 * features and targets, each number as its shortest round-trip text, so the
 * same rows give the same hash on every engine) and its row count. The file
 * name and the column names are left out: renaming changes nothing.
 */
export function uploadMarker(upload: UploadedData): UploadMarker {
  const content = [upload.task, (upload.classNames ?? []).join('\u0000'), upload.x.join(','), upload.y.join(',')].join('\u0001');
  return { hash: fnv1a(content).toString(16).padStart(8, '0'), rows: uploadedRows(upload) };
}

/** Whether `upload` has the content `marker` records. */
export const matchesMarker = (upload: UploadedData, marker: UploadMarker): boolean => {
  const own = uploadMarker(upload);
  return own.hash === marker.hash && own.rows === marker.rows;
};

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isShortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/**
 * Every way `upload` (from an experiment file or a message, so of any
 * shape) is not a data set the reader could have made, as sentences; empty
 * when it is one. The limits are the reader's (`CSV_LIMITS`).
 */
export function uploadedDataErrors(upload: unknown): string[] {
  if (typeof upload !== 'object' || upload === null) return ['it holds no rows (open its CSV file)'];
  const data = upload as Partial<Record<keyof UploadedData, unknown>>;
  const errors: string[] = [];
  if (!isShortText(data.fileName, MAX_FILE_NAME_LENGTH)) errors.push(`its file name must be text of at most ${MAX_FILE_NAME_LENGTH} characters`);
  if (!Array.isArray(data.columns) || data.columns.length !== 3 || !data.columns.every((name) => isShortText(name, CSV_LIMITS.maxLabelLength))) {
    errors.push(`it must name 3 columns, each of at most ${CSV_LIMITS.maxLabelLength} characters`);
  }
  const { x, y } = data;
  if (!Array.isArray(y) || !Array.isArray(x)) return [...errors, 'its features x and targets y must be lists of numbers'];
  const rows = y.length;
  if (rows < CSV_LIMITS.minRows || rows > CSV_LIMITS.maxRows) errors.push(`it must have from ${CSV_LIMITS.minRows} to ${CSV_LIMITS.maxRows} rows, got ${rows}`);
  if (x.length !== 2 * rows) errors.push(`it must have two features per row (${2 * rows} numbers), got ${x.length}`);
  if (!x.every(isFiniteNumber)) errors.push('its features must be finite numbers');
  if (data.task === 'regression') {
    if (data.classNames !== null) errors.push('a regression has no class names');
    if (!y.every(isFiniteNumber)) errors.push('its targets must be finite numbers');
  } else if (data.task === 'binary' || data.task === 'multiclass') {
    const names = data.classNames;
    const classes = Array.isArray(names) ? names.length : 0;
    if (!Array.isArray(names) || classes < 2 || classes > CSV_LIMITS.maxClasses || !names.every((name) => isShortText(name, CSV_LIMITS.maxLabelLength)) || new Set(names).size !== classes) {
      errors.push(`a classification must name from 2 to ${CSV_LIMITS.maxClasses} different classes, each of at most ${CSV_LIMITS.maxLabelLength} characters`);
    } else if ((classes === 2) !== (data.task === 'binary')) {
      errors.push(`its task must be ${classes === 2 ? 'binary' : 'multiclass'} for ${classes} classes`);
    }
    if (!y.every((label) => Number.isInteger(label) && label >= 0 && label < classes)) errors.push(`its labels must be class indices from 0 to ${classes - 1}`);
  } else {
    errors.push('its task must be regression, binary or multiclass');
  }
  return errors;
}

/**
 * Opens a CSV file as the experiment's data set: read whole and checked by
 * the strict reader (`spec/csvDataset.ts`) before anything changes, so a
 * bad file leaves the experiment and its data set as they were and only
 * says why. A good one replaces the data set (`trainOnUpload`); when the link
 * waited for other rows, the sentence says this file is not that one.
 */
import { CSV_LIMITS, parseCsvDataset } from '../../workers/engine/spec/csvDataset';
import { matchesMarker, uploadedDataFromCsv, uploadedRows } from '../../workers/engine/spec/uploadedData';
import type { AppStore } from '../store/store';

/** What opening a file came to: a sentence for the data panel, an error or not. */
export interface CsvOpenOutcome {
  kind: 'info' | 'error';
  text: string;
}

/** The sentence of a task, e.g. "3 classes (a, b, c)" or "a regression". */
function taskText(classNames: string[] | null): string {
  return classNames === null ? 'a regression' : `${classNames.length} classes (${classNames.join(', ')})`;
}

/**
 * Reads `file` (anything with a name, a size and `text()`, as a `File`) and
 * trains on it; resolves to the sentence saying what happened.
 */
export async function openCsvFile(file: Pick<File, 'name' | 'size' | 'text'>, store: AppStore): Promise<CsvOpenOutcome> {
  const name = file.name.slice(0, 80);
  const refuse = (why: string): CsvOpenOutcome => ({ kind: 'error', text: `Could not open "${name}": ${why}. Nothing was changed.` });
  if (file.size > CSV_LIMITS.maxBytes * 4) return refuse(`it is ${(file.size / 2 ** 20).toFixed(1)} MB, far more than a data set of ${CSV_LIMITS.maxRows.toLocaleString('en')} rows`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refuse('the browser could not read it');
  }
  let upload;
  try {
    upload = uploadedDataFromCsv(parseCsvDataset(text), name);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
  const missing = store.getState().missingUpload;
  const refusal = store.getState().trainOnUpload(upload);
  if (refusal !== null) return refuse(refusal);
  const other = missing !== null && !matchesMarker(upload, missing) ? ` It is not the file the link names (${missing.rows} rows, content hash ${missing.hash}).` : '';
  return { kind: 'info', text: `Opened "${name}": ${uploadedRows(upload).toLocaleString('en')} rows, ${taskText(upload.classNames)}.${other}` };
}

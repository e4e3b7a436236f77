/**
 * Opens an experiment file chosen in the file picker or dropped on the
 * page: it is read and checked whole before anything changes, so a bad
 * file leaves the page as it was and only says why.
 */
import { appStore } from '../store/store';
import { MAX_EXPERIMENT_FILE_BYTES, parseExperimentFile } from './experimentFile';

/** Shows `file` as saved; resolves to null, or to the sentence saying why it was not opened. */
export async function openExperimentFile(file: File): Promise<string | null> {
  const refuse = (why: string) => `Could not open "${file.name.slice(0, 80)}": ${why}. Nothing was changed.`;
  if (file.size > MAX_EXPERIMENT_FILE_BYTES) return refuse(`it is ${(file.size / 2 ** 20).toFixed(0)} MB, more than the ${MAX_EXPERIMENT_FILE_BYTES / 2 ** 20} MB an experiment file may hold`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refuse('the browser could not read it');
  }
  try {
    const parsed = parseExperimentFile(text);
    const problem = parsed.experiment.problem;
    // "Open live" goes through the link, whose csv= marker then finds these rows.
    if (problem.kind === 'network' && problem.upload !== undefined) appStore.getState().rememberUpload(problem.upload);
    appStore.getState().setOpenedFile({ file: parsed, name: file.name });
    return null;
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

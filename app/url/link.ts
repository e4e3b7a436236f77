/**
 * The whole link: the experiment's fields (`hash.ts`) followed by the
 * display's (`displayFields.ts`). Reading splits the hash by key, hands the
 * experiment's pairs to {@link hashToExperiment} untouched (so every link
 * written before the display keys existed opens exactly as it did) and
 * reads the display's against the experiment they describe.
 */
import type { Experiment } from '../../workers/engine/spec/experiment';
import { DISPLAY_KEYS, displayPairs, readDisplay, type DisplayState } from './displayFields';
import { MAX_HASH_LENGTH, experimentToHash, hashToExperiment } from './hash';
import type { UploadedData, UploadMarker } from '../../workers/engine/spec/uploadedData';

/** What a link opens to: the experiment, the display, and a sentence for each thing ignored. */
export interface ParsedLink {
  experiment: Experiment;
  display: DisplayState;
  messages: string[];
  /** Uploaded rows the link names but the page did not hold (see `hashToExperiment`); absent when nothing is missing. */
  missingUpload?: UploadMarker;
}

/** The key of a `key=value` pair as URLSearchParams decodes it (null for a malformed escape). */
function decodedKey(pair: string): string | null {
  const cut = pair.indexOf('=');
  try {
    return decodeURIComponent((cut < 0 ? pair : pair.slice(0, cut)).replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The hash (without "#") of `experiment` shown with `display`. */
export function stateToLink(experiment: Experiment, display: DisplayState): string {
  const extra = displayPairs(display, experiment).map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  return [experimentToHash(experiment), ...extra].join('&');
}

/** Reads a link's hash (with or without "#"), taking uploaded rows from `uploads`; never fails (see `hashToExperiment`). */
export function linkToState(hash: string, uploads: readonly UploadedData[] = []): ParsedLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  // The length rule is the experiment reader's; it sees the whole text so it can apply it.
  if (text.length > MAX_HASH_LENGTH) {
    const { experiment, messages, missingUpload } = hashToExperiment(text);
    return { experiment, display: readDisplay(new Map(), experiment, messages), messages, missingUpload };
  }
  const experimentPairs: string[] = [];
  const displayRaw = new Map<string, string>();
  for (const pair of text.split('&')) {
    const key = decodedKey(pair);
    if (key !== null && DISPLAY_KEYS.has(key)) {
      const values = new URLSearchParams(pair).getAll(key);
      // The first of repeated keys counts, as for the experiment's fields.
      if (!displayRaw.has(key) && values.length > 0) displayRaw.set(key, values[0]);
    } else {
      experimentPairs.push(pair);
    }
  }
  const { experiment, messages, missingUpload } = hashToExperiment(experimentPairs.join('&'), uploads);
  return { experiment, display: readDisplay(displayRaw, experiment, messages), messages, missingUpload };
}

/**
 * The experiment as the page's URL hash, and back.
 *
 * Reading never fails: whatever is wrong with a field (garbage, a number out
 * of range, an unknown optimizer, a hostile string) leaves that field at its
 * default and adds a sentence saying what was ignored, for the page to show.
 */
import {
  defaultExperiment,
  defaultNetworkExperiment,
  isAnalyticExperiment,
  isNetworkExperiment,
  problemDefaults,
  validateExperiment,
  type Experiment,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { OPTIMIZER_KEY, URL_FIELDS, type UrlField } from './fields';
import { repairLandscape } from './landscapeFields';
import { repairNetwork } from './networkFields';
import { networkShape, type NetworkProblem } from '../../workers/engine/spec/networkProblem';
import { formatRun, parseRuns } from './runCodec';
import { quoteForMessage } from './quote';
import { TOUR_URL_KEYS } from './tourFields';
import { UPLOAD_KEY, UPLOAD_LABEL, readUpload, uploadFieldValue } from './uploadField';
import type { UploadedData, UploadMarker } from '../../workers/engine/spec/uploadedData';

/** Longest hash read at all: a full experiment with 8 optimizers takes well under 1 000 characters. */
export const MAX_HASH_LENGTH = 4096;

/** The experiment read from a hash, with a sentence for each thing that was ignored. */
export interface ParsedExperiment {
  experiment: Experiment;
  messages: string[];
  /** The uploaded rows the link names (`csv=`) but the page did not hold; absent when nothing is missing. */
  missingUpload?: UploadMarker;
}

/** Characters left unescaped in values: they are legal in a fragment and keep links readable. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** The hash (without "#") that {@link hashToExperiment} reads back to `experiment`. */
export function experimentToHash(experiment: Experiment): string {
  const pairs: string[] = [];
  for (const field of URL_FIELDS) {
    if (field.scope && !field.scope.includes(experiment)) continue;
    pairs.push(`${field.key}=${encodeValue(field.kind.format(field.get(experiment)))}`);
  }
  // Only an uploaded data set has a marker, so every other link is unchanged.
  const marker = uploadFieldValue(experiment);
  if (marker !== null) pairs.push(`${UPLOAD_KEY}=${marker}`);
  if (experiment.optimizers.length === 0) pairs.push(`${OPTIMIZER_KEY}=`);
  for (const spec of experiment.optimizers) pairs.push(`${OPTIMIZER_KEY}=${encodeValue(formatRun(experiment.problem.kind, spec))}`);
  return pairs.join('&');
}

/** Sets `field` from the raw text, or explains why the text was ignored (also when the field means nothing for this experiment). */
function applyField(field: UrlField<unknown>, raw: string, experiment: Experiment, messages: string[]): void {
  if (field.scope && !field.scope.includes(experiment)) {
    messages.push(`Ignored ${field.key}="${quoteForMessage(raw)}" (${field.label}): it applies only to ${field.scope.name}.`);
    return;
  }
  const parsed = field.kind.schema.safeParse(raw);
  if (parsed.success) {
    field.set(experiment, parsed.data);
  } else {
    const kept = field.kind.format(field.get(experiment));
    messages.push(
      `Ignored ${field.key}="${quoteForMessage(raw)}" (${field.label}): expected ${field.kind.expects}; using ${kept}.`,
    );
  }
}

/** Restores the default range of any window axis whose bounds are not increasing. */
function repairWindow(experiment: Experiment, messages: string[]): void {
  // Only an analytic experiment plots a window.
  if (!isAnalyticExperiment(experiment)) return;
  const defaults = problemDefaults(experiment.problem).window;
  for (const axis of ['x', 'y'] as const) {
    const lo = `${axis}Min` as const;
    const hi = `${axis}Max` as const;
    if (!(experiment.window[hi] - experiment.window[lo] >= EXPERIMENT_LIMITS.minSpan)) {
      messages.push(
        `Ignored the ${axis} range [${experiment.window[lo]}, ${experiment.window[hi]}]: its lower bound must be below its upper bound; using [${defaults[lo]}, ${defaults[hi]}].`,
      );
      experiment.window[lo] = defaults[lo];
      experiment.window[hi] = defaults[hi];
    }
  }
}

/**
 * A key the link gives more than once is read at its first value, as
 * URLSearchParams.get does; the others, where they differ, are named.
 */
function reportRepeats(field: Pick<UrlField<unknown>, 'key' | 'label'>, values: readonly string[], messages: string[]): void {
  const ignored = [...new Set(values.slice(1))].filter((value) => value !== values[0]);
  if (ignored.length === 0) return;
  const others = ignored.map((value) => `"${quoteForMessage(value)}"`).join(', ');
  messages.push(`The link gives ${field.key} (${field.label}) ${values.length} times: read the first, "${quoteForMessage(values[0])}"; ignored ${others}.`);
}

/** P of the network, or null when the problem is not one (`repairNetwork` has made it one by now). */
function paramCountOf(problem: NetworkProblem): number | null {
  try {
    return networkShape(problem).paramCount;
  } catch {
    return null;
  }
}

/** The default experiment of the kind of problem the link asked for. */
const defaultsLike = (experiment: Experiment): Experiment =>
  isNetworkExperiment(experiment) ? defaultNetworkExperiment() : defaultExperiment();

/**
 * Reads an experiment from a URL hash (with or without the leading "#").
 * Missing fields take the defaults of the link's function; bad ones too,
 * with a message each. An empty hash gives the default experiment and no messages.
 * `uploads` are the uploaded data sets the page holds: a link's `csv=`
 * marker takes its rows from the one with that content (`uploadField.ts`).
 */
export function hashToExperiment(hash: string, uploads: readonly UploadedData[] = []): ParsedExperiment {
  const messages: string[] = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH_LENGTH) {
    messages.push(
      `Ignored the link's settings: ${text.length.toLocaleString('en')} characters is more than the ${MAX_HASH_LENGTH.toLocaleString('en')} a link may hold. Showing the defaults.`,
    );
    return { experiment: defaultExperiment(), messages };
  }
  const params = new URLSearchParams(text);
  const given = new Set(params.keys());
  const fieldsByKey = new Map(URL_FIELDS.map((field) => [field.key, field]));
  // The tour's place is read by the tours (tourFields.ts), not here.
  const tourKeys = new Set<string>(TOUR_URL_KEYS);
  for (const key of given) {
    if (key !== OPTIMIZER_KEY && key !== UPLOAD_KEY && !fieldsByKey.has(key) && !tourKeys.has(key)) messages.push(`Ignored unknown setting "${quoteForMessage(key)}".`);
  }
  for (const field of URL_FIELDS) reportRepeats(field, params.getAll(field.key), messages);
  reportRepeats({ key: UPLOAD_KEY, label: UPLOAD_LABEL }, params.getAll(UPLOAD_KEY), messages);

  // The problem first: its teaching defaults are the defaults of everything else.
  const problemDraft: Experiment = defaultExperiment();
  for (const field of URL_FIELDS) {
    const raw = params.get(field.key);
    if (field.stage === 'problem' && raw !== null) applyField(field, raw, problemDraft, messages);
  }
  const experiment: Experiment = isNetworkExperiment(problemDraft)
    ? defaultNetworkExperiment(problemDraft.problem)
    : defaultExperiment(problemDraft.problem);
  experiment.version = problemDraft.version;
  for (const field of URL_FIELDS) {
    const raw = params.get(field.key);
    if (field.stage === 'settings' && raw !== null) applyField(field, raw, experiment, messages);
  }
  repairWindow(experiment, messages);
  const missingUpload = readUpload(experiment, params.get(UPLOAD_KEY), uploads, messages);
  repairNetwork(experiment, messages);
  if (params.has(OPTIMIZER_KEY)) {
    const entries = params.getAll(OPTIMIZER_KEY);
    if (isNetworkExperiment(experiment)) experiment.optimizers = parseRuns('network', entries, messages, paramCountOf(experiment.problem));
    else experiment.optimizers = parseRuns('analytic', entries, messages);
  }
  repairLandscape(experiment, messages, given);

  // Every field was checked on its own; this catches any rule that spans fields.
  const problems = validateExperiment(experiment);
  if (problems.length > 0) {
    messages.push(`Ignored the link's settings (${problems.join('; ')}). Showing the defaults.`);
    return { experiment: defaultsLike(experiment), messages };
  }
  return missingUpload === null ? { experiment, messages } : { experiment, messages, missingUpload };
}

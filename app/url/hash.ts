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
  defaultNetworkRuns,
  defaultOptimizers,
  isAnalyticExperiment,
  isNetworkExperiment,
  problemDefaults,
  validateExperiment,
  type Experiment,
  type NetworkRunSpec,
  type OptimizerRunSpec,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS, NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import { OPTIMIZER_KEY, URL_FIELDS, type UrlField } from './fields';
import { repairLandscape } from './landscapeFields';
import { repairNetwork } from './networkFields';
import { formatNetworkRun, parseNetworkRun } from './networkRunCodec';
import { formatOptimizer, parseOptimizer } from './optimizerCodec';
import { quoteForMessage } from './quote';

/** Longest hash read at all: a full experiment with 8 optimizers takes well under 1 000 characters. */
export const MAX_HASH_LENGTH = 4096;

/** The experiment read from a hash, with a sentence for each thing that was ignored. */
export interface ParsedExperiment {
  experiment: Experiment;
  messages: string[];
}

/** Characters left unescaped in values: they are legal in a fragment and keep links readable. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** The hash (without "#") that {@link hashToExperiment} reads back to `experiment`. */
export function experimentToHash(experiment: Experiment): string {
  const pairs: string[] = [];
  for (const field of URL_FIELDS) {
    if (field.applies && !field.applies(experiment)) continue;
    pairs.push(`${field.key}=${encodeValue(field.kind.format(field.get(experiment)))}`);
  }
  if (experiment.optimizers.length === 0) pairs.push(`${OPTIMIZER_KEY}=`);
  const texts = isNetworkExperiment(experiment)
    ? experiment.optimizers.map(formatNetworkRun)
    : experiment.optimizers.map(formatOptimizer);
  for (const text of texts) pairs.push(`${OPTIMIZER_KEY}=${encodeValue(text)}`);
  return pairs.join('&');
}

/** Sets `field` from the raw text, or explains why the text was ignored. */
function applyField(field: UrlField<unknown>, raw: string, experiment: Experiment, messages: string[]): void {
  if (field.applies && !field.applies(experiment)) return;
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

function parseOptimizers(entries: readonly string[], messages: string[]): OptimizerRunSpec[] {
  const max = EXPERIMENT_LIMITS.optimizerCount.max;
  const texts = entries.filter((text) => text !== '');
  if (texts.length > max) messages.push(`Ignored ${texts.length - max} optimizers beyond the first ${max}.`);
  const optimizers: OptimizerRunSpec[] = [];
  for (const text of texts.slice(0, max)) {
    const spec = parseOptimizer(text, optimizers.length, optimizers.map((o) => o.id), messages);
    if (spec) optimizers.push(spec);
  }
  if (texts.length > 0 && optimizers.length === 0) {
    // Optimizers were asked for but none could be read: the list as a whole is bad.
    messages.push('Using the default optimizers instead.');
    return defaultOptimizers();
  }
  return optimizers;
}

/** The runs of a network link; a network needs at least one, so an empty or unreadable list gives the defaults. */
function parseNetworkRuns(entries: readonly string[], messages: string[]): NetworkRunSpec[] {
  const max = NETWORK_TRAINING_LIMITS.runCount.max;
  const texts = entries.filter((text) => text !== '');
  if (texts.length > max) messages.push(`Ignored ${texts.length - max} runs beyond the first ${max}.`);
  const runs: NetworkRunSpec[] = [];
  for (const text of texts.slice(0, max)) {
    const spec = parseNetworkRun(text, runs.length, runs.map((run) => run.id), messages);
    if (spec) runs.push(spec);
  }
  if (runs.length === 0) {
    messages.push('A network needs at least one training run; using the default runs.');
    return defaultNetworkRuns();
  }
  return runs;
}

/** The default experiment of the kind of problem the link asked for. */
const defaultsLike = (experiment: Experiment): Experiment =>
  isNetworkExperiment(experiment) ? defaultNetworkExperiment() : defaultExperiment();

/**
 * Reads an experiment from a URL hash (with or without the leading "#").
 * Missing fields take the defaults of the link's function; bad ones too,
 * with a message each. An empty hash gives the default experiment and no messages.
 */
export function hashToExperiment(hash: string): ParsedExperiment {
  const messages: string[] = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH_LENGTH) {
    messages.push(
      `Ignored the link's settings: ${text.length.toLocaleString('en')} characters is more than the ${MAX_HASH_LENGTH.toLocaleString('en')} a link may hold. Showing the defaults.`,
    );
    return { experiment: defaultExperiment(), messages };
  }
  const params = new URLSearchParams(text);
  const known = new Set([OPTIMIZER_KEY, ...URL_FIELDS.map((field) => field.key)]);
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) messages.push(`Ignored unknown setting "${quoteForMessage(key)}".`);
  }

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
  repairLandscape(experiment, messages);
  repairNetwork(experiment, messages);
  if (params.has(OPTIMIZER_KEY)) {
    const entries = params.getAll(OPTIMIZER_KEY);
    if (isNetworkExperiment(experiment)) experiment.optimizers = parseNetworkRuns(entries, messages);
    else experiment.optimizers = parseOptimizers(entries, messages);
  }

  // Every field was checked on its own; this catches any rule that spans fields.
  const problems = validateExperiment(experiment);
  if (problems.length > 0) {
    messages.push(`Ignored the link's settings (${problems.join('; ')}). Showing the defaults.`);
    return { experiment: defaultsLike(experiment), messages };
  }
  return { experiment, messages };
}

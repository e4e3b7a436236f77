/**
 * The runs of an experiment as URL text, for both problem kinds: one `o=`
 * entry per run, its optimizer's name, then `key:value` pairs for its id,
 * colour, (network runs) minibatch size and hyper-parameters, e.g.
 * `adam,id:o2,c:ff7aa2,lr:0.02,b1:0.9` or `sgd,id:o1,c:4cc9f0,b:8,lr:0.5`.
 * The hyper-parameters' keys and rules are the optimizer registry's.
 * Commas and colons need no escaping in a URL fragment, so links stay readable.
 */
import { z } from 'zod';
import { defaultNetworkRuns, defaultOptimizers, runCountLimits } from '../../workers/engine/spec/experiment';
import { NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import {
  HYPER_PARAMETERS,
  HYPER_PARAMETER_NAMES,
  hyperParameterSpecs,
  methodOf,
  optimizerNamesFor,
  type HyperParameterName,
  type ProblemKind,
} from '../../workers/engine/spec/optimizers/registry';
import { optimizerProblem } from '../../workers/engine/spec/optimizers/validate';
import { COLOR_PATTERN, OPTIMIZER_ID_PATTERN } from '../../workers/engine/spec/runIdentity';
import { RUN_WORDS, defaultRun, optimizerConfigOf, type RunSpec, type RunSpecFor } from '../../workers/engine/spec/runs';
import { enumKind, formatNumber, numberKind } from './fieldKinds';
import { quoteForMessage } from './quote';

const ID_KEY = 'id';
const COLOR_KEY = 'c';
/** Network runs only; in an analytic link it is no setting of any optimizer. */
const BATCH_KEY = 'b';

/** Any finite number: the registry's rules (optimizerProblem) then decide validity. */
const anyNumber = numberKind(-Number.MAX_VALUE, Number.MAX_VALUE);
const batchKind = numberKind(NETWORK_TRAINING_LIMITS.batchSize.min, NETWORK_TRAINING_LIMITS.batchSize.max, true);
const idSchema = z.string().regex(OPTIMIZER_ID_PATTERN);
const colorSchema = z.string().regex(/^[0-9a-fA-F]{6}$/).transform((hex) => `#${hex.toLowerCase()}`);
const hyperByUrlKey = new Map<string, HyperParameterName>(HYPER_PARAMETER_NAMES.map((name) => [HYPER_PARAMETERS[name].urlKey, name]));

/** What a link's run list falls back to when it cannot be read, and the sentence saying so. */
const FALLBACKS: Readonly<Record<ProblemKind, { runs: () => RunSpec[]; message: string }>> = {
  analytic: { runs: defaultOptimizers, message: 'Using the default optimizers instead.' },
  network: { runs: defaultNetworkRuns, message: 'A network needs at least one training run; using the default runs.' },
};

/** The URL text of one run of a `kind` experiment; only the hyper-parameters its method uses are written. */
export function formatRun(kind: ProblemKind, spec: RunSpec): string {
  const parts = [spec.name, `${ID_KEY}:${spec.id}`];
  if (COLOR_PATTERN.test(spec.color)) parts.push(`${COLOR_KEY}:${spec.color.slice(1).toLowerCase()}`);
  if (RUN_WORDS[kind].batched && spec.batchSize !== undefined) parts.push(`${BATCH_KEY}:${formatNumber(spec.batchSize)}`);
  for (const hyper of hyperParameterSpecs(spec.name, kind)) {
    const value = spec[hyper.key];
    if (value !== undefined) parts.push(`${hyper.urlKey}:${formatNumber(value)}`);
  }
  return parts.join(',');
}

/** A hyper-parameter read from a link, with the text it came from. */
interface HyperValue {
  pair: string;
  hyper: HyperParameterName;
  value: number;
}

/**
 * Reads one run of a `kind` experiment. An optimizer `kind` does not offer
 * drops the whole entry (null); a bad id, colour, batch size or
 * hyper-parameter keeps its default. Each thing ignored adds a sentence to `messages`.
 *
 * @param index the entry's position (picks the default colour)
 * @param takenIds ids of the runs read before this one (ids stay unique)
 */
export function parseRun<K extends ProblemKind>(
  kind: K,
  text: string,
  index: number,
  takenIds: readonly string[],
  messages: string[],
): RunSpecFor<K> | null {
  const { noun, batched } = RUN_WORDS[kind];
  const [nameText = '', ...pairs] = text.split(',');
  const nameKind = enumKind(optimizerNamesFor(kind));
  const name = nameKind.schema.safeParse(nameText);
  if (!name.success) {
    messages.push(`Ignored ${noun} "${quoteForMessage(nameText)}": expected ${nameKind.expects}.`);
    return null;
  }
  const { label } = methodOf(name.data);
  const spec = defaultRun(kind, name.data, index, takenIds);
  const applicable = new Set(hyperParameterSpecs(name.data, kind).map((hyper) => hyper.key));
  const ignore = (pair: string, why: string) => messages.push(`Ignored "${quoteForMessage(pair)}" of ${noun} ${index + 1} (${name.data}): ${why}.`);
  const hyperValues: HyperValue[] = [];

  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const key = colon < 0 ? pair : pair.slice(0, colon);
    const value = colon < 0 ? '' : pair.slice(colon + 1);
    if (key === ID_KEY) {
      const id = idSchema.safeParse(value);
      if (!id.success) ignore(pair, 'an id is 1–12 lower-case letters or digits');
      else if (takenIds.includes(id.data)) ignore(pair, `another ${noun} has this id`);
      else spec.id = id.data;
    } else if (key === COLOR_KEY) {
      const color = colorSchema.safeParse(value);
      if (color.success) spec.color = color.data;
      else ignore(pair, 'a colour is six hexadecimal digits');
    } else if (key === BATCH_KEY && batched) {
      const batch = batchKind.schema.safeParse(value);
      if (batch.success) spec.batchSize = batch.data;
      else ignore(pair, `the batch size is ${batchKind.expects} (0 = full batch)`);
    } else {
      const hyper = hyperByUrlKey.get(key);
      if (hyper === undefined || !applicable.has(hyper)) {
        ignore(pair, `not a setting of ${label}`);
        continue;
      }
      const number = anyNumber.schema.safeParse(value);
      if (number.success) hyperValues.push({ pair, hyper, value: number.data });
      else ignore(pair, 'not a number');
    }
  }
  applyHyperParameters(kind, spec, hyperValues, ignore);
  return spec;
}

/**
 * Sets the hyper-parameters on `spec`: all together when the registry's
 * rules accept them so (some rules join two fields, e.g. radius ≤ maxRadius),
 * otherwise one by one, each kept only if the run stays valid.
 */
function applyHyperParameters(kind: ProblemKind, spec: RunSpec, values: readonly HyperValue[], ignore: (pair: string, why: string) => void): void {
  const together: RunSpec = { ...spec };
  for (const { hyper, value } of values) together[hyper] = value;
  if (optimizerProblem(optimizerConfigOf(together), kind) === null) {
    Object.assign(spec, together);
    return;
  }
  for (const { pair, hyper, value } of values) {
    const why = optimizerProblem(optimizerConfigOf({ ...spec, [hyper]: value }), kind);
    if (why === null) spec[hyper] = value;
    else ignore(pair, why);
  }
}

/**
 * The runs of a `kind` link, from its `o=` entries (empty ones are skipped):
 * those beyond the experiment's limit are dropped, and a list that yields
 * none though some were given, or fewer than the kind needs, gives the
 * kind's default runs, each with a sentence in `messages`.
 */
export function parseRuns<K extends ProblemKind>(kind: K, entries: readonly string[], messages: string[]): RunSpecFor<K>[] {
  const { min, max } = runCountLimits(kind);
  const { noun } = RUN_WORDS[kind];
  const texts = entries.filter((text) => text !== '');
  if (texts.length > max) messages.push(`Ignored ${texts.length - max} ${noun}s beyond the first ${max}.`);
  const runs: RunSpecFor<K>[] = [];
  for (const text of texts.slice(0, max)) {
    const spec = parseRun(kind, text, runs.length, runs.map((run) => run.id), messages);
    if (spec) runs.push(spec);
  }
  if (runs.length < min || (texts.length > 0 && runs.length === 0)) {
    // Runs were asked for but none could be read, or the kind needs some: the list as a whole is bad.
    messages.push(FALLBACKS[kind].message);
    return FALLBACKS[kind].runs() as RunSpecFor<K>[];
  }
  return runs;
}

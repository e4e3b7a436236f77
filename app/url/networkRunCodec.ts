/**
 * One training run of a network experiment as URL text, in the style of the
 * analytic optimizers (`optimizerCodec.ts`): the optimizer's name, then
 * `key:value` pairs for its id, colour, minibatch size and hyper-parameters,
 * e.g. `sgd,id:o1,c:4cc9f0,b:8,lr:0.5`.
 */
import { z } from 'zod';
import { COLOR_PATTERN, OPTIMIZER_ID_PATTERN } from '../../workers/engine/spec/runIdentity';
import { defaultNetworkRun, networkRunConfig, type NetworkRunSpec } from '../../workers/engine/spec/networkRuns';
import { NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import { NETWORK_OPTIMIZER_NAMES, type NetworkHyperParameterName } from '../../workers/engine/spec/optimizers/networkConfig';
import { NETWORK_OPTIMIZER_INFO, resolveNetworkOptimizer } from '../../workers/engine/spec/optimizers/networkInfo';
import { enumKind, formatNumber, numberKind } from './fieldKinds';
import { HYPER_PARAMETER_KEYS } from './optimizerCodec';
import { quoteForMessage } from './quote';

/** The short URL key of each network hyper-parameter (the analytic ones keep their keys). */
export const NETWORK_HYPER_PARAMETER_KEYS: Readonly<Record<NetworkHyperParameterName, string>> = {
  ...HYPER_PARAMETER_KEYS,
  radius: 'r',
  maxRadius: 'rmax',
  acceptRatio: 'acc',
  cgIterations: 'cg',
};

const ID_KEY = 'id';
const COLOR_KEY = 'c';
const BATCH_KEY = 'b';
const nameKind = enumKind(NETWORK_OPTIMIZER_NAMES);
/** Any finite number: the engine's own rules (resolveNetworkOptimizer) then decide validity. */
const anyNumber = numberKind(-Number.MAX_VALUE, Number.MAX_VALUE);
const batchKind = numberKind(NETWORK_TRAINING_LIMITS.batchSize.min, NETWORK_TRAINING_LIMITS.batchSize.max, true);
const idSchema = z.string().regex(OPTIMIZER_ID_PATTERN);
const colorSchema = z.string().regex(/^[0-9a-fA-F]{6}$/).transform((hex) => `#${hex.toLowerCase()}`);

const hyperByUrlKey = new Map(
  (Object.entries(NETWORK_HYPER_PARAMETER_KEYS) as [NetworkHyperParameterName, string][]).map(([name, key]) => [key, name]),
);

/** The URL text of one run; only the hyper-parameters that apply to its optimizer are written. */
export function formatNetworkRun(spec: NetworkRunSpec): string {
  const parts = [spec.name, `${ID_KEY}:${spec.id}`];
  if (COLOR_PATTERN.test(spec.color)) parts.push(`${COLOR_KEY}:${spec.color.slice(1).toLowerCase()}`);
  if (spec.batchSize !== undefined) parts.push(`${BATCH_KEY}:${formatNumber(spec.batchSize)}`);
  for (const hyper of NETWORK_OPTIMIZER_INFO[spec.name].hyperParameters) {
    const value = spec[hyper.key];
    if (value !== undefined) parts.push(`${NETWORK_HYPER_PARAMETER_KEYS[hyper.key]}:${formatNumber(value)}`);
  }
  return parts.join(',');
}

/**
 * Reads one run. An unknown optimizer drops the whole entry (null); a bad
 * id, colour, batch size or hyper-parameter keeps its default. Each thing
 * ignored adds a sentence to `messages`.
 *
 * @param index the entry's position (picks the default colour)
 * @param takenIds ids of the runs read before this one (ids stay unique)
 */
export function parseNetworkRun(
  text: string,
  index: number,
  takenIds: readonly string[],
  messages: string[],
): NetworkRunSpec | null {
  const [nameText = '', ...pairs] = text.split(',');
  const name = nameKind.schema.safeParse(nameText);
  if (!name.success) {
    messages.push(`Ignored run "${quoteForMessage(nameText)}": expected ${nameKind.expects}.`);
    return null;
  }
  const info = NETWORK_OPTIMIZER_INFO[name.data];
  const spec = defaultNetworkRun(name.data, index, takenIds);
  const applicable = new Set(info.hyperParameters.map((hyper) => hyper.key));
  const ignore = (pair: string, why: string) =>
    messages.push(`Ignored "${quoteForMessage(pair)}" of run ${index + 1} (${name.data}): ${why}.`);
  const hyperValues: HyperValue[] = [];

  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const key = colon < 0 ? pair : pair.slice(0, colon);
    const value = colon < 0 ? '' : pair.slice(colon + 1);
    if (key === ID_KEY) {
      const id = idSchema.safeParse(value);
      if (!id.success) ignore(pair, 'an id is 1–12 lower-case letters or digits');
      else if (takenIds.includes(id.data)) ignore(pair, 'another run has this id');
      else spec.id = id.data;
    } else if (key === COLOR_KEY) {
      const color = colorSchema.safeParse(value);
      if (color.success) spec.color = color.data;
      else ignore(pair, 'a colour is six hexadecimal digits');
    } else if (key === BATCH_KEY) {
      const batch = batchKind.schema.safeParse(value);
      if (batch.success) spec.batchSize = batch.data;
      else ignore(pair, `the batch size is ${batchKind.expects} (0 = full batch)`);
    } else {
      const hyper = hyperByUrlKey.get(key);
      if (hyper === undefined || !applicable.has(hyper)) {
        ignore(pair, `not a setting of ${info.label}`);
        continue;
      }
      const number = anyNumber.schema.safeParse(value);
      if (number.success) hyperValues.push({ pair, hyper, value: number.data });
      else ignore(pair, 'not a number');
    }
  }
  applyHyperParameters(spec, hyperValues, ignore);
  return spec;
}

/** A hyper-parameter read from a link, with the text it came from. */
interface HyperValue {
  pair: string;
  hyper: NetworkHyperParameterName;
  value: number;
}

/** The reason the engine refuses `spec`, or null when it accepts it. */
function refusal(spec: NetworkRunSpec): string | null {
  try {
    resolveNetworkOptimizer(networkRunConfig(spec));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Sets the hyper-parameters on `spec`: all together when the engine accepts
 * them so (some rules join two fields, e.g. radius ≤ maxRadius), otherwise
 * one by one, each kept only if the run stays valid.
 */
function applyHyperParameters(spec: NetworkRunSpec, values: readonly HyperValue[], ignore: (pair: string, why: string) => void): void {
  const together: NetworkRunSpec = { ...spec };
  for (const { hyper, value } of values) together[hyper] = value;
  if (refusal(together) === null) {
    Object.assign(spec, together);
    return;
  }
  for (const { pair, hyper, value } of values) {
    const why = refusal({ ...spec, [hyper]: value });
    if (why === null) spec[hyper] = value;
    else ignore(pair, why);
  }
}

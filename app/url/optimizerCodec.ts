/**
 * One optimizer as URL text: its name, then `key:value` pairs for its id,
 * colour and hyper-parameters, e.g. `adam,id:o2,c:ff7aa2,lr:0.02,b1:0.9`.
 * Commas and colons need no escaping in a URL fragment, so links stay readable.
 */
import { z } from 'zod';
import {
  COLOR_PATTERN,
  OPTIMIZER_ID_PATTERN,
  defaultOptimizerRun,
  type OptimizerRunSpec,
} from '../../workers/engine/spec/experiment';
import {
  OPTIMIZER_NAMES,
  resolveOptimizerConfig,
  type HyperParameterName,
} from '../../workers/engine/spec/optimizers/config';
import { OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/info';
import { enumKind, formatNumber, numberKind } from './fieldKinds';
import { quoteForMessage } from './quote';

/** The short URL key of each hyper-parameter. */
export const HYPER_PARAMETER_KEYS: Readonly<Record<HyperParameterName, string>> = {
  lr: 'lr',
  momentum: 'mu',
  rho: 'rho',
  beta1: 'b1',
  beta2: 'b2',
  epsilon: 'eps',
  damping: 'd',
  warmupSteps: 'w',
};

const ID_KEY = 'id';
const COLOR_KEY = 'c';
const nameKind = enumKind(OPTIMIZER_NAMES);
/** Any finite number: the engine's own rules (resolveOptimizerConfig) then decide validity. */
const anyNumber = numberKind(-Number.MAX_VALUE, Number.MAX_VALUE);
const idSchema = z.string().regex(OPTIMIZER_ID_PATTERN);
const colorSchema = z.string().regex(/^[0-9a-fA-F]{6}$/).transform((hex) => `#${hex.toLowerCase()}`);

const hyperByUrlKey = new Map(
  (Object.entries(HYPER_PARAMETER_KEYS) as [HyperParameterName, string][]).map(([name, key]) => [key, name]),
);

/** The URL text of one optimizer; only the hyper-parameters that apply to it are written. */
export function formatOptimizer(spec: OptimizerRunSpec): string {
  const parts = [spec.name, `${ID_KEY}:${spec.id}`];
  if (COLOR_PATTERN.test(spec.color)) parts.push(`${COLOR_KEY}:${spec.color.slice(1).toLowerCase()}`);
  for (const hyper of OPTIMIZER_INFO[spec.name].hyperParameters) {
    const value = spec[hyper.key];
    if (value !== undefined) parts.push(`${HYPER_PARAMETER_KEYS[hyper.key]}:${formatNumber(value)}`);
  }
  return parts.join(',');
}

/**
 * Reads one optimizer. An unknown name drops the whole entry (null); a bad
 * id, colour or hyper-parameter keeps its default. Each thing ignored adds a
 * sentence to `messages`.
 *
 * @param index the entry's position (picks the default colour)
 * @param takenIds ids of the optimizers read before this one (ids stay unique)
 */
export function parseOptimizer(
  text: string,
  index: number,
  takenIds: readonly string[],
  messages: string[],
): OptimizerRunSpec | null {
  const [nameText = '', ...pairs] = text.split(',');
  const name = nameKind.schema.safeParse(nameText);
  if (!name.success) {
    messages.push(`Ignored optimizer "${quoteForMessage(nameText)}": expected ${nameKind.expects}.`);
    return null;
  }
  const spec = defaultOptimizerRun(name.data, index, takenIds);
  const applicable = new Set(OPTIMIZER_INFO[name.data].hyperParameters.map((hyper) => hyper.key));
  const ignore = (pair: string, why: string) =>
    messages.push(`Ignored "${quoteForMessage(pair)}" of optimizer ${index + 1} (${name.data}): ${why}.`);

  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const key = colon < 0 ? pair : pair.slice(0, colon);
    const value = colon < 0 ? '' : pair.slice(colon + 1);
    if (key === ID_KEY) {
      const id = idSchema.safeParse(value);
      if (!id.success) ignore(pair, 'an id is 1–12 lower-case letters or digits');
      else if (takenIds.includes(id.data)) ignore(pair, 'another optimizer has this id');
      else spec.id = id.data;
      continue;
    }
    if (key === COLOR_KEY) {
      const color = colorSchema.safeParse(value);
      if (color.success) spec.color = color.data;
      else ignore(pair, 'a colour is six hexadecimal digits');
      continue;
    }
    const hyper = hyperByUrlKey.get(key);
    if (hyper === undefined || !applicable.has(hyper)) {
      ignore(pair, `not a setting of ${OPTIMIZER_INFO[name.data].label}`);
      continue;
    }
    const number = anyNumber.schema.safeParse(value);
    if (!number.success) {
      ignore(pair, 'not a number');
      continue;
    }
    try {
      resolveOptimizerConfig({ ...spec, [hyper]: number.data });
      spec[hyper] = number.data;
    } catch (error) {
      ignore(pair, error instanceof Error ? error.message : String(error));
    }
  }
  return spec;
}

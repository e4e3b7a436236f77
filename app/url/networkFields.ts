/**
 * The URL fields of network experiments (data set, network, training
 * schedule), declared once like the rest of the field table. They apply to
 * network links only; analytic links leave them out. Rules that a per-field
 * check cannot see (a data set's own options, the parameter budget) are
 * settled by `repairNetwork` after every field was read.
 */
import { z } from 'zod';
import { DATASETS, DATASET_NAMES, checkOption, type OptionSpec } from '../../workers/engine/spec/datasets';
import { UPLOADED_DATASET, UPLOADED_DATASET_LABEL } from '../../workers/engine/spec/uploadedData';
import { isNetworkExperiment, type Experiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import { ACTIVATIONS } from '../../workers/engine/spec/mlp';
import { DEFAULT_NETWORK_PROBLEM, INIT_SCHEMES, networkShape } from '../../workers/engine/spec/networkProblem';
import { MAX_TEST_FRACTION, NETWORK_LIMITS, NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import { enumKind, formatNumber, numberKind, type ValueKind } from './fieldKinds';
import { field, propertyField, wholeExperiment, type FieldPlace, type UrlField } from './urlField';
import { NETWORK_FIELD } from './fieldScopes';
import { FIELD_LABELS } from '../../workers/engine/spec/fieldLabels';
import { quoteForMessage } from './quote';
import { NUMBER_SOURCE } from '../ui/format';

const { hiddenLayers, width, initScale, weightDecay, dropout, seed } = NETWORK_LIMITS;
const { evalEvery, sharpnessEvery } = NETWORK_TRAINING_LIMITS;

/** Hidden-layer widths as `16,16` (empty: no hidden layer), each from 1 to 128, at most 6 of them. */
export const hiddenWidthsKind: ValueKind<number[]> = {
  schema: z
    .string()
    .regex(/^(\d{1,4}(,\d{1,4}){0,15})?$/)
    .transform((text) => (text === '' ? [] : text.split(',').map(Number)))
    .pipe(z.array(z.number().int().min(width.min).max(width.max)).max(hiddenLayers.max)),
  expects: `at most ${hiddenLayers.max} layer widths from ${width.min} to ${width.max}, separated by commas (empty: no hidden layer)`,
  format: (widths) => widths.join(','),
};

/**
 * Data-set options as `key:value` pairs, e.g. `n:200,noise:0.1` (empty: all
 * defaults). Keys are letters and digits only, so no key can reach an
 * object's prototype; which keys and values a data set takes is checked by
 * `repairNetwork` against the registry's option table.
 */
export const datasetOptionsKind: ValueKind<Record<string, number>> = {
  schema: z
    .string()
    .regex(new RegExp(`^([a-zA-Z][a-zA-Z0-9]{0,15}:${NUMBER_SOURCE}(,[a-zA-Z][a-zA-Z0-9]{0,15}:${NUMBER_SOURCE}){0,15})?$`))
    .transform((text) => {
      const options: Record<string, number> = {};
      if (text === '') return options;
      for (const pair of text.split(',')) {
        const colon = pair.indexOf(':');
        options[pair.slice(0, colon)] = Number(pair.slice(colon + 1));
      }
      return options;
    })
    .pipe(z.record(z.string(), z.number().finite())),
  expects: 'option:value pairs separated by commas, e.g. n:200,noise:0.1',
  format: (options) =>
    Object.entries(options)
      .map(([key, value]) => `${key}:${formatNumber(value)}`)
      .join(','),
};

/** The network problem of a network experiment (callers check `scope` first). */
const problemOf = (e: Experiment) => (e as NetworkExperiment).problem;

/** Fields of the network problem: read with the 'problem' stage, so the data set comes before its options. */
const NETWORK_PROBLEM: FieldPlace = { stage: 'problem', scope: NETWORK_FIELD };
/** A field of the network problem with its own accessors. */
function problemField<T>(spec: Omit<UrlField<T>, 'stage' | 'scope'>): UrlField<T> {
  return field({ ...spec, ...NETWORK_PROBLEM });
}
/** The training schedule's fields, read after the problem's. */
const NETWORK_SETTING: FieldPlace = { stage: 'settings', scope: NETWORK_FIELD };

const initOf = (e: Experiment) => problemOf(e).init;

const seedKind = numberKind(seed.min, seed.max, true);

/** The fields of network links, in the order they are written (after `p=network`). */
export const NETWORK_URL_FIELDS: readonly UrlField<unknown>[] = [
  problemField({
    key: 'ds',
    label: FIELD_LABELS.dataset,
    // `csv` (uploaded rows) is settled after the fields, with its marker (uploadField.ts).
    kind: enumKind([...DATASET_NAMES, UPLOADED_DATASET]),
    get: (e) => problemOf(e).dataset,
    set: (e, value) => {
      const problem = problemOf(e);
      // Options belong to one data set; the link's own options follow in `do`.
      if (problem.dataset !== value) {
        problem.datasetOptions = {};
        delete problem.upload;
      }
      problem.dataset = value;
    },
  }),
  problemField({
    key: 'do',
    label: FIELD_LABELS.datasetOptions,
    kind: datasetOptionsKind,
    get: (e) => ({ ...problemOf(e).datasetOptions }) as Record<string, number>,
    set: (e, value) => {
      problemOf(e).datasetOptions = value;
    },
  }),
  propertyField(NETWORK_PROBLEM, 'tf', FIELD_LABELS.testFraction, numberKind(0, MAX_TEST_FRACTION), problemOf, 'testFraction'),
  propertyField(NETWORK_PROBLEM, 'dseed', FIELD_LABELS.dataSeed, seedKind, problemOf, 'dataSeed'),
  problemField({
    key: 'h',
    label: FIELD_LABELS.hidden,
    kind: hiddenWidthsKind,
    get: (e) => [...problemOf(e).hidden],
    set: (e, value) => {
      problemOf(e).hidden = value;
    },
  }),
  propertyField(NETWORK_PROBLEM, 'act', FIELD_LABELS.activation, enumKind(ACTIVATIONS), problemOf, 'activation'),
  propertyField(NETWORK_PROBLEM, 'init', FIELD_LABELS.initScheme, enumKind(INIT_SCHEMES), initOf, 'scheme'),
  propertyField(NETWORK_PROBLEM, 'isc', FIELD_LABELS.initScale, numberKind(initScale.min, initScale.max), initOf, 'scale'),
  propertyField(NETWORK_PROBLEM, 'iseed', FIELD_LABELS.initSeed, seedKind, initOf, 'seed'),
  propertyField(NETWORK_PROBLEM, 'wd', FIELD_LABELS.weightDecay, numberKind(weightDecay.min, weightDecay.max), problemOf, 'weightDecay'),
  propertyField(NETWORK_PROBLEM, 'dr', FIELD_LABELS.dropout, numberKind(dropout.min, dropout.max), problemOf, 'dropout'),
  propertyField(NETWORK_SETTING, 'ev', FIELD_LABELS.evalEvery, numberKind(evalEvery.min, evalEvery.max, true), wholeExperiment, 'evalEvery'),
  propertyField(NETWORK_SETTING, 'sh', FIELD_LABELS.sharpnessEvery, numberKind(sharpnessEvery.min, sharpnessEvery.max, true), wholeExperiment, 'sharpnessEvery'),
];

/**
 * Settles the rules that span network fields, each broken one replaced by
 * its default with a sentence saying so: every data-set option must be one
 * the data set takes, within its range; the network must stay within the
 * parameter budget.
 */
export function repairNetwork(experiment: Experiment, messages: string[]): void {
  if (!isNetworkExperiment(experiment)) return;
  const problem = experiment.problem;
  // Uploaded rows take no options.
  const dataset = problem.dataset === UPLOADED_DATASET ? { name: UPLOADED_DATASET, label: UPLOADED_DATASET_LABEL, options: [] as readonly OptionSpec[] } : DATASETS[problem.dataset];
  const kept: Record<string, number> = {};
  for (const [key, value] of Object.entries(problem.datasetOptions)) {
    if (value === undefined) continue;
    const option = dataset.options.find((candidate) => candidate.key === key);
    if (option === undefined) {
      const known = dataset.options.map((candidate) => candidate.key).join(', ') || 'none';
      messages.push(`Ignored the option "${quoteForMessage(key)}" of the data set ${dataset.label}: it takes ${known}.`);
      continue;
    }
    try {
      checkOption(dataset.name, option, value);
      kept[key] = value;
    } catch {
      const expected = `${option.integer ? 'an integer' : 'a number'} from ${formatNumber(option.min)} to ${formatNumber(option.max)}`;
      messages.push(
        `Ignored ${key}=${formatNumber(value)} (${option.label}) of the data set ${dataset.label}: expected ${expected}; using ${formatNumber(option.default)}.`,
      );
    }
  }
  problem.datasetOptions = kept;
  const { paramCount } = networkShape(problem);
  if (paramCount > NETWORK_LIMITS.paramCount.max) {
    const fallback = [...DEFAULT_NETWORK_PROBLEM.hidden];
    messages.push(
      `Ignored the hidden layers ${problem.hidden.join(', ')}: the network would have ${paramCount.toLocaleString('en')} parameters, more than the ${NETWORK_LIMITS.paramCount.max.toLocaleString('en')} allowed; using ${fallback.join(', ')}.`,
    );
    problem.hidden = fallback;
  }
}

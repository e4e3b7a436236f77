/**
 * The URL fields of the landscape settings (`experiment.slice` and
 * `experiment.curvature`), declared once like the rest of the field table.
 * They mean something only for network problems, so analytic links leave
 * them out. The resolution's bound depends on the slice's dimension, and the
 * runs the slice names must be runs of the link: `repairLandscape` settles
 * such cross-field rules after every field and run was read.
 */
import {
  CURVATURE_MATRIX_CHOICES,
  INITIAL_PARAMS,
  SLICE_DIRECTION_KINDS,
  defaultSliceSettings,
  resolutionLimits,
  sliceForRuns,
  type RunReference,
  type SliceReferenceKey,
  type CurvatureSettings,
  type SliceSettings,
} from '../../workers/engine/spec/landscapeSettings';
import { LANDSCAPE_LIMITS } from '../../workers/engine/spec/limits';
import { isNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { FIELD_LABELS } from '../../workers/engine/spec/fieldLabels';
import { runLabels } from '../../workers/engine/spec/runLabels';
import { enumKind, numberKind, type ValueKind } from './fieldKinds';
import { field, propertyField, type FieldPlace, type UrlField } from './urlField';
import { NETWORK_FIELD } from './fieldScopes';
import { quoteForMessage } from './quote';
import { z } from 'zod';

/** Every landscape field is a network setting. */
const NETWORK_SETTING: FieldPlace = { stage: 'settings', scope: NETWORK_FIELD };

/** A `slice` setting, stored as it reads. */
const sliceField = <K extends keyof SliceSettings>(key: string, label: string, kind: ValueKind<SliceSettings[K]>, name: K) =>
  propertyField(NETWORK_SETTING, key, label, kind, (e) => e.slice, name);

/** A `curvature` setting, stored as it reads. */
const curvatureField = <K extends keyof CurvatureSettings>(key: string, label: string, kind: ValueKind<CurvatureSettings[K]>, name: K) =>
  propertyField(NETWORK_SETTING, key, label, kind, (e) => e.curvature, name);

/** A run id or `init`. */
const runReferenceKind: ValueKind<RunReference> = {
  schema: z.string().regex(/^[a-z0-9]{1,12}$/) as unknown as z.ZodType<RunReference, string>,
  expects: 'a run id (1–12 lower-case letters or digits) or init',
  format: (value) => value,
};

const { coordinate, k, slqRuns, slqSteps, smoothing, traceBudget, relativeError, densityBudget, seed, lineResolution } = LANDSCAPE_LIMITS;

/** The URL key of each run reference of the slice. */
const REFERENCE_KEYS: Readonly<Record<SliceReferenceKey, string>> = { centre: 'lc', runA: 'lra', runB: 'lrb', origin: 'lro' };

/** The control of each run reference. */
const REFERENCE_LABELS: Readonly<Record<SliceReferenceKey, string>> = {
  centre: FIELD_LABELS.sliceCentre,
  runA: FIELD_LABELS.sliceRunA,
  runB: FIELD_LABELS.sliceRunB,
  origin: FIELD_LABELS.sliceOrigin,
};

const runField = (name: SliceReferenceKey) => sliceField(REFERENCE_KEYS[name], REFERENCE_LABELS[name], runReferenceKind, name);

/** The two ends of the slice's α or β range (`la0`, `la1`, `lb0`, `lb1`). */
function rangeFields(axis: 'alpha' | 'beta'): UrlField<number>[] {
  const letter = axis === 'alpha' ? 'a' : 'b';
  return ([0, 1] as const).map((end) =>
    propertyField<SliceSettings['alpha'], 0 | 1>(
      NETWORK_SETTING,
      `l${letter}${end}`,
      FIELD_LABELS[`slice${axis === 'alpha' ? 'Alpha' : 'Beta'}${end === 0 ? 'Min' : 'Max'}`],
      numberKind(coordinate.min, coordinate.max),
      (e) => e.slice[axis],
      end,
    ),
  );
}

type CurvatureNumber = 'k' | 'slqRuns' | 'slqSteps' | 'traceBudget' | 'densityBudget' | 'seed' | 'smoothing' | 'relativeError';

/** A numeric curvature setting within `range` (whole numbers unless `real`). */
const curvatureNumber = (key: string, label: string, name: CurvatureNumber, range: { min: number; max: number }, real = false) =>
  curvatureField(key, label, numberKind(range.min, range.max, !real), name);

/** The slice and curvature fields, in the order they are written. */
export const LANDSCAPE_URL_FIELDS: readonly UrlField<unknown>[] = [
  sliceField('ld', FIELD_LABELS.sliceDirections, enumKind(SLICE_DIRECTION_KINDS), 'directions'),
  runField('centre'),
  runField('runA'),
  runField('runB'),
  runField('origin'),
  field({
    key: 'ldim',
    label: FIELD_LABELS.sliceDims,
    kind: enumKind(['1', '2'] as const),
    ...NETWORK_SETTING,
    get: (e) => (e.slice.dims === 1 ? '1' : '2'),
    set: (e, value) => {
      e.slice.dims = value === '1' ? 1 : 2;
    },
  }),
  ...rangeFields('alpha'),
  ...rangeFields('beta'),
  // The widest bound here; `repairLandscape` applies the plane's tighter one.
  sliceField('lr', FIELD_LABELS.sliceResolution, numberKind(Math.min(lineResolution.min, LANDSCAPE_LIMITS.planeResolution.min), lineResolution.max, true), 'resolution'),
  sliceField('lm', FIELD_LABELS.sliceMetric, enumKind(['loss', 'accuracy'] as const), 'metric'),
  sliceField('lsp', FIELD_LABELS.sliceSplit, enumKind(['train', 'test'] as const), 'split'),
  sliceField('lsd', FIELD_LABELS.sliceSeed, numberKind(seed.min, seed.max, true), 'seed'),
  sliceField('lle', FIELD_LABELS.sliceLiveEvery, numberKind(LANDSCAPE_LIMITS.liveEvery.min, LANDSCAPE_LIMITS.liveEvery.max, true), 'liveEvery'),
  curvatureField('cm', FIELD_LABELS.curvatureMatrix, enumKind(CURVATURE_MATRIX_CHOICES), 'matrix'),
  curvatureNumber('ck', FIELD_LABELS.curvatureK, 'k', k),
  curvatureNumber('cr', FIELD_LABELS.slqRuns, 'slqRuns', slqRuns),
  curvatureNumber('cs', FIELD_LABELS.slqSteps, 'slqSteps', slqSteps),
  curvatureNumber('cw', FIELD_LABELS.smoothing, 'smoothing', smoothing, true),
  curvatureNumber('ct', FIELD_LABELS.traceBudget, 'traceBudget', traceBudget),
  curvatureNumber('ce', FIELD_LABELS.relativeError, 'relativeError', relativeError, true),
  curvatureNumber('cb', FIELD_LABELS.densityBudget, 'densityBudget', densityBudget),
  curvatureField('cx', FIELD_LABELS.spectrumAxis, enumKind(['linear', 'symlog'] as const), 'axis'),
  curvatureNumber('csd', FIELD_LABELS.curvatureSeed, 'seed', seed),
];

/**
 * Settles the rules that span several slice fields, once the link's runs
 * are read, each broken one replaced with a sentence saying so: the
 * resolution within the bounds of the slice's dimension, increasing α and
 * β ranges, run references that name runs of the link (see `sliceForRuns`;
 * a reference the link did not give follows its runs without a word), and
 * two different runs for an interpolation. Runs are named by their labels.
 * @param given the keys the link gave
 */
export function repairLandscape(experiment: Experiment, messages: string[], given: ReadonlySet<string>): void {
  if (!isNetworkExperiment(experiment)) return;
  const slice: SliceSettings = experiment.slice;
  const defaults = defaultSliceSettings();
  const limits = resolutionLimits(slice.dims);
  if (slice.resolution < limits.min || slice.resolution > limits.max) {
    const what = slice.dims === 1 ? 'a line takes' : 'a plane takes';
    messages.push(
      `Ignored the slice resolution ${slice.resolution}: ${what} ${limits.min} to ${limits.max} points per side; using ${limits.default}.`,
    );
    slice.resolution = limits.default;
  }
  for (const axis of ['alpha', 'beta'] as const) {
    const [lo, hi] = slice[axis];
    if (!(hi - lo >= LANDSCAPE_LIMITS.minSpan)) {
      messages.push(`Ignored the slice's ${axis === 'alpha' ? 'α' : 'β'} range [${lo}, ${hi}]: its lower bound must be below its upper bound; using [${defaults[axis].join(', ')}].`);
      slice[axis] = [...defaults[axis]];
    }
  }
  const runIds = experiment.optimizers.map((run) => run.id);
  const labels = runLabels(experiment.optimizers);
  const nameOf = (reference: RunReference) => (reference === INITIAL_PARAMS ? 'the initialisation θ₀' : labels[runIds.indexOf(reference)]);
  const { slice: repaired, replaced } = sliceForRuns(slice, runIds);
  for (const { key, was, now } of replaced) {
    if (!given.has(REFERENCE_KEYS[key])) continue;
    messages.push(`Ignored ${REFERENCE_KEYS[key]}="${quoteForMessage(was)}" (${REFERENCE_LABELS[key]}): the link has no run with this id; using ${nameOf(now)}.`);
  }
  experiment.slice = repaired;
  if (repaired.directions === 'interpolation' && repaired.runA === repaired.runB) {
    messages.push(`Ignored the interpolation from ${nameOf(repaired.runA)} to itself; using random directions.`);
    repaired.directions = 'random';
  }
}

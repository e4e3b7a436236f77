/**
 * The URL fields of the landscape settings (`experiment.slice` and
 * `experiment.curvature`), declared once like the rest of the field table.
 * They mean something only for network problems, so analytic links leave
 * them out. The resolution's bound depends on the slice's dimension, which
 * a per-field check cannot see: `repairLandscape` settles such cross-field
 * rules after every field was read.
 */
import {
  CURVATURE_MATRIX_CHOICES,
  SLICE_DIRECTION_KINDS,
  defaultSliceSettings,
  resolutionLimits,
  type RunReference,
  type SliceSettings,
} from '../../workers/engine/spec/landscapeSettings';
import { LANDSCAPE_LIMITS } from '../../workers/engine/spec/limits';
import type { Experiment } from '../../workers/engine/spec/experiment';
import { enumKind, numberKind, type ValueKind } from './fieldKinds';
import type { UrlField } from './fields';
import { z } from 'zod';

const field = <T>(spec: UrlField<T>): UrlField<T> => spec;

/** Landscape settings apply to every problem that is not an analytic function. */
const isNetwork = (experiment: Experiment): boolean => experiment.problem.kind !== 'analytic';

/** A run id or `init`. */
const runReferenceKind: ValueKind<RunReference> = {
  schema: z.string().regex(/^[a-z0-9]{1,12}$/) as unknown as z.ZodType<RunReference, string>,
  expects: 'a run id (1–12 lower-case letters or digits) or init',
  format: (value) => value,
};

const { coordinate, k, slqRuns, slqSteps, smoothing, traceBudget, seed, lineResolution } = LANDSCAPE_LIMITS;

function runField(key: string, label: string, name: 'centre' | 'runA' | 'runB' | 'origin'): UrlField<RunReference> {
  return field({
    key,
    label,
    kind: runReferenceKind,
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice[name],
    set: (e, value) => {
      e.slice[name] = value;
    },
  });
}

function rangeFields(axis: 'alpha' | 'beta'): UrlField<number>[] {
  const letter = axis === 'alpha' ? 'a' : 'b';
  return ([0, 1] as const).map((end) =>
    field({
      key: `l${letter}${end}`,
      label: `slice ${axis === 'alpha' ? 'α' : 'β'} ${end === 0 ? 'minimum' : 'maximum'}`,
      kind: numberKind(coordinate.min, coordinate.max),
      stage: 'settings',
      applies: isNetwork,
      get: (e) => e.slice[axis][end],
      set: (e, value) => {
        e.slice[axis][end] = value;
      },
    }),
  );
}

type CurvatureNumber = 'k' | 'slqRuns' | 'slqSteps' | 'traceBudget' | 'seed';

function curvatureNumber(key: string, label: string, name: CurvatureNumber, range: { min: number; max: number }): UrlField<number> {
  return field({
    key,
    label,
    kind: numberKind(range.min, range.max, true),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.curvature[name],
    set: (e, value) => {
      e.curvature[name] = value;
    },
  });
}

/** The slice and curvature fields, in the order they are written. */
export const LANDSCAPE_URL_FIELDS: readonly UrlField<unknown>[] = [
  field({
    key: 'ld',
    label: 'slice directions',
    kind: enumKind(SLICE_DIRECTION_KINDS),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice.directions,
    set: (e, value) => {
      e.slice.directions = value;
    },
  }),
  runField('lc', 'slice centre', 'centre'),
  runField('lra', 'interpolation θ_A', 'runA'),
  runField('lrb', 'interpolation θ_B', 'runB'),
  runField('lro', 'interpolation θ_0', 'origin'),
  field({
    key: 'ldim',
    label: 'slice dimensions',
    kind: enumKind(['1', '2'] as const),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => (e.slice.dims === 1 ? '1' : '2'),
    set: (e, value) => {
      e.slice.dims = value === '1' ? 1 : 2;
    },
  }),
  ...rangeFields('alpha'),
  ...rangeFields('beta'),
  field({
    // The widest bound here; `repairLandscape` applies the plane's tighter one.
    key: 'lr',
    label: 'slice resolution',
    kind: numberKind(Math.min(lineResolution.min, LANDSCAPE_LIMITS.planeResolution.min), lineResolution.max, true),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice.resolution,
    set: (e, value) => {
      e.slice.resolution = value;
    },
  }),
  field({
    key: 'lm',
    label: 'slice metric',
    kind: enumKind(['loss', 'accuracy'] as const),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice.metric,
    set: (e, value) => {
      e.slice.metric = value;
    },
  }),
  field({
    key: 'lsp',
    label: 'slice data split',
    kind: enumKind(['train', 'test'] as const),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice.split,
    set: (e, value) => {
      e.slice.split = value;
    },
  }),
  field({
    key: 'lsd',
    label: 'slice seed',
    kind: numberKind(seed.min, seed.max, true),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.slice.seed,
    set: (e, value) => {
      e.slice.seed = value;
    },
  }),
  field({
    key: 'cm',
    label: 'curvature matrix',
    kind: enumKind(CURVATURE_MATRIX_CHOICES),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.curvature.matrix,
    set: (e, value) => {
      e.curvature.matrix = value;
    },
  }),
  curvatureNumber('ck', 'extreme eigenvalues per end', 'k', k),
  curvatureNumber('cr', 'density probes', 'slqRuns', slqRuns),
  curvatureNumber('cs', 'Lanczos steps per probe', 'slqSteps', slqSteps),
  field({
    key: 'cw',
    label: 'density smoothing',
    kind: numberKind(smoothing.min, smoothing.max),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.curvature.smoothing,
    set: (e, value) => {
      e.curvature.smoothing = value;
    },
  }),
  curvatureNumber('ct', 'trace budget', 'traceBudget', traceBudget),
  field({
    key: 'cx',
    label: 'spectrum axis',
    kind: enumKind(['linear', 'symlog'] as const),
    stage: 'settings',
    applies: isNetwork,
    get: (e) => e.curvature.axis,
    set: (e, value) => {
      e.curvature.axis = value;
    },
  }),
  curvatureNumber('csd', 'curvature seed', 'seed', seed),
];

/**
 * Settles the rules that span several slice fields, each broken one
 * replaced by its default with a sentence saying so: the resolution within
 * the bounds of the slice's dimension, increasing α and β ranges, and two
 * different runs for an interpolation.
 */
export function repairLandscape(experiment: Experiment, messages: string[]): void {
  if (!isNetwork(experiment)) return;
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
      messages.push(`Ignored the slice's ${axis} range [${lo}, ${hi}]: its lower bound must be below its upper bound; using [${defaults[axis].join(', ')}].`);
      slice[axis] = [...defaults[axis]];
    }
  }
  if (slice.directions === 'interpolation' && slice.runA === slice.runB) {
    messages.push(`Ignored the interpolation from run "${slice.runA}" to itself; using random directions.`);
    slice.directions = 'random';
  }
}

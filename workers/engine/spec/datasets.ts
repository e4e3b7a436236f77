/**
 * Every data set by name, as the experiment, the URL and the controls see
 * it: what it is, what it predicts, its input width, and the options it
 * takes (defaults and ranges, for the controls and for validation), with
 * the checks that turn a bad value (from a hand-edited URL, say) into a
 * message naming the data set, the option, the allowed range and the value
 * received. The numbers themselves are made by the generators of `data/`,
 * keyed by the same names; the shape of a network's data (task, input and
 * output widths) follows from this table and the options alone, so the page
 * never generates a data set to learn it.
 */
import { DATASET_LIMITS } from './limits';

/** Names of the data sets, as the experiment and the URL spell them. */
export type DatasetName =
  | 'spiral' | 'circles' | 'xor' | 'blobs' | 'moons'
  | 'sine' | 'chebyshev' | 'plane' | 'bump'
  | 'iris';

/** Options as the experiment stores them: any subset, missing ones take their defaults. */
export type DatasetOptions = Readonly<Record<string, number | undefined>>;

/** What the targets mean, and so which loss a network trains with. */
export type DatasetTask = 'regression' | 'binary' | 'multiclass';

/**
 * One numeric option of a generator: its default and the range a control
 * offers, which is also the range accepted (values outside it are rejected).
 */
export interface OptionSpec {
  key: string;
  label: string;
  description: string;
  default: number;
  min: number;
  max: number;
  /** Slider step; integer options have step 1. */
  step: number;
  integer: boolean;
}

/** Thrown when generator options or split settings are out of range. */
export class DatasetOptionError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetOptionError';
  }
}

/** The sample-count option every synthetic generator takes (range: `DATASET_LIMITS.samples`). */
function sampleCountOption(defaultN: number): OptionSpec {
  const { min, max } = DATASET_LIMITS.samples;
  return { key: 'n', label: 'Samples', description: 'number of points generated', default: defaultN, min, max, step: 1, integer: true };
}

function classesOption(defaultClasses: number, max: number, label: string): OptionSpec {
  return { key: 'classes', label, description: 'number of classes', default: defaultClasses, min: 2, max, step: 1, integer: true };
}

function pointNoiseOption(defaultNoise: number, max: number, description = 'std of the Gaussian noise added to each point'): OptionSpec {
  return { key: 'noise', label: 'Noise', description, default: defaultNoise, min: 0, max, step: 0.01, integer: false };
}

function targetNoiseOption(defaultNoise: number): OptionSpec {
  return {
    key: 'noise', label: 'Noise', description: 'std of the Gaussian noise added to each target',
    default: defaultNoise, min: 0, max: 1, step: 0.01, integer: false,
  };
}

/** Defaults and accepted ranges of the spiral options. */
export const SPIRAL_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(400),
  classesOption(2, 6, 'Arms'),
  { key: 'turns', label: 'Turns', description: 'full turns each arm makes', default: 1.5, min: 0.25, max: 3, step: 0.25, integer: false },
  pointNoiseOption(0.05, 0.5),
];

/** Defaults and accepted ranges of the circles options. */
export const CIRCLES_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(400),
  classesOption(2, 5, 'Rings'),
  pointNoiseOption(0.05, 0.5),
];

/** Defaults and accepted ranges of the xor options. */
export const XOR_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(400),
  { key: 'margin', label: 'Margin', description: 'empty band around both axes', default: 0.1, min: 0, max: 0.5, step: 0.01, integer: false },
  pointNoiseOption(0.05, 0.5),
];

/** Defaults and accepted ranges of the blobs options. */
export const BLOBS_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(400),
  classesOption(3, 8, 'Blobs'),
  pointNoiseOption(0.25, 1, 'std of each blob around its centre'),
];

/** Defaults and accepted ranges of the moons options. */
export const MOONS_OPTIONS: readonly OptionSpec[] = [sampleCountOption(400), pointNoiseOption(0.1, 0.5)];

/** Defaults and accepted ranges of the sine options. */
export const SINE_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(200),
  { key: 'frequency', label: 'Frequency', description: 'periods per unit length', default: 1, min: 0.25, max: 5, step: 0.25, integer: false },
  targetNoiseOption(0.1),
];

/** Defaults and accepted ranges of the chebyshev options. */
export const CHEBYSHEV_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(200),
  { key: 'degree', label: 'Degree', description: 'degree k of the polynomial T_k', default: 3, min: 0, max: 12, step: 1, integer: true },
  targetNoiseOption(0.05),
];

/** Defaults and accepted ranges of the plane options. */
export const PLANE_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(200),
  { key: 'slopeX', label: 'Slope x₁', description: 'coefficient of x₁', default: 1, min: -3, max: 3, step: 0.1, integer: false },
  { key: 'slopeY', label: 'Slope x₂', description: 'coefficient of x₂', default: -0.5, min: -3, max: 3, step: 0.1, integer: false },
  targetNoiseOption(0.05),
];

/** Defaults and accepted ranges of the bump options. */
export const BUMP_OPTIONS: readonly OptionSpec[] = [
  sampleCountOption(400),
  { key: 'width', label: 'Width', description: 'std σ of the bump', default: 0.4, min: 0.1, max: 2, step: 0.05, integer: false },
  targetNoiseOption(0.02),
];

/** Iris takes no options: the data are fixed. */
export const IRIS_OPTIONS: readonly OptionSpec[] = [];

/** One row of the data-set table. */
export interface DatasetSpec {
  name: DatasetName;
  label: string;
  description: string;
  /**
   * `classification` data sets have task `binary` when they have two classes
   * and `multiclass` otherwise; `regression` ones have task `regression`.
   */
  task: 'classification' | 'regression';
  inputDim: number;
  /**
   * Classification data sets without a `classes` option: how many classes
   * they always have (null for the others: a regression, or the `classes` option decides).
   */
  fixedClasses: number | null;
  options: readonly OptionSpec[];
  /** Whether the features are standardised on the training split (real data in raw units). */
  standardize: boolean;
}

function synthetic(
  name: DatasetName, label: string, description: string, task: DatasetSpec['task'], inputDim: number,
  options: readonly OptionSpec[], fixedClasses: number | null = null,
): DatasetSpec {
  return { name, label, description, task, inputDim, fixedClasses, options, standardize: false };
}

/** The table of data sets, in the order a menu should list them. */
export const DATASETS: Readonly<Record<DatasetName, DatasetSpec>> = {
  spiral: synthetic('spiral', 'Spiral', 'interleaved spiral arms, one per class', 'classification', 2, SPIRAL_OPTIONS),
  circles: synthetic('circles', 'Circles', 'concentric rings, one per class', 'classification', 2, CIRCLES_OPTIONS),
  xor: synthetic('xor', 'XOR', 'four quadrants, labelled by the XOR of the signs', 'classification', 2, XOR_OPTIONS, 2),
  blobs: synthetic('blobs', 'Gaussian blobs', 'Gaussian clusters on the unit circle', 'classification', 2, BLOBS_OPTIONS),
  moons: synthetic('moons', 'Two moons', 'two interleaving half circles', 'classification', 2, MOONS_OPTIONS, 2),
  sine: synthetic('sine', 'Sine', 'y = sin(2π f x) on [−1, 1]', 'regression', 1, SINE_OPTIONS),
  chebyshev: synthetic('chebyshev', 'Chebyshev T_k', 'y = T_k(x) on [−1, 1]', 'regression', 1, CHEBYSHEV_OPTIONS),
  plane: synthetic('plane', 'Plane', 'y = a x₁ + b x₂ on [−1, 1]²', 'regression', 2, PLANE_OPTIONS),
  bump: synthetic('bump', 'Gaussian bump', 'y = exp(−‖x‖² / 2σ²) on [−1, 1]²', 'regression', 2, BUMP_OPTIONS),
  iris: {
    name: 'iris', label: 'Iris', description: "Fisher's iris flowers: 4 measurements, 3 species",
    task: 'classification', inputDim: 4, fixedClasses: 3, options: IRIS_OPTIONS, standardize: true,
  },
};

/** The data-set names, in menu order. */
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** Whether `name` is a known data set. */
export function isDatasetName(name: string): name is DatasetName {
  return Object.prototype.hasOwnProperty.call(DATASETS, name);
}

/** The row of data set `name`; throws a `DatasetOptionError` listing the known names otherwise. */
export function datasetSpecOf(name: string): DatasetSpec {
  if (!isDatasetName(name)) {
    throw new DatasetOptionError(`unknown data set '${name}' (expected one of: ${DATASET_NAMES.join(', ')})`);
  }
  return DATASETS[name];
}

/**
 * Fills in defaults and checks every value against its spec. Unknown keys
 * are rejected too, since a misspelt option would otherwise be silently
 * replaced by its default.
 *
 * @returns a complete option record, one finite number per spec.
 */
export function resolveOptions(
  datasetName: string,
  specs: readonly OptionSpec[],
  given: Readonly<Record<string, number | undefined>>,
): Record<string, number> {
  const known = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      const expected = specs.length ? specs.map((s) => s.key).join(', ') : 'none';
      throw new DatasetOptionError(
        `${datasetName}: unknown option '${key}' (expected: ${expected})`,
      );
    }
  }
  const resolved: Record<string, number> = {};
  for (const spec of specs) {
    const value = given[spec.key] ?? spec.default;
    checkOption(datasetName, spec, value);
    resolved[spec.key] = value;
  }
  return resolved;
}

/** Throws a `DatasetOptionError` unless `value` is allowed by `spec`. */
export function checkOption(datasetName: string, spec: OptionSpec, value: number): void {
  const kind = spec.integer ? 'an integer' : 'a number';
  const range = `[${spec.min}, ${spec.max}]`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DatasetOptionError(`${datasetName}: ${spec.key} must be ${kind} in ${range}, got ${String(value)}`);
  }
  if (spec.integer && !Number.isInteger(value)) {
    throw new DatasetOptionError(`${datasetName}: ${spec.key} must be an integer in ${range}, got ${value}`);
  }
  if (value < spec.min || value > spec.max) {
    throw new DatasetOptionError(`${datasetName}: ${spec.key} must be ${kind} in ${range}, got ${value}`);
  }
}

/** The shape of a data set's samples, as a network needs it. */
export interface DatasetShape {
  task: DatasetTask;
  inputDim: number;
  /** Network outputs: C for C > 2 classes (one logit each), else 1 (one logit, or the regression value). */
  outputDim: number;
}

/**
 * The task and widths of data set `name` with `options`, from the table
 * alone: a classification with C classes (the `classes` option, or the
 * data set's fixed count) is `binary` with one output when C = 2 and
 * `multiclass` with C outputs otherwise; a regression has one output.
 * Checks the name and the options as the generators do (throws a
 * `DatasetOptionError` naming the fault).
 */
export function datasetShape(name: DatasetName | string, options: DatasetOptions): DatasetShape {
  const spec = datasetSpecOf(name);
  const resolved = resolveOptions(spec.name, spec.options, options);
  if (spec.task === 'regression') return { task: 'regression', inputDim: spec.inputDim, outputDim: 1 };
  const classes = resolved.classes ?? spec.fixedClasses;
  if (classes === undefined || classes === null) throw new Error(`${spec.name}: the table gives no class count`);
  return classes === 2
    ? { task: 'binary', inputDim: spec.inputDim, outputDim: 1 }
    : { task: 'multiclass', inputDim: spec.inputDim, outputDim: classes };
}

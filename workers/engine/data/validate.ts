/**
 * Option checks shared by every data-set generator, so that a bad value
 * (from a hand-edited URL, say) fails at once with a message naming the data
 * set, the option, the allowed range and the value received.
 */

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

/** The sample-count option every synthetic generator takes: n ∈ [4, 5000]. */
export function sampleCountOption(defaultN: number): OptionSpec {
  return {
    key: 'n', label: 'Samples', description: 'number of points generated',
    default: defaultN, min: 4, max: 5000, step: 1, integer: true,
  };
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

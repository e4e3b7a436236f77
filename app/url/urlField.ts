/**
 * The shape of one URL field and the builders of the field tables
 * (`fields.ts`, `networkFields.ts`, `landscapeFields.ts`). Most fields are
 * one property of one part of the experiment, read and written as they
 * are; `propertyField` builds those, so each table row says only its key,
 * label, kind and place.
 */
import type { Experiment } from '../../workers/engine/spec/experiment';
import type { ValueKind } from './fieldKinds';
import type { FieldScope } from './fieldScopes';

/** One URL field: `key=value` in the hash. */
export interface UrlField<T> {
  /** Short key used in the URL. */
  key: string;
  /** What the field means, for messages: its control's label (`FIELD_LABELS`, e.g. "grid columns"). */
  label: string;
  kind: ValueKind<T>;
  /**
   * `problem` fields are read first: they choose the function, whose
   * teaching defaults (window, start, scale) the other fields then override.
   */
  stage: 'problem' | 'settings';
  /** The experiments the field means anything for (e.g. κ only for the quadratic); every one when absent. */
  scope?: FieldScope;
  get(experiment: Experiment): T;
  set(experiment: Experiment, value: T): void;
}

/** A field with its own accessors; `field` keeps the entry's value type tied to them. */
export const field = <T>(spec: UrlField<T>): UrlField<T> => spec;

/** Where a field is read (`stage`) and whom it concerns (`scope`), shared by a table's rows. */
export type FieldPlace = Pick<UrlField<unknown>, 'stage' | 'scope'>;

/** The experiment itself, as the part that holds its top-level fields. */
export const wholeExperiment = (experiment: Experiment): Experiment => experiment;

/**
 * A field that is `part(experiment)[name]`, read and written as it is.
 * @param part the object that holds the property (e.g. the experiment's slice settings)
 */
export function propertyField<P, K extends keyof P>(
  place: FieldPlace,
  key: string,
  label: string,
  kind: ValueKind<P[K]>,
  part: (experiment: Experiment) => P,
  name: K,
): UrlField<P[K]> {
  return {
    key,
    label,
    kind,
    ...place,
    get: (experiment) => part(experiment)[name],
    set: (experiment, value) => {
      part(experiment)[name] = value;
    },
  };
}

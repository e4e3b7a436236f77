/**
 * The kinds of value a URL field can hold, each a zod schema that turns the
 * raw text of the hash into a typed value or rejects it, plus the phrase the
 * "ignored" message uses to say what was expected.
 */
import { z } from 'zod';
import { formatExact, NUMBER_TEXT } from '../ui/format';

/** A parser for one field's raw text, with a description of what it accepts. */
export interface ValueKind<T> {
  schema: z.ZodType<T, string>;
  /** Completes "expected …", e.g. "an integer from 8 to 512". */
  expects: string;
  /** The text written into the URL. */
  format(value: T): string;
}

/** Shortest text that reads back to exactly the same double (and "0" for −0), as links write numbers. */
export const formatNumber = formatExact;

/** A finite number in [min, max]; with `integer`, a whole number. */
export function numberKind(min: number, max: number, integer = false): ValueKind<number> {
  let checked = z.number().finite().min(min).max(max);
  if (integer) checked = checked.int();
  return {
    schema: z.string().regex(NUMBER_TEXT).transform(Number).pipe(checked),
    expects: `${integer ? 'an integer' : 'a number'} from ${formatNumber(min)} to ${formatNumber(max)}`,
    format: formatNumber,
  };
}

/** One of a fixed list of words. */
export function enumKind<T extends string>(values: readonly T[]): ValueKind<T> {
  return {
    schema: z.enum(values as [T, ...T[]]) as unknown as z.ZodType<T, string>,
    expects: `one of ${values.join(', ')}`,
    format: (value) => value,
  };
}

/** `1` for true, `0` for false. */
export const booleanKind: ValueKind<boolean> = {
  schema: z.enum(['0', '1']).transform((text) => text === '1'),
  expects: '0 or 1',
  format: (value) => (value ? '1' : '0'),
};

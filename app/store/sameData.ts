/**
 * Structural equality of plain data (numbers, strings, booleans, null,
 * arrays and plain objects, as the experiment is made of): what the
 * sessions compare the parts of the experiment they react to with, so that
 * an edit that leaves a part's value unchanged (a new object with the same
 * contents) starts nothing.
 */

/**
 * Whether `a` and `b` hold the same data: `Object.is` for primitives (so
 * NaN equals NaN), element-wise for arrays, key-wise for objects (a key
 * whose value is `undefined` counts as absent, as in the URL and in JSON).
 * Typed arrays and other class instances are compared by identity.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameData(a[key], b[key])) return false;
  return true;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

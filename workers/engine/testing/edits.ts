/** Test helper: the errors of a valid default after one edit, as the validation tests break their objects. */

/** `(edit) => validate(value)`, `value` a fresh `make()` with `edit` applied to it. */
export function errorsAfterEdit<T>(make: () => T, validate: (value: T) => string[]): (edit: (value: T) => void) => string[] {
  return (edit) => {
    const value = make();
    edit(value);
    return validate(value);
  };
}

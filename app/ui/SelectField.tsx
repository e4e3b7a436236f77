/** A labelled select of fixed options (value and text per option). */
import { useId, type ReactElement } from 'react';

/** One option: its value and its text. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(value: T): void;
  testId?: string;
  title?: string;
  /** Extra class of the field's box (e.g. "wide"). */
  className?: string;
}

/** A labelled select whose value is one of `options`. */
export function SelectField<T extends string>({ label, value, options, onChange, testId, title, className }: SelectFieldProps<T>): ReactElement {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'} title={title}>
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A labelled number input that keeps the user's text while they type and
 * commits on Enter or when focus leaves. Text that is not a number, or a
 * number the store refuses, is marked invalid (with the reason as a tooltip)
 * instead of being silently changed.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { formatExact, NUMBER_TEXT } from './format';

export interface NumberFieldProps {
  label: string;
  value: number;
  /** Applies the number; returns the reason it was refused, or null when accepted. */
  onCommit(value: number): string | null;
  integer?: boolean;
  /** Extra text after the label, e.g. a symbol. */
  hint?: string;
  testId?: string;
}

/** The number in `text`, or null if it is not a (whole, when `integer`) finite number. */
export function parseNumber(text: string, integer = false): number | null {
  const trimmed = text.trim();
  if (!NUMBER_TEXT.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return null;
  return value;
}

export function NumberField({ label, value, onCommit, integer = false, hint, testId }: NumberFieldProps): ReactElement {
  const id = useId();
  const [text, setText] = useState(formatExact(value));
  const [problem, setProblem] = useState<string | null>(null);

  // A new value from elsewhere (a link, a click on the surface) replaces the text.
  useEffect(() => {
    setText(formatExact(value));
    setProblem(null);
  }, [value]);

  const commit = () => {
    const parsed = parseNumber(text, integer);
    if (parsed === null) {
      setProblem(`"${text}" is not ${integer ? 'a whole number' : 'a number'}`);
      return;
    }
    if (parsed === value) {
      setProblem(null);
      return;
    }
    setProblem(onCommit(parsed));
  };

  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {hint && <span className="hint"> {hint}</span>}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={problem !== null}
        title={problem ?? undefined}
        data-testid={testId}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setText(formatExact(value));
            setProblem(null);
          }
        }}
      />
      {problem && (
        <div className="field-problem" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

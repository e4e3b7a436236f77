/**
 * Every number the app shows or reads, in one place: losses, coordinates,
 * percentages, axis ticks and durations for display, and the text form of
 * a number typed into a field or a link. Display formats round to a number
 * of significant digits, drop trailing zeros, switch to exponent notation
 * for very large and very small magnitudes, and write NaN, ±∞ and missing
 * values as words or symbols instead of failing.
 */

/** Shown where a value is unknown (null or undefined). */
export const MISSING = '—';

/** Significant digits of a live read-out (a run's loss, the hover read-out, a tooltip). */
export const READOUT_DIGITS = 4;

/**
 * A decimal or scientific number as text, without anchors, so that larger
 * patterns can embed it: an optional sign, digits with an optional point (or
 * a point and digits), an optional exponent. No hexadecimal, no "Infinity",
 * no empty string (which `Number` would read as 0).
 */
export const NUMBER_SOURCE = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';

/** {@link NUMBER_SOURCE} as the whole of a text. */
export const NUMBER_TEXT = new RegExp(`^${NUMBER_SOURCE}$`);

/** How a finite, non-zero number is written. */
interface Notation {
  /** Significant digits d: the value is rounded to d digits. */
  digits: number;
  /** Magnitudes in [plainFrom, plainBelow) are written plainly ("0.0123", "1230"), others as m·10^e. */
  plainFrom: number;
  plainBelow: number;
  /** Whether a non-negative exponent carries its sign: "1e+6" rather than "1e6". */
  signedExponent: boolean;
}

/** m·10^e with m rounded to `digits` significant digits and trailing zeros dropped: "1.23e5", "-4.6e-4". */
function exponentForm(value: number, { digits, signedExponent }: Notation): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = Number(exponent);
  return `${String(Number(mantissa))}e${signedExponent && power >= 0 ? '+' : ''}${power}`;
}

/**
 * `value` in `notation`; NaN → "NaN", ±∞ → "∞" / "−∞", null and undefined → {@link MISSING},
 * 0 (and −0) → "0".
 */
function formatIn(value: number | null | undefined, notation: Notation): string {
  if (value === null || value === undefined) return MISSING;
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= notation.plainBelow || magnitude < notation.plainFrom) return exponentForm(value, notation);
  // Rounding can carry past the upper bound (99999.5 → 1.000e5): write that one as an exponent too.
  const rounded = Number(value.toPrecision(notation.digits));
  return Math.abs(rounded) >= notation.plainBelow ? exponentForm(rounded, notation) : String(rounded);
}

/**
 * `value` rounded to `digits` significant digits (default 4), trailing zeros
 * dropped: 3.14159 → "3.142", 2.5 → "2.5". Magnitudes ≥ 1e5 or < 1e-3 use
 * exponent notation ("1.235e-5"); NaN prints "NaN", ±∞ "∞"/"−∞", null "—".
 */
export function formatSignificant(value: number | null | undefined, digits = 4): string {
  return formatIn(value, { digits, plainFrom: 1e-3, plainBelow: 1e5, signedExponent: false });
}

/**
 * A loss (or any quantity on a loss's scale: a curvature, a ratio) for
 * display: {@link formatSignificant} with `digits` significant digits
 * (default 3, {@link READOUT_DIGITS} for live read-outs). At every magnitude
 * it stays short and exact to its digits: 0 → "0", 1e-12 → "1e-12",
 * 3.2 → "3.2", 1e12 → "1e12", −3.2 → "-3.2", NaN → "NaN", ∞ → "∞", null → "—".
 * The minus is ASCII, so a read-out reads back with `Number`.
 */
export function formatLoss(value: number | null | undefined, digits = 3): string {
  return formatSignificant(value, digits);
}

/** A plane coordinate: {@link formatSignificant} with `digits` significant digits (default 4): −0.5 → "-0.5". */
export function formatCoordinate(value: number, digits = READOUT_DIGITS): string {
  return formatSignificant(value, digits);
}

/** A fraction f as a percentage 100·f with `digits` significant digits (default 3): 0.1234 → "12.3%"; null → "—". */
export function formatPercent(fraction: number | null | undefined, digits = 3): string {
  if (fraction === null || fraction === undefined) return MISSING;
  if (!Number.isFinite(fraction)) return formatSignificant(fraction);
  return `${formatSignificant(100 * fraction, digits)}%`;
}

/**
 * A short axis label for `value`: up to `digits` (default 3) significant
 * digits, and exponent notation as "1e+6" / "2.5e-3" outside [0.01, 10 000),
 * so labels stay narrow whatever the range of the axis.
 */
export function formatTick(value: number, digits = 3): string {
  return formatIn(value, { digits, plainFrom: 1e-2, plainBelow: 1e4, signedExponent: true });
}

/** Most significant digits a tick label is given to tell it from its neighbours (a double holds about 16). */
const MOST_TICK_DIGITS = 15;

/**
 * Labels for a row of axis ticks in order: {@link formatTick} with the fewest
 * digits d ≥ `digits` (default 3) at which no two neighbouring ticks read the
 * same (ticks 1e12 and 1e12 + 0.5 need 14 digits), so a label never repeats
 * along an axis. Missing ticks (a log axis leaves some unlabelled) stay "".
 */
export function tickLabels(ticks: readonly (number | null | undefined)[], digits = 3): string[] {
  const label = (d: number) => ticks.map((tick) => (tick === null || tick === undefined ? '' : formatTick(tick, d)));
  let labels = label(digits);
  for (let d = digits + 1; d <= MOST_TICK_DIGITS && hasRepeatedNeighbour(ticks, labels); d++) labels = label(d);
  return labels;
}

/** Whether two neighbouring ticks with different values have the same label (gaps skipped). */
function hasRepeatedNeighbour(ticks: readonly (number | null | undefined)[], labels: readonly string[]): boolean {
  let previous = -1;
  for (let k = 0; k < ticks.length; k++) {
    if (labels[k] === '') continue;
    if (previous >= 0 && labels[k] === labels[previous] && ticks[k] !== ticks[previous]) return true;
    previous = k;
  }
  return false;
}

/** `text` with each ASCII hyphen-minus replaced by the minus sign U+2212, for numbers set in prose and captions. */
export function typographicMinus(text: string): string {
  return text.replaceAll('-', '−');
}

/** Shortest text that reads back to exactly `value` (and "0" for −0): the form written into fields and links. */
export function formatExact(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * A duration for a time estimate: "< 1 s", whole seconds below 90 s, whole
 * minutes below 90 min, hours with one decimal beyond.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return MISSING;
  if (seconds < 1) return '< 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** A predicted time in words: "under 1 s", else "about " + {@link formatDuration} ("about 4 s", "about 3 min"). */
export function formatEstimate(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return MISSING;
  return seconds < 1 ? 'under 1 s' : `about ${formatDuration(seconds)}`;
}

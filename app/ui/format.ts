/**
 * Number formatting for the network-mode read-outs: a fixed number of
 * significant digits, exponent notation for very large and very small
 * magnitudes, and a dash for values that were not computed.
 */

/** Shown where a value is unknown (null or undefined). */
export const MISSING = '—';

/**
 * `value` rounded to `digits` significant digits (default 4), trailing zeros
 * dropped: 3.14159 → "3.142", 2.5 → "2.5". Magnitudes ≥ 1e5 or < 1e-3 use
 * exponent notation ("1.235e-5"); NaN prints "NaN", ±∞ "∞"/"−∞", null "—".
 */
export function formatSignificant(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return MISSING;
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${String(Number(mantissa))}e${Number(exponent)}`;
  }
  // toPrecision can itself switch to exponent form near 1e5 after rounding (99999.5 → "1.000e+5").
  const rounded = Number(value.toPrecision(digits));
  return Math.abs(rounded) >= 1e5 ? formatSignificant(rounded, digits) : String(rounded);
}

/** A fraction f as a percentage 100·f with `digits` significant digits (default 3): 0.1234 → "12.3%"; null → "—". */
export function formatPercent(fraction: number | null | undefined, digits = 3): string {
  if (fraction === null || fraction === undefined) return MISSING;
  if (!Number.isFinite(fraction)) return formatSignificant(fraction);
  return `${formatSignificant(100 * fraction, digits)}%`;
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

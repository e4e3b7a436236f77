import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatSignificant, MISSING } from './format';

describe('formatSignificant', () => {
  it('rounds to four significant digits and drops trailing zeros', () => {
    expect(formatSignificant(3.14159)).toBe('3.142');
    expect(formatSignificant(1234.56)).toBe('1235');
    expect(formatSignificant(-0.5)).toBe('-0.5');
    expect(formatSignificant(2)).toBe('2');
    expect(formatSignificant(0.001)).toBe('0.001');
  });

  it('switches to exponent notation outside [1e-3, 1e5), also when rounding reaches 1e5', () => {
    expect(formatSignificant(123456)).toBe('1.235e5');
    expect(formatSignificant(-0.000012346)).toBe('-1.235e-5');
    expect(formatSignificant(99999.9)).toBe('1e5');
  });

  it('honours the digit count', () => {
    expect(formatSignificant(3.14159, 2)).toBe('3.1');
    expect(formatSignificant(0.0004567, 2)).toBe('4.6e-4');
  });

  it('marks missing and non-finite values', () => {
    expect(formatSignificant(null)).toBe(MISSING);
    expect(formatSignificant(undefined)).toBe(MISSING);
    expect(formatSignificant(NaN)).toBe('NaN');
    expect(formatSignificant(Infinity)).toBe('∞');
    expect(formatSignificant(-Infinity)).toBe('−∞');
    expect(formatSignificant(0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('shows 100·f with three significant digits', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.042, 2)).toBe('4.2%');
    expect(formatPercent(null)).toBe(MISSING);
  });
});

describe('formatDuration', () => {
  it('chooses seconds, minutes or hours by size', () => {
    expect(formatDuration(0.3)).toBe('< 1 s');
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(7200)).toBe('2.0 h');
    expect(formatDuration(NaN)).toBe(MISSING);
  });
});

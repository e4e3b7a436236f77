import { describe, expect, it } from 'vitest';
import {
  formatCoordinate,
  formatDuration,
  formatEstimate,
  formatExact,
  formatLoss,
  formatPercent,
  formatSignificant,
  formatTick,
  MISSING,
  NUMBER_SOURCE,
  NUMBER_TEXT,
  READOUT_DIGITS,
  tickLabels,
  typographicMinus,
} from './format';

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

describe('formatLoss', () => {
  it('prints three significant digits and switches to exponents for extremes', () => {
    expect(formatLoss(0.5)).toBe('0.5');
    expect(formatLoss(1234.5)).toBe('1230');
    expect(formatLoss(0.012345)).toBe('0.0123');
    expect(formatLoss(-2)).toBe('-2');
    expect(formatLoss(123456)).toBe('1.23e5');
    expect(formatLoss(0.00001)).toBe('1e-5');
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(NaN)).toBe('NaN');
    expect(formatLoss(Infinity)).toBe('∞');
  });

  it('shows a read-out loss short and exact to its digits at every magnitude', () => {
    const readout = (loss: number | null) => formatLoss(loss, READOUT_DIGITS);
    expect(readout(0)).toBe('0');
    expect(readout(-0)).toBe('0');
    expect(readout(1e-12)).toBe('1e-12');
    expect(readout(1.7103403343899528e-36)).toBe('1.71e-36');
    expect(readout(3.2)).toBe('3.2');
    expect(readout(4.0914)).toBe('4.091');
    expect(readout(1e12)).toBe('1e12');
    expect(readout(-7.6971e11)).toBe('-7.697e11');
    expect(readout(-88.284)).toBe('-88.28');
    expect(readout(NaN)).toBe('NaN');
    expect(readout(Infinity)).toBe('∞');
    expect(readout(-Infinity)).toBe('−∞');
    expect(readout(null)).toBe(MISSING);
    // What a card shows reads back as the number it rounds (the ASCII minus included).
    for (const loss of [1e-12, 3.2, 1e12, -7.6971e11, 0.000123456]) {
      expect(Number(readout(loss))).toBeCloseTo(loss, -Math.floor(Math.log10(Math.abs(loss))) + 2);
    }
  });
});

describe('formatCoordinate', () => {
  it('prints plane coordinates with four significant digits', () => {
    expect(formatCoordinate(-0.5)).toBe('-0.5');
    expect(formatCoordinate(2.25)).toBe('2.25');
    expect(formatCoordinate(-1.23456)).toBe('-1.235');
    expect(formatCoordinate(0.12345, 3)).toBe('0.123');
    expect(formatCoordinate(2.457e6)).toBe('2.457e6');
  });
});

describe('typographicMinus', () => {
  it('sets minus signs for prose and leaves the rest', () => {
    expect(typographicMinus(formatCoordinate(-0.25, 3))).toBe('−0.25');
    expect(typographicMinus(formatLoss(-1.5e-7))).toBe('−1.5e−7');
    expect(typographicMinus('0.5')).toBe('0.5');
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

describe('formatTick', () => {
  it('writes ordinary numbers with at most 3 significant digits', () => {
    expect(formatTick(12.3456)).toBe('12.3');
    expect(formatTick(0.05)).toBe('0.05');
    expect(formatTick(2500)).toBe('2500');
    expect(formatTick(1234.5)).toBe('1230');
    expect(formatTick(-3)).toBe('-3');
    expect(formatTick(0)).toBe('0');
  });

  it('switches to powers of ten for very large and very small magnitudes', () => {
    expect(formatTick(1e6)).toBe('1e+6');
    expect(formatTick(2.5e-3)).toBe('2.5e-3');
    expect(formatTick(-1.234e10)).toBe('-1.23e+10');
    expect(formatTick(10_000)).toBe('1e+4');
  });

  it('keeps a value that rounds up to 10 000 in exponent form, and names the non-finite', () => {
    expect(formatTick(9999.6)).toBe('1e+4');
    expect(formatTick(-1e12)).toBe('-1e+12');
    expect(formatTick(NaN)).toBe('NaN');
    expect(formatTick(-Infinity)).toBe('−∞');
  });
});

describe('tickLabels', () => {
  it('labels ordinary ticks as formatTick does and leaves missing ticks empty', () => {
    expect(tickLabels([0, 0.5, 1, 1.5])).toEqual(['0', '0.5', '1', '1.5']);
    expect(tickLabels([1, null, 10, undefined, 100])).toEqual(['1', '', '10', '', '100']);
    expect(tickLabels([-1e12, -5e11, 0])).toEqual(['-1e+12', '-5e+11', '0']);
  });

  it('adds digits until neighbouring ticks read apart, on every range', () => {
    expect(tickLabels([1e12, 1e12 + 0.5, 1e12 + 1])).toEqual(['1e+12', '1.0000000000005e+12', '1.000000000001e+12']);
    expect(tickLabels([1.001, 1.002, 1.003])).toEqual(['1.001', '1.002', '1.003']);
    const ranges: Array<[number, number, number]> = [
      [1e-12, 1e-12, 6], // [1e-12, 7e-12]
      [-1e12, 2e11, 6],
      [5000, 0.2, 6],
      [-3, 1e-9, 5],
      [1e300, 1e297, 4],
    ];
    for (const [start, step, count] of ranges) {
      const ticks = Array.from({ length: count }, (_, k) => start + k * step);
      const labels = tickLabels(ticks);
      expect(new Set(labels).size).toBe(labels.length);
      // Every label reads back in order.
      const values = labels.map(Number);
      for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThan(values[k - 1]);
    }
  });
});

describe('NUMBER_TEXT', () => {
  it('accepts decimal and scientific notation only', () => {
    for (const text of ['0', '-1.5', '+2', '.5', '5.', '1e-8', '2.5E+3']) expect(NUMBER_TEXT.test(text)).toBe(true);
    for (const text of ['', ' 1', '0x10', 'Infinity', 'NaN', '1e', '--1', '1,5', '.']) expect(NUMBER_TEXT.test(text)).toBe(false);
  });

  it('embeds in larger patterns', () => {
    const pair = new RegExp(`^(${NUMBER_SOURCE}):(${NUMBER_SOURCE})$`);
    expect('lr:0.1'.match(pair)).toBeNull();
    expect('1e-3:-2'.match(pair)?.slice(1)).toEqual(['1e-3', '-2']);
  });
});

describe('formatExact', () => {
  it('writes the shortest text that reads back exactly', () => {
    for (const value of [0.1, 1 / 3, -2.5e-8, 1e21, 123456789]) expect(Number(formatExact(value))).toBe(value);
    expect(formatExact(-0)).toBe('0');
    expect(formatExact(0.1)).toBe('0.1');
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

describe('formatEstimate', () => {
  it('rounds to seconds below a minute and a half, to minutes above', () => {
    expect(formatEstimate(0.2)).toBe('under 1 s');
    expect(formatEstimate(3.6)).toBe('about 4 s');
    expect(formatEstimate(89)).toBe('about 89 s');
    expect(formatEstimate(150)).toBe('about 3 min');
  });

  it('goes on to hours, and shows a dash for no estimate', () => {
    expect(formatEstimate(7200)).toBe('about 2.0 h');
    expect(formatEstimate(NaN)).toBe(MISSING);
  });
});

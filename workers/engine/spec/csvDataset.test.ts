import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, CsvDatasetError, parseCsvDataset } from './csvDataset';

/** `n` rows of `row(i)`, one a line. */
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('parseCsvDataset', () => {
  it('reads a header, two features and text labels as a classification with sorted class names', () => {
    const text = `width,height,species\n${rows(12, (i) => `${i},${i / 2},${['setosa', 'virginica', 'versicolor'][i % 3]}`)}\n`;
    const data = parseCsvDataset(text);
    expect(data.columns).toEqual(['width', 'height', 'species']);
    expect(data.n).toBe(12);
    expect(data.x.slice(0, 6)).toEqual([0, 0, 1, 0.5, 2, 1]);
    expect(data.task).toBe('multiclass');
    expect(data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(data.y.slice(0, 3)).toEqual([0, 2, 1]);
  });

  it('reads a file without a header; 0/1 labels make a binary task, real targets a regression', () => {
    const binary = parseCsvDataset(rows(10, (i) => `${i}.5,-${i}e-1,${i % 2}`));
    expect(binary.columns).toEqual(['x1', 'x2', 'y']);
    expect(binary.task).toBe('binary');
    expect(binary.classNames).toEqual(['0', '1']);
    expect(binary.x.slice(0, 4)).toEqual([0.5, -0, 1.5, -0.1]);
    const regression = parseCsvDataset(rows(10, (i) => `${i},${i},${Math.sin(i)}`));
    expect(regression.task).toBe('regression');
    expect(regression.classNames).toBeNull();
    expect(regression.y[3]).toBe(Number(String(Math.sin(3))));
  });

  it('tells numeric labels apart by value: 1, 1.0 and 01 are one class', () => {
    const data = parseCsvDataset(rows(12, (i) => `${i},${i},${['1', '1.0', '01', '2'][i % 4]}`));
    expect(data.task).toBe('binary');
    expect(data.classNames).toEqual(['1', '2']);
    expect(data.y.slice(0, 4)).toEqual([0, 0, 0, 1]);
  });

  it('accepts CRLF line ends, a byte-order mark, quoted cells and blank lines', () => {
    const data = parseCsvDataset(`\uFEFF"a","b","label"\r\n${rows(10, (i) => `"${i}", ${i} ,"class ""${i % 2}"""`).replace(/\n/g, '\r\n\r\n')}`);
    expect(data.n).toBe(10);
    expect(data.classNames).toEqual(['class "0"', 'class "1"']);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '\n\n', /the file is empty/],
    ['a row with two columns', `${rows(10, (i) => `${i},${i},0`)}\n1,2`, /line 11: expected 3 columns \(two features and a label or target\), found 2/],
    ['a row with four columns', `x,y,z\n1,2,0,9\n${rows(10, (i) => `${i},${i},1`)}`, /line 2: expected 3 columns .*found 4/],
    ['text in a feature column', `a,b,c\n${rows(10, (i) => `${i},${i},1`)}\n3,abc,0`, /line 12, column 2 \(b\): "abc" is not a number/],
    ['NaN in a feature column', `${rows(10, (i) => `${i},${i},1`)}\nNaN,1,0`, /line 11, column 1 \(x1\): "NaN" is not a number/],
    ['Infinity in a feature column', `${rows(10, (i) => `${i},${i},1`)}\n1,Infinity,0`, /line 11, column 2 \(x2\): "Infinity" is not a number/],
    ['a number beyond float64', `${rows(10, (i) => `${i},${i},1`)}\n1e999,1,0`, /line 11, column 1 \(x1\): "1e999" is too large/],
    ['NaN among real targets', `${rows(10, (i) => `${i},${i},${i / 3}`)}\n1,1,NaN`, /line 11, column 3 \(y\): "NaN" is not a label or a finite target/],
    ['an empty label', `${rows(10, (i) => `${i},${i},a${i % 2}`)}\n1,1,`, /line 11, column 3 \(y\): the label is empty/],
    ['too many rows', rows(CSV_LIMITS.maxRows + 1, (i) => `${i},${i},${i % 2}`), /5,001 rows of data, more than the 5,000/],
    ['too few rows', rows(3, (i) => `${i},${i},${i % 2}`), /3 rows of data; a data set needs at least 10/],
    ['too many classes', rows(20, (i) => `${i},${i},c${i}`), /has 20 different labels; a data set may have at most 10 classes/],
    ['one class', rows(10, (i) => `${i},${i},same`), /has one label only/],
    ['an unclosed quote', `"1,2,3\n${rows(10, (i) => `${i},${i},1`)}`, /line 1: a quoted cell is not closed/],
    ['markup as a label', `${rows(10, (i) => `${i},${i},a`)}\n1,1,<script>${'x'.repeat(50)}</script>`, /a label may have at most 40 characters/],
    ['an absurd size', 'x'.repeat(CSV_LIMITS.maxBytes + 1), /more than the 2,097,152 a data set may hold/],
  ];

  it.each(bad)('refuses %s with a message naming the place, and returns nothing', (_, text, message) => {
    let thrown: unknown = null;
    let result: unknown = 'unset';
    try {
      result = parseCsvDataset(text);
    } catch (error) {
      thrown = error;
    }
    expect(result).toBe('unset');
    expect(thrown).toBeInstanceOf(CsvDatasetError);
    expect((thrown as Error).message).toMatch(message);
  });
});

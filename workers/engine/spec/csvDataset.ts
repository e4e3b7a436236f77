/**
 * A data set of the user's own, from CSV text: two numeric feature columns
 * x₁, x₂ and a third column, the label or target, with an optional header.
 * The last column decides the task: text labels, or whole numbers with
 * at most {@link CSV_LIMITS.maxClasses} distinct values, make a
 * classification (binary for two classes, multiclass beyond); any other
 * numbers make a regression. The features are kept raw: like iris they are
 * standardised with μ and σ fitted on the training split alone, after the
 * split (workers/engine/data/standardize.ts).
 *
 * Reading is all or nothing: the first bad row (a wrong number of columns,
 * text in a numeric column, NaN or ±∞, too many rows) throws a
 * {@link CsvDatasetError} naming the line and what was wrong, and no data
 * set is returned.
 */

/** Limits of an uploaded data set. */
export const CSV_LIMITS = {
  /** Rows of data at most (the synthetic generators' maximum sample count is of the same order). */
  maxRows: 5000,
  /** Rows at least, so that a train/test split leaves points on both sides. */
  minRows: 10,
  maxClasses: 10,
  /** Bytes of text read at all. */
  maxBytes: 2 * 1024 * 1024,
  /** Characters of one class label. */
  maxLabelLength: 40,
} as const;

/** Thrown for a file that is not a valid data set; the message names the line. */
export class CsvDatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvDatasetError';
  }
}

/** A data set read from CSV: raw features, row-major (n × 2), and targets. */
export interface CsvDataset {
  /** The header's column names, or x1, x2, y without a header. */
  columns: [string, string, string];
  n: number;
  /** x[2i], x[2i + 1]: the two features of row i, as written. */
  x: number[];
  task: 'regression' | 'binary' | 'multiclass';
  /** Regression: the targets; classification: class indices 0 … K − 1. */
  y: number[];
  /** Classification: the label of each class index (sorted); null for regression. */
  classNames: string[] | null;
}

/** A number as CSV files write them: optional sign, digits with an optional point, optional exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The cells of one line: comma-separated, with optional double quotes ("" inside for a quote). */
function cellsOf(line: string, lineNumber: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const char = line[k];
    if (quoted) {
      if (char === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  if (quoted) throw new CsvDatasetError(`line ${lineNumber}: a quoted cell is not closed`);
  cells.push(cell.trim());
  return cells;
}

/** Quotes a cell for a message, shortened. */
const show = (text: string): string => `"${text.length > 30 ? `${text.slice(0, 30)}…` : text}"`;

/** Reads a data set from CSV text (see the module comment); throws a {@link CsvDatasetError} otherwise. */
export function parseCsvDataset(text: string): CsvDataset {
  if (text.length > CSV_LIMITS.maxBytes) {
    throw new CsvDatasetError(`the file has ${text.length.toLocaleString('en')} characters, more than the ${CSV_LIMITS.maxBytes.toLocaleString('en')} a data set may hold`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: { cells: string[]; line: number }[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') rows.push({ cells: cellsOf(line, index + 1), line: index + 1 });
  });
  if (rows.length === 0) throw new CsvDatasetError('the file is empty');
  for (const row of rows) {
    if (row.cells.length !== 3) {
      throw new CsvDatasetError(`line ${row.line}: expected 3 columns (two features and a label or target), found ${row.cells.length}`);
    }
  }
  // A first row whose features are not both numbers is a header.
  const first = rows[0].cells;
  const hasHeader = !(NUMBER.test(first[0]) && NUMBER.test(first[1]));
  const columns = (hasHeader ? first.map((name) => name.slice(0, 40)) : ['x1', 'x2', 'y']) as [string, string, string];
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length > CSV_LIMITS.maxRows) {
    throw new CsvDatasetError(`the file has ${data.length.toLocaleString('en')} rows of data, more than the ${CSV_LIMITS.maxRows.toLocaleString('en')} a data set may hold`);
  }
  if (data.length < CSV_LIMITS.minRows) {
    throw new CsvDatasetError(`the file has ${data.length} rows of data; a data set needs at least ${CSV_LIMITS.minRows}`);
  }

  const x: number[] = [];
  for (const row of data) {
    for (const k of [0, 1]) {
      const cell = row.cells[k];
      if (!NUMBER.test(cell)) {
        throw new CsvDatasetError(`line ${row.line}, column ${k + 1} (${columns[k]}): ${show(cell)} is not a number`);
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) throw new CsvDatasetError(`line ${row.line}, column ${k + 1} (${columns[k]}): ${show(cell)} is too large`);
      x.push(value);
    }
  }

  const cells = data.map((row) => row.cells[2]);
  const numeric = cells.every((label) => NUMBER.test(label) && Number.isFinite(Number(label)));
  // Numeric labels are told apart by value, so 1, 1.0 and 01 are one class, named 1.
  const labels = numeric ? cells.map((label) => String(Number(label))) : cells;
  const distinct = [...new Set(labels)];
  const wholeNumbers = numeric && labels.every((label) => Number.isInteger(Number(label)));
  const classification = !numeric || (wholeNumbers && distinct.length <= CSV_LIMITS.maxClasses);
  const base = { columns, n: data.length, x };
  if (!classification) return { ...base, task: 'regression', y: labels.map(Number), classNames: null };

  for (const [index, label] of labels.entries()) {
    if (label === '') throw new CsvDatasetError(`line ${data[index].line}, column 3 (${columns[2]}): the label is empty`);
    if (/^(nan|[+-]?inf(inity)?)$/i.test(label)) throw new CsvDatasetError(`line ${data[index].line}, column 3 (${columns[2]}): ${show(label)} is not a label or a finite target`);
    if (label.length > CSV_LIMITS.maxLabelLength) throw new CsvDatasetError(`line ${data[index].line}, column 3 (${columns[2]}): a label may have at most ${CSV_LIMITS.maxLabelLength} characters`);
  }
  if (distinct.length > CSV_LIMITS.maxClasses) {
    throw new CsvDatasetError(`column 3 (${columns[2]}) has ${distinct.length} different labels; a data set may have at most ${CSV_LIMITS.maxClasses} classes (numbers that are not whole make a regression)`);
  }
  if (distinct.length < 2) throw new CsvDatasetError(`column 3 (${columns[2]}) has one label only; a classification needs at least two classes`);
  const classNames = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
  const index = new Map(classNames.map((name, k) => [name, k]));
  return { ...base, task: classNames.length === 2 ? 'binary' : 'multiclass', y: labels.map((label) => index.get(label)!), classNames };
}

/**
 * Small CSV data sets for tests (not part of the app): two features in raw
 * units far from 0 and 1, so standardisation shows, and a label or target.
 */
import { parseCsvDataset } from '../spec/csvDataset';
import { uploadedDataFromCsv, type UploadedData } from '../spec/uploadedData';

/** `rows` rows of 3 classes a, b, c, with a header; x₁ around 100, x₂ around −5 (deterministic). */
export function threeClassCsv(rows = 30): string {
  const lines = ['length,width,kind'];
  for (let i = 0; i < rows; i++) lines.push(`${100 + ((i * 7) % 13)},${-5 + ((i * 3) % 5) / 10},${'abc'[i % 3]}`);
  return `${lines.join('\n')}\n`;
}

/** `rows` rows without a header whose target t = x₁ − 2x₂ + 0.5 is real, so a regression. */
export function regressionCsv(rows = 20): string {
  return Array.from({ length: rows }, (_, i) => `${i * 10},${(i % 4) * 0.25},${i * 10 - 2 * (i % 4) * 0.25 + 0.5}`).join('\n');
}

/** The uploaded data of `text` from a file called `name`. */
export const uploadOf = (text: string, name = 'data.csv'): UploadedData => uploadedDataFromCsv(parseCsvDataset(text), name);

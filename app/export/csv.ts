/**
 * The results document's tables as CSV (RFC 4180: a header row, comma
 * separated, fields with commas, quotes or line breaks quoted; lines end
 * in "\n"). Numbers are written as the shortest text that reads back to
 * the same double; a missing or non-finite value is an empty field.
 *
 * - surface.csv: one row per grid point, in the grid's order (j·nx + i):
 *   x, y, value (α, β, loss for a slice);
 * - line.csv: a 1-D slice, one row per α;
 * - trajectories.csv: each run's path, one row per point (analytic: x, y, f;
 *   network: the projection onto the plane);
 * - curves.csv: each run's series, one row per step that has any;
 * - spectrum.csv and eigenvalues.csv: the curvature report's densities
 *   and, when computed, every eigenvalue.
 */
import type { AnalyticRunResults, NetworkRunResults, ResultsDocument, Value } from './results';

/** One file to write: its name and its text. */
export interface ExportFile {
  name: string;
  text: string;
}

/** The files of a fixed list of names that have a text (null: the results have nothing for that file), in the list's order. */
export function existingFiles(files: readonly (readonly [name: string, text: string | null])[]): ExportFile[] {
  return files.flatMap(([name, text]) => (text === null ? [] : [{ name, text }]));
}

/** A field of a CSV row: numbers as their shortest exact text, null as empty, text quoted when it must be. */
function field(value: Value | string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text of a header and rows. */
export function csvText(header: readonly string[], rows: readonly (readonly (Value | string | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** The surface as x, y, value rows in the grid's order (index j·nx + i), or null without one. */
export function surfaceCsv(results: Pick<ResultsDocument, 'surface'>): string | null {
  const surface = results.surface;
  if (surface === null) return null;
  const rows: Value[][] = [];
  for (let j = 0; j < surface.ny; j++) {
    for (let i = 0; i < surface.nx; i++) rows.push([surface.x.values[i], surface.y.values[j], surface.values[j * surface.nx + i]]);
  }
  return csvText([columnName(surface.x.name), columnName(surface.y.name), surface.quantity], rows);
}

/** A column name in plain ASCII (α → alpha, β → beta). */
function columnName(name: string): string {
  return name === 'α' ? 'alpha' : name === 'β' ? 'beta' : name;
}

/** A 1-D slice: α and every profile, or null without one. */
export function lineCsv(results: ResultsDocument): string | null {
  const line = results.line;
  if (line === null) return null;
  const rows = line.alphas.map((alpha, k) => [alpha, line.trainLoss[k], line.testLoss?.[k] ?? null, line.trainAccuracy?.[k] ?? null, line.testAccuracy?.[k] ?? null]);
  return csvText(['alpha', 'train_loss', 'test_loss', 'train_accuracy', 'test_accuracy'], rows);
}

const isAnalytic = (run: ResultsDocument['runs'][number]): run is AnalyticRunResults => run.kind === 'analytic';
const isNetwork = (run: ResultsDocument['runs'][number]): run is NetworkRunResults => run.kind === 'network';

/** Each run's points: analytic (x, y, f) for every step; network, the projection of each snapshot onto the plane. Null when there is none. */
export function trajectoriesCsv(results: ResultsDocument): string | null {
  const analytic = results.runs.filter(isAnalytic);
  if (analytic.length > 0) {
    const rows = analytic.flatMap((run) => run.path.map(([x, y], t) => [run.id, t, x, y, run.losses[t]]));
    return csvText(['run', 'step', 'x', 'y', 'f'], rows);
  }
  const projected = results.runs.filter(isNetwork).filter((run) => run.projection !== null);
  if (projected.length === 0) return null;
  const rows = projected.flatMap((run) => {
    const p = run.projection!;
    return p.steps.map((step, k) => [run.id, step, p.alpha[k], p.beta[k], p.trueValues[k], p.surfaceValues[k]]);
  });
  return csvText(['run', 'step', 'alpha', 'beta', 'true_value', 'surface_value'], rows);
}

/** Each run's series by step: analytic f and ‖∇f‖; network the minibatch loss, the evaluations and the sharpness. */
export function curvesCsv(results: ResultsDocument): string {
  const analytic = results.runs.filter(isAnalytic);
  if (analytic.length > 0) {
    return csvText(['run', 'step', 'f', 'grad_norm'], analytic.flatMap((run) => run.losses.map((loss, t) => [run.id, t, loss, run.gradNorms[t]])));
  }
  const header = ['run', 'step', 'batch_loss', 'train_loss', 'test_loss', 'train_accuracy', 'test_accuracy', 'lambda_max', 'lambda_min'];
  const rows: (Value | string)[][] = [];
  for (const run of results.runs.filter(isNetwork)) {
    const byStep = new Map<number, (Value | string)[]>();
    const row = (step: number) => {
      let found = byStep.get(step);
      if (found === undefined) {
        found = [run.id, step, null, null, null, null, null, null, null];
        byStep.set(step, found);
      }
      return found;
    };
    run.batchLosses.forEach((loss, k) => (row(k + 1)[2] = loss));
    const e = run.evaluations;
    e.steps.forEach((step, k) => row(step).splice(3, 4, e.trainLoss[k], e.testLoss[k], e.trainAccuracy[k], e.testAccuracy[k]));
    const s = run.sharpness;
    s?.steps.forEach((step, k) => row(step).splice(7, 2, s.lambdaMax[k], s.lambdaMin[k]));
    rows.push(...[...byStep.entries()].sort((a, b) => a[0] - b[0]).map(([, values]) => values));
  }
  return csvText(header, rows);
}

/** The spectral densities of the curvature report on their linear grids, with the references; null without a report. */
export function spectrumCsv(results: ResultsDocument): string | null {
  const curvature = results.curvature;
  if (curvature === null) return null;
  const rows = curvature.matrices.flatMap((matrix) =>
    matrix.density.grid.map((lambda, k) => [matrix.matrix, lambda, matrix.density.density[k], matrix.density.semicircle?.[k] ?? null, matrix.density.marchenkoPastur?.[k] ?? null]),
  );
  return csvText(['matrix', 'lambda', 'density', 'semicircle', 'marchenko_pastur'], rows);
}

/** Every eigenvalue of the exact spectra (descending, index from 1); null when none was computed. */
export function eigenvaluesCsv(results: ResultsDocument): string | null {
  const matrices = results.curvature?.matrices.filter((matrix) => matrix.exact !== null) ?? [];
  if (matrices.length === 0) return null;
  return csvText(['matrix', 'index', 'eigenvalue'], matrices.flatMap((matrix) => matrix.exact!.map((value, k) => [matrix.matrix, k + 1, value])));
}

/** Every CSV file the results have, in a fixed order. */
export function csvFiles(results: ResultsDocument): ExportFile[] {
  return existingFiles([
    ['surface.csv', surfaceCsv(results)],
    ['line.csv', lineCsv(results)],
    ['trajectories.csv', trajectoriesCsv(results)],
    ['curves.csv', curvesCsv(results)],
    ['spectrum.csv', spectrumCsv(results)],
    ['eigenvalues.csv', eigenvaluesCsv(results)],
  ]);
}

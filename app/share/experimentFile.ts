/**
 * The experiment file (`loss-landscape-experiment/1`): the whole experiment
 * with what the page computed for it, as one JSON document that the page
 * opens again and shows as saved, without recomputing: the link (the
 * experiment and the display), the backend, the surface or slice, every
 * run's path with the loss along it, the training curves and the marked
 * points.
 *
 * Opening a file checks it strictly, because it comes from anywhere: its
 * shape with zod (the project's schema library, already the one the link
 * codec uses, so there is one way of saying "this field is a finite number
 * from a to b"; unknown keys are refused, sizes are bounded), then its
 * experiment through the link codec: the link must open without a single
 * message and to exactly the experiment and display the file states, so a
 * hand-edited file cannot hold an experiment the page would refuse. An
 * uploaded data set's rows, which a link only names (`csv=HASH.ROWS`), are
 * the file's own: checked as the CSV reader's limits say, they must be the
 * rows the link's marker names.
 */
import { z } from 'zod';
import { EXPERIMENT_LIMITS, LANDSCAPE_LIMITS } from '../../workers/engine/spec/limits';
import { NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import type { Experiment } from '../../workers/engine/spec/experiment';
import { formatJson, type SurfaceResults, type Value } from '../export/results';
import { sameData } from '../store/sameData';
import type { DisplayState } from '../url/displayFields';
import { linkToState } from '../url/link';
import { matchesMarker, uploadedDataErrors, type UploadedData } from '../../workers/engine/spec/uploadedData';

// zod compiles object schemas with `new Function` unless told not to, and
// merely probing whether it may breaks the page's Content-Security-Policy
// (no 'unsafe-eval'); the interpreted path checks the same rules.
z.config({ jitless: true });

/** The format name and version written into every experiment file. */
export const EXPERIMENT_FILE_FORMAT = 'loss-landscape-experiment/1';

/** Largest file read at all (a 512 × 512 surface with 8 paths of 10 000 steps takes about 20 MB). */
export const MAX_EXPERIMENT_FILE_BYTES = 64 * 1024 * 1024;

/** One run's path in the plane (x, y, or α, β of its projection) with the loss at each point. */
export interface SavedPath {
  id: string;
  label: string;
  color: string;
  points: [number, number][];
  losses: Value[];
}

/** One training run's full-data evaluations. */
export interface SavedCurves {
  id: string;
  label: string;
  color: string;
  steps: number[];
  trainLoss: Value[];
  testLoss: Value[];
}

/** A marked point of the surface. */
export interface SavedMarker {
  kind: 'minimum' | 'saddle' | 'maximum' | 'start';
  x: number;
  y: number;
}

/** The experiment file (see the module comment). */
export interface ExperimentFile {
  format: typeof EXPERIMENT_FILE_FORMAT;
  /** The link's hash (without "#"): the experiment and the display. */
  link: string;
  experiment: Experiment;
  display: DisplayState;
  /** The TensorFlow.js backend the numbers were computed on (null if unknown). */
  backend: string | null;
  /** When the file was written (ISO 8601). */
  savedAt: string;
  surface: SurfaceResults | null;
  paths: SavedPath[];
  curves: SavedCurves[];
  markers: SavedMarker[];
}

const MAX_SIDE = Math.max(EXPERIMENT_LIMITS.gridSide.max, LANDSCAPE_LIMITS.lineResolution.max);
const MAX_POINTS = EXPERIMENT_LIMITS.steps.max + 1;
const MAX_RUNS = Math.max(EXPERIMENT_LIMITS.optimizerCount.max, NETWORK_TRAINING_LIMITS.runCount.max);

const finite = z.number().finite();
const value = finite.nullable();
const label = z.string().max(200);
const id = z.string().regex(/^[a-z0-9]{1,12}$/);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const axis = z.object({ name: z.string().max(20), values: z.array(finite).min(2).max(MAX_SIDE) }).strict();

const surfaceSchema = z
  .object({
    of: z.enum(['function', 'slice']),
    quantity: z.string().max(40),
    split: z.enum(['train', 'test']).nullable(),
    nx: z.number().int().min(2).max(MAX_SIDE),
    ny: z.number().int().min(2).max(MAX_SIDE),
    x: axis,
    y: axis,
    values: z.array(value).max(MAX_SIDE * MAX_SIDE),
  })
  .strict()
  .refine((s) => s.values.length === s.nx * s.ny, { message: 'the surface must hold nx·ny values' })
  .refine((s) => s.x.values.length === s.nx && s.y.values.length === s.ny, { message: 'the surface axes must hold nx and ny positions' });

const pathSchema = z
  .object({ id, label, color, points: z.array(z.tuple([finite, finite])).max(MAX_POINTS), losses: z.array(value).max(MAX_POINTS) })
  .strict()
  .refine((p) => p.points.length === p.losses.length, { message: 'a path must have one loss per point' });

const curvesSchema = z
  .object({ id, label, color, steps: z.array(z.number().int().min(0)).max(MAX_POINTS), trainLoss: z.array(value).max(MAX_POINTS), testLoss: z.array(value).max(MAX_POINTS) })
  .strict()
  .refine((c) => c.trainLoss.length === c.steps.length && c.testLoss.length === c.steps.length, { message: 'curves must have one loss per step' });

const markerSchema = z.object({ kind: z.enum(['minimum', 'saddle', 'maximum', 'start']), x: finite, y: finite }).strict();

/** The shape of the file; the experiment and display are checked against the link afterwards. */
const fileSchema = z
  .object({
    format: z.literal(EXPERIMENT_FILE_FORMAT),
    link: z.string().max(4096),
    experiment: z.record(z.string(), z.unknown()),
    display: z.record(z.string(), z.unknown()),
    backend: z.string().max(20).nullable(),
    savedAt: z.string().max(40),
    surface: surfaceSchema.nullable(),
    paths: z.array(pathSchema).max(MAX_RUNS),
    curves: z.array(curvesSchema).max(MAX_RUNS),
    markers: z.array(markerSchema).max(1000),
  })
  .strict();

/** The file as JSON text (surfaces and paths one line each, see `formatJson`), ending in a newline. */
export function experimentFileToJson(file: ExperimentFile): string {
  return `${formatJson(file)}\n`;
}

/** The first problem zod found, as "at surface.values: …". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${where}`;
}

/**
 * The uploaded rows an experiment file's experiment holds (null for none);
 * throws when they are not a data set the CSV reader could have made.
 */
function uploadedRowsOf(experiment: Record<string, unknown>): UploadedData | null {
  const problem = experiment.problem;
  if (typeof problem !== 'object' || problem === null || !('upload' in problem)) return null;
  const errors = uploadedDataErrors(problem.upload);
  if (errors.length > 0) throw new Error(`its uploaded data set is malformed: ${errors[0]}`);
  return problem.upload as UploadedData;
}

/**
 * Reads an experiment file from its text; throws an Error whose message says
 * what is wrong (not JSON, another format, a field of the wrong shape or
 * size, an experiment the link codec refuses or that disagrees with the link).
 */
export function parseExperimentFile(text: string): ExperimentFile {
  if (text.length > MAX_EXPERIMENT_FILE_BYTES) {
    throw new Error(`the file is ${(text.length / 2 ** 20).toFixed(0)} MB, more than the ${MAX_EXPERIMENT_FILE_BYTES / 2 ** 20} MB an experiment file may hold`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPERIMENT_FILE_FORMAT) {
    const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
    const found = typeof format === 'string' ? `"${format.slice(0, 60)}"` : 'none';
    throw new Error(`it is not an experiment file: its "format" must be "${EXPERIMENT_FILE_FORMAT}" (found ${found})`);
  }
  const checked = fileSchema.safeParse(json);
  if (!checked.success) throw new Error(`the file is malformed: ${firstIssue(checked.error)}`);
  const file = checked.data;
  const upload = uploadedRowsOf(file.experiment);
  const opened = linkToState(file.link, upload === null ? [] : [upload]);
  if (opened.missingUpload && upload !== null && !matchesMarker(upload, opened.missingUpload)) {
    throw new Error('its uploaded rows are not the ones its link names (their content hash or count differs)');
  }
  if (opened.messages.length > 0) throw new Error(`its link has settings the page refuses: ${opened.messages[0]}`);
  if (!sameData(JSON.parse(JSON.stringify(opened.experiment)), file.experiment)) {
    throw new Error('its experiment differs from the experiment its link describes');
  }
  if (!sameData(opened.display, file.display)) throw new Error('its display differs from the display its link describes');
  const surface = file.surface;
  if (surface && surface.of === 'function' && opened.experiment.problem.kind !== 'analytic') {
    throw new Error('it holds a function surface for a network experiment');
  }
  return { ...file, experiment: opened.experiment, display: opened.display } as ExperimentFile;
}

/**
 * The URL fields of what the page shows besides the experiment (the
 * display): the 3-D camera, the open side tab, the selected run and the
 * clicked point of a network's slice. They change the picture, never the
 * numbers, so they live outside the experiment (the workers never see
 * them) but in the same link, declared here once like the experiment's
 * fields in `fields.ts`. Each is written only when it differs from its
 * default, so a link made before these keys existed is also the link of
 * the default display.
 */
import { z } from 'zod';
import { LANDSCAPE_LIMITS } from '../../workers/engine/spec/limits';
import type { Experiment } from '../../workers/engine/spec/experiment';
import { NUMBER_TEXT } from '../ui/format';
import { enumKind, formatNumber, type ValueKind } from './fieldKinds';
import { quoteForMessage } from './quote';

/** A point in the 3-D scene's world coordinates. */
export type Vector3 = [number, number, number];

/** Where the 3-D camera is and what it looks at (the orbit target), in world units. */
export interface CameraPose {
  position: Vector3;
  target: Vector3;
}

/** The side tabs of network mode. */
export const SIDE_TABS = ['data', 'curvature'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** What the page shows besides the experiment; null means "the default" (home camera, first run, no point). */
export interface DisplayState {
  camera: CameraPose | null;
  sideTab: SideTab;
  selectedRun: string | null;
  /** The clicked point (α, β) of a 2-D slice. */
  point: [number, number] | null;
}

/** The display a page opens with. */
export function defaultDisplay(): DisplayState {
  return { camera: null, sideTab: 'data', selectedRun: null, point: null };
}

/**
 * Limits of the display fields: camera coordinates within ±{@link CAMERA_LIMITS.coordinate}
 * world units (the plane is 10 wide; the orbit controls keep the camera 2 to 80
 * units from its target), written to `decimals` places, a hundredth of a unit
 * (under a pixel at any zoom the controls allow).
 */
export const CAMERA_LIMITS = { coordinate: 1000, minDistance: 2, maxDistance: 80, decimals: 2 } as const;

/** `value` rounded to `decimals` places, as links write camera coordinates (−0 becomes 0). */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** A comma-separated list of exactly `count` finite numbers, each in [−bound, bound]. */
export function numberListKind(count: number, bound: number, what: string): ValueKind<number[]> {
  const number = z.string().regex(NUMBER_TEXT).transform(Number).pipe(z.number().finite().min(-bound).max(bound));
  return {
    schema: z
      .string()
      .max(count * 32)
      .transform((text) => text.split(','))
      .pipe(z.array(number).length(count)),
    expects: `${what}: ${count} comma-separated numbers from ${formatNumber(-bound)} to ${formatNumber(bound)}`,
    format: (values) => values.map(formatNumber).join(','),
  };
}

/** A run id, as run entries write them. */
const runIdKind: ValueKind<string> = {
  schema: z.string().regex(/^[a-z0-9]{1,12}$/),
  expects: 'a run id (1–12 lower-case letters or digits)',
  format: (value) => value,
};

/** One display field: `key=value` in the hash, written only when `isDefault` is false. */
export interface DisplayField<T> {
  key: string;
  /** What the field means, for messages. */
  label: string;
  kind: ValueKind<T>;
  /** Whether the field means anything for this experiment. */
  applies(experiment: Experiment): boolean;
  /** Why it does not, for the message (completes "… only"). */
  appliesTo: string;
  get(display: DisplayState): T | null;
  set(display: DisplayState, value: T): void;
  /**
   * Checks that span the experiment (the run exists, the point lies in the
   * slice's range): a sentence saying why `value` cannot be shown, or null.
   */
  conflict?(value: T, experiment: Experiment): string | null;
}

const field = <T>(spec: DisplayField<T>): DisplayField<T> => spec;
const isNetwork = (experiment: Experiment): boolean => experiment.problem.kind === 'network';
const distance = (a: Vector3, b: Vector3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The display fields, in the order they are written (after the experiment's). */
export const DISPLAY_URL_FIELDS: readonly DisplayField<unknown>[] = [
  field<number[]>({
    key: 'cam',
    label: '3-D camera',
    kind: numberListKind(6, CAMERA_LIMITS.coordinate, 'position x, y, z then target x, y, z'),
    applies: () => true,
    appliesTo: '',
    get: (d) => (d.camera ? [...d.camera.position, ...d.camera.target].map((v) => roundTo(v, CAMERA_LIMITS.decimals)) : null),
    set: (d, [px, py, pz, tx, ty, tz]) => {
      d.camera = { position: [px, py, pz], target: [tx, ty, tz] };
    },
    conflict: ([px, py, pz, tx, ty, tz]) => {
      const gap = distance([px, py, pz], [tx, ty, tz]);
      return gap >= CAMERA_LIMITS.minDistance && gap <= CAMERA_LIMITS.maxDistance
        ? null
        : `the camera must be ${CAMERA_LIMITS.minDistance} to ${CAMERA_LIMITS.maxDistance} units from its target, not ${formatNumber(roundTo(gap, 2))}`;
    },
  }),
  field({
    key: 'tab',
    label: 'side tab',
    kind: enumKind(SIDE_TABS),
    applies: isNetwork,
    appliesTo: 'network experiments have side tabs',
    get: (d) => (d.sideTab === 'data' ? null : d.sideTab),
    set: (d, value) => {
      d.sideTab = value;
    },
  }),
  field({
    key: 'sel',
    label: 'selected run',
    kind: runIdKind,
    applies: isNetwork,
    appliesTo: 'network experiments select a run for the data view',
    get: (d) => d.selectedRun,
    set: (d, value) => {
      d.selectedRun = value;
    },
    conflict: (value, experiment) =>
      experiment.optimizers.some((run) => run.id === value) ? null : `the experiment has no run "${value}"`,
  }),
  field<number[]>({
    key: 'pt',
    label: 'clicked point',
    kind: numberListKind(2, LANDSCAPE_LIMITS.coordinate.max, 'α, β'),
    applies: isNetwork,
    appliesTo: 'network slices have clicked points',
    get: (d) => d.point,
    set: (d, [alpha, beta]) => {
      d.point = [alpha, beta];
    },
    conflict: ([alpha, beta], experiment) => {
      const { dims, alpha: a, beta: b } = experiment.slice;
      if (dims !== 2) return 'a point is clicked on a 2-D slice, and this slice is a line';
      const inside = alpha >= a[0] && alpha <= a[1] && beta >= b[0] && beta <= b[1];
      return inside ? null : `(${formatNumber(alpha)}, ${formatNumber(beta)}) lies outside the slice's range α ∈ [${a.join(', ')}], β ∈ [${b.join(', ')}]`;
    },
  }),
];

/** The keys of the display fields. */
export const DISPLAY_KEYS: ReadonlySet<string> = new Set(DISPLAY_URL_FIELDS.map((entry) => entry.key));

/** The display's `key=value` pairs for `experiment` (defaults left out), values not yet URL-encoded. */
export function displayPairs(display: DisplayState, experiment: Experiment): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of DISPLAY_URL_FIELDS) {
    const value = entry.get(display);
    if (value === null || !entry.applies(experiment)) continue;
    pairs.push([entry.key, entry.kind.format(value)]);
  }
  return pairs;
}

/**
 * Reads the display from the raw values of its keys (the last of repeated
 * keys, as URLSearchParams.get gives the first: callers pass what they read).
 * A value that is garbage, out of range, inapplicable to `experiment` or in
 * conflict with it keeps the default, with a sentence saying so.
 */
export function readDisplay(raw: ReadonlyMap<string, string>, experiment: Experiment, messages: string[]): DisplayState {
  const display = defaultDisplay();
  for (const entry of DISPLAY_URL_FIELDS) {
    const text = raw.get(entry.key);
    if (text === undefined) continue;
    const quoted = `${entry.key}="${quoteForMessage(text)}" (${entry.label})`;
    if (!entry.applies(experiment)) {
      messages.push(`Ignored ${quoted}: only ${entry.appliesTo}.`);
      continue;
    }
    const parsed = entry.kind.schema.safeParse(text);
    if (!parsed.success) {
      messages.push(`Ignored ${quoted}: expected ${entry.kind.expects}; using the default.`);
      continue;
    }
    const conflict = entry.conflict?.(parsed.data, experiment) ?? null;
    if (conflict !== null) {
      messages.push(`Ignored ${quoted}: ${conflict}; using the default.`);
      continue;
    }
    entry.set(display, parsed.data);
  }
  return display;
}

/**
 * Every scalar field of the experiment's URL, declared once: its short key,
 * what it means (for messages), its kind and bounds, and where it lives in
 * the experiment. The defaults are those of `defaultExperiment` for the
 * link's function, so a field that is missing or bad keeps that default.
 * The run list has its own codec (`runCodec.ts`).
 */
import { ANALYTIC_NAMES } from '../../workers/engine/spec/functions';
import {
  EXPERIMENT_VERSION,
  analyticProblemSpec,
  defaultExperiment,
  defaultNetworkExperiment,
  isAnalyticExperiment,
  type AnalyticProblemSpec,
  type Experiment,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { booleanKind, enumKind, numberKind, type ValueKind } from './fieldKinds';
import { LANDSCAPE_URL_FIELDS } from './landscapeFields';
import { NETWORK_URL_FIELDS } from './networkFields';

/** One URL field: `key=value` in the hash. */
export interface UrlField<T> {
  /** Short key used in the URL. */
  key: string;
  /** What the field means, for messages ("grid columns"). */
  label: string;
  kind: ValueKind<T>;
  /**
   * `problem` fields are read first: they choose the function, whose
   * teaching defaults (window, start, scale) the other fields then override.
   */
  stage: 'problem' | 'settings';
  /** Whether the field means anything for this experiment (e.g. κ only for the quadratic). */
  applies?(experiment: Experiment): boolean;
  get(experiment: Experiment): T;
  set(experiment: Experiment, value: T): void;
}

const { coordinate, gridSide, steps, condition, angleDeg, seed } = EXPERIMENT_LIMITS;
const isQuadratic = (experiment: Experiment) => experiment.problem.kind === 'analytic' && experiment.problem.name === 'quadratic';
/** The analytic problem of an analytic experiment (callers check `applies` first). */
const functionOf = (experiment: Experiment) => experiment.problem as AnalyticProblemSpec;

// `field` keeps each entry's value type tied to its accessors.
const field = <T>(spec: UrlField<T>): UrlField<T> => spec;

/** The scalar fields, in the order they are written. */
export const URL_FIELDS: readonly UrlField<unknown>[] = [
  field({
    key: 'v',
    label: 'link format version',
    kind: numberKind(EXPERIMENT_VERSION, EXPERIMENT_VERSION, true),
    stage: 'problem',
    get: (e) => e.version,
    set: (e, value) => {
      e.version = value;
    },
  }),
  field({
    key: 'p',
    label: 'problem kind',
    kind: enumKind(['analytic', 'network'] as const),
    stage: 'problem',
    get: (e) => e.problem.kind,
    set: (e, value) => {
      // Another kind of problem brings that kind's defaults for everything else.
      if (e.problem.kind === value) return;
      Object.assign(e, value === 'network' ? defaultNetworkExperiment() : defaultExperiment());
    },
  }),
  field({
    key: 'f',
    label: 'function',
    kind: enumKind(ANALYTIC_NAMES),
    stage: 'problem',
    applies: isAnalyticExperiment,
    get: (e) => functionOf(e).name,
    set: (e, value) => {
      e.problem = analyticProblemSpec(value);
    },
  }),
  field({
    key: 'c',
    label: 'condition number',
    kind: numberKind(condition.min, condition.max),
    stage: 'problem',
    applies: isQuadratic,
    get: (e) => functionOf(e).condition ?? condition.default,
    set: (e, value) => {
      functionOf(e).condition = value;
    },
  }),
  field({
    key: 'a',
    label: 'rotation in degrees',
    kind: numberKind(angleDeg.min, angleDeg.max),
    stage: 'problem',
    applies: isQuadratic,
    get: (e) => functionOf(e).angleDeg ?? angleDeg.default,
    set: (e, value) => {
      functionOf(e).angleDeg = value;
    },
  }),
  ...(['xMin', 'xMax', 'yMin', 'yMax'] as const).map((bound) =>
    field({
      key: { xMin: 'x0', xMax: 'x1', yMin: 'y0', yMax: 'y1' }[bound],
      label: `window ${bound}`,
      kind: numberKind(coordinate.min, coordinate.max),
      stage: 'settings',
      applies: isAnalyticExperiment,
      get: (e) => e.window[bound],
      set: (e, value) => {
        e.window[bound] = value;
      },
    }),
  ),
  ...(['nx', 'ny'] as const).map((side) =>
    field({
      key: side,
      label: side === 'nx' ? 'grid columns' : 'grid rows',
      kind: numberKind(gridSide.min, gridSide.max, true),
      stage: 'settings',
      applies: isAnalyticExperiment,
      get: (e) => e.grid[side],
      set: (e, value) => {
        e.grid[side] = value;
      },
    }),
  ),
  ...([0, 1] as const).map((axis) =>
    field({
      key: axis === 0 ? 'sx' : 'sy',
      label: `start ${axis === 0 ? 'x' : 'y'}`,
      kind: numberKind(coordinate.min, coordinate.max),
      stage: 'settings',
      applies: isAnalyticExperiment,
      get: (e) => e.start[axis],
      set: (e, value) => {
        e.start[axis] = value;
      },
    }),
  ),
  field({
    key: 'n',
    label: 'steps',
    kind: numberKind(steps.min, steps.max, true),
    stage: 'settings',
    get: (e) => e.steps,
    set: (e, value) => {
      e.steps = value;
    },
  }),
  field({
    key: 'm',
    label: 'view',
    kind: enumKind(['3d', 'contour'] as const),
    stage: 'settings',
    get: (e) => e.view.mode,
    set: (e, value) => {
      e.view.mode = value;
    },
  }),
  field({
    key: 'log',
    label: 'log scale',
    kind: booleanKind,
    stage: 'settings',
    get: (e) => e.view.logScale,
    set: (e, value) => {
      e.view.logScale = value;
    },
  }),
  field({
    key: 's',
    label: 'seed',
    kind: numberKind(seed.min, seed.max, true),
    stage: 'settings',
    get: (e) => e.seed,
    set: (e, value) => {
      e.seed = value;
    },
  }),
  ...NETWORK_URL_FIELDS,
  ...LANDSCAPE_URL_FIELDS,
];

/** The key of the optimizer entries (one `o=` per optimizer, in order). */
export const OPTIMIZER_KEY = 'o';

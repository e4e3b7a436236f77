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
  type AnalyticProblemSpec,
  type Experiment,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { FIELD_LABELS } from '../../workers/engine/spec/fieldLabels';
import { ANALYTIC_FIELD, QUADRATIC_FIELD } from './fieldScopes';
import { booleanKind, enumKind, numberKind } from './fieldKinds';
import { field, propertyField, wholeExperiment, type FieldPlace, type UrlField } from './urlField';
import { LANDSCAPE_URL_FIELDS } from './landscapeFields';
import { NETWORK_URL_FIELDS } from './networkFields';

export type { UrlField } from './urlField';

const { coordinate, gridSide, steps, condition, angleDeg, seed } = EXPERIMENT_LIMITS;
/** The analytic problem of an analytic experiment (callers check `scope` first). */
const functionOf = (experiment: Experiment) => experiment.problem as AnalyticProblemSpec;

// The parts of the experiment that hold the plain fields.
const viewOf = (e: Experiment) => e.view;
const windowOf = (e: Experiment) => e.window;
const gridOf = (e: Experiment) => e.grid;
const startOf = (e: Experiment) => e.start;

/** Fields of every experiment, read after the problem's. */
const EVERY_SETTING: FieldPlace = { stage: 'settings' };
/** Fields of analytic experiments, read after the problem's. */
const ANALYTIC_SETTING: FieldPlace = { stage: 'settings', scope: ANALYTIC_FIELD };

/** A parameter of the quadratic within `limits`, whose default stands in when the problem leaves it out. */
function quadraticField(key: string, label: string, name: 'condition' | 'angleDeg', limits: { min: number; max: number; default: number }): UrlField<number> {
  return field({
    key,
    label,
    kind: numberKind(limits.min, limits.max),
    stage: 'problem',
    scope: QUADRATIC_FIELD,
    get: (e) => functionOf(e)[name] ?? limits.default,
    set: (e, value) => {
      functionOf(e)[name] = value;
    },
  });
}

/** The scalar fields, in the order they are written. */
export const URL_FIELDS: readonly UrlField<unknown>[] = [
  propertyField({ stage: 'problem' }, 'v', FIELD_LABELS.version, numberKind(EXPERIMENT_VERSION, EXPERIMENT_VERSION, true), wholeExperiment, 'version'),
  field({
    key: 'p',
    label: FIELD_LABELS.mode,
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
    label: FIELD_LABELS.function,
    kind: enumKind(ANALYTIC_NAMES),
    stage: 'problem',
    scope: ANALYTIC_FIELD,
    get: (e) => functionOf(e).name,
    set: (e, value) => {
      e.problem = analyticProblemSpec(value);
    },
  }),
  quadraticField('c', FIELD_LABELS.condition, 'condition', condition),
  quadraticField('a', FIELD_LABELS.angleDeg, 'angleDeg', angleDeg),
  ...(['xMin', 'xMax', 'yMin', 'yMax'] as const).map((bound) =>
    propertyField(ANALYTIC_SETTING, { xMin: 'x0', xMax: 'x1', yMin: 'y0', yMax: 'y1' }[bound], FIELD_LABELS[bound], numberKind(coordinate.min, coordinate.max), windowOf, bound),
  ),
  ...(['nx', 'ny'] as const).map((side) =>
    propertyField(ANALYTIC_SETTING, side, FIELD_LABELS[side], numberKind(gridSide.min, gridSide.max, true), gridOf, side),
  ),
  ...([0, 1] as const).map((axis) =>
    propertyField(ANALYTIC_SETTING, axis === 0 ? 'sx' : 'sy', FIELD_LABELS[axis === 0 ? 'startX' : 'startY'], numberKind(coordinate.min, coordinate.max), startOf, axis),
  ),
  propertyField(EVERY_SETTING, 'n', FIELD_LABELS.steps, numberKind(steps.min, steps.max, true), wholeExperiment, 'steps'),
  propertyField(EVERY_SETTING, 'm', FIELD_LABELS.viewMode, enumKind(['3d', 'contour'] as const), viewOf, 'mode'),
  propertyField(EVERY_SETTING, 'log', FIELD_LABELS.logScale, booleanKind, viewOf, 'logScale'),
  propertyField(EVERY_SETTING, 's', FIELD_LABELS.seed, numberKind(seed.min, seed.max, true), wholeExperiment, 'seed'),
  ...NETWORK_URL_FIELDS,
  ...LANDSCAPE_URL_FIELDS,
];

/** The key of the optimizer entries (one `o=` per optimizer, in order). */
export const OPTIMIZER_KEY = 'o';

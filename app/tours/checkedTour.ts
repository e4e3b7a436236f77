/**
 * A tour file's data checked against the `Tour` type at load: tours are
 * JSON (`tours/*.json`), so adding one needs no code, and a malformed file
 * is named with its fault instead of failing somewhere in a step.
 */
import type { Tour, TourAction, TourClaim } from './types';

/** The fields each claim kind needs besides `kind` and `run`: a number, another run's id, or a point. */
const CLAIM_FIELDS: Record<TourClaim['kind'], Record<string, 'number' | 'run' | 'point'>> = {
  diverges: {},
  converges: { below: 'number' },
  endsNear: { point: 'point', tolerance: 'number' },
  endsAway: { point: 'point', distance: 'number' },
  lossBelow: { below: 'number' },
  lowerLoss: { than: 'run', factor: 'number' },
  sharpnessAtThreshold: { tolerance: 'number', last: 'number' },
  sharpnessStartsBelow: { fraction: 'number' },
  lossRisesSometime: {},
};

const ACTION_KINDS: readonly TourAction['kind'][] = ['run', 'slice', 'spectrum'];

type Loose = Record<string, unknown>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPoint = (value: unknown): boolean => Array.isArray(value) && value.length === 2 && value.every(Number.isFinite);

function claimFaults(claim: unknown, where: string): string[] {
  if (!isObject(claim) || !(String(claim.kind) in CLAIM_FIELDS)) return [`${where}: not a known claim`];
  const needs = CLAIM_FIELDS[claim.kind as TourClaim['kind']];
  const faults = isText(claim.run) ? [] : [`${where}: no run`];
  for (const [name, kind] of Object.entries(needs)) {
    const value = claim[name];
    const fine = kind === 'number' ? Number.isFinite(value) : kind === 'run' ? isText(value) : isPoint(value);
    if (!fine) faults.push(`${where}: ${name} must be ${kind === 'point' ? 'a point [x, y]' : kind === 'run' ? "a run's id" : 'a number'}`);
  }
  return faults;
}

function stepFaults(step: unknown, where: string): string[] {
  if (!isObject(step)) return [`${where}: not a step`];
  const faults = (['title', 'link', 'text', 'notice'] as const).filter((name) => !isText(step[name])).map((name) => `${where}: no ${name}`);
  const actions = step.actions ?? [];
  if (!Array.isArray(actions) || !actions.every((action) => isObject(action) && ACTION_KINDS.includes(action.kind as TourAction['kind']))) {
    faults.push(`${where}: actions must be of the kinds ${ACTION_KINDS.join(', ')}`);
  }
  const claims = step.claims ?? [];
  if (!Array.isArray(claims)) faults.push(`${where}: claims must be a list`);
  else claims.forEach((claim, index) => faults.push(...claimFaults(claim, `${where}, claim ${index + 1}`)));
  return faults;
}

/** `data` as a Tour; throws naming every fault when it is not one. */
export function checkedTour(data: unknown, file: string): Tour {
  const faults: string[] = [];
  if (!isObject(data)) faults.push('not an object');
  else {
    (['id', 'title', 'summary'] as const).filter((name) => !isText(data[name])).forEach((name) => faults.push(`no ${name}`));
    if (!Array.isArray(data.steps) || data.steps.length === 0) faults.push('no steps');
    else data.steps.forEach((step, index) => faults.push(...stepFaults(step, `step ${index + 1}`)));
  }
  if (faults.length > 0) throw new Error(`The tour ${file} is malformed: ${faults.join('; ')}`);
  return data as unknown as Tour;
}

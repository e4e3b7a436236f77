/**
 * How the runs of an experiment (analytic optimizers and network training
 * runs alike) are told apart: a short stable id and a display colour.
 * Plain data, so the main thread and the URL codec can use it.
 */

/** Distinct colours that read well on a dark background, given to runs in turn. */
export const OPTIMIZER_COLORS: readonly string[] = [
  '#4cc9f0',
  '#ff7aa2',
  '#ffd166',
  '#06d6a0',
  '#f8961e',
  '#b794f6',
  '#ef476f',
  '#e9ecef',
];

/** A valid run id: 1–12 lower-case letters or digits. */
export const OPTIMIZER_ID_PATTERN = /^[a-z0-9]{1,12}$/;

/** A valid colour: `#rrggbb`. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The first id `o1`, `o2`, … not in `takenIds`. */
export function freshOptimizerId(takenIds: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `o${n}`;
    if (!takenIds.includes(id)) return id;
  }
}

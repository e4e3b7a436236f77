/**
 * The horizontal lines of the edge-of-stability picture (Cohen et al. 2021).
 * Gradient descent with step η on a quadratic is stable only while the
 * sharpness λmax < 2/η; heavy-ball momentum β raises the bound to
 * 2(1 + β)/η. Full-batch training drives λmax up to the bound and then
 * hovers there, which the chart shows against these lines.
 */
import { formatSignificant } from '../ui/format';
import type { RunCurves } from '../plots/types';

/** One threshold line: its height, its label, and the colour of the (first) run it belongs to. */
export interface ThresholdLine {
  value: number;
  kind: 'gd' | 'momentum';
  /** E.g. "2/η = 20" or "2(1+β)/η = 38 (o1, o2)". */
  label: string;
  color: string;
}

/** Runs' thresholds closer than this (relatively) are drawn as one line. */
const SAME_VALUE_TOLERANCE = 1e-9;

/**
 * The distinct threshold lines of the runs: 2/η for every run with
 * thresholds, 2(1+β)/η where given. Runs sharing a value share a line,
 * labelled with their names when more than one run is charted.
 */
export function thresholdLines(runs: readonly Pick<RunCurves, 'label' | 'color' | 'thresholds'>[]): ThresholdLine[] {
  const groups: { value: number; kind: ThresholdLine['kind']; color: string; runs: string[] }[] = [];
  for (const run of runs) {
    if (!run.thresholds) continue;
    const candidates: [ThresholdLine['kind'], number | undefined][] = [
      ['gd', run.thresholds.gd],
      ['momentum', run.thresholds.momentum],
    ];
    for (const [kind, value] of candidates) {
      if (value === undefined || !Number.isFinite(value)) continue;
      const same = groups.find((g) => g.kind === kind && Math.abs(g.value - value) <= SAME_VALUE_TOLERANCE * Math.abs(value));
      if (same) same.runs.push(run.label);
      else groups.push({ value, kind, color: run.color, runs: [run.label] });
    }
  }
  const named = runs.length > 1;
  return groups.map((g) => ({
    value: g.value,
    kind: g.kind,
    color: g.color,
    label: `${valueText(g)}${named ? ` (${g.runs.join(', ')})` : ''}`,
  }));
}

/** "2/η = 20" or "2(1+β)/η = 38": a line's symbol and value, without the runs it belongs to. */
function valueText(line: Pick<ThresholdLine, 'kind' | 'value'>): string {
  return `${line.kind === 'gd' ? '2/η' : '2(1+β)/η'} = ${formatSignificant(line.value, 3)}`;
}

/** A line's label and, when it names runs, its shorter form without them: the texts a narrow chart may choose from, longest first. */
export function thresholdLabelTexts(line: ThresholdLine): string[] {
  const short = valueText(line);
  return line.label === short ? [short] : [line.label, short];
}

/**
 * An axis range covering [dataMin, dataMax] and every value of `extra`,
 * widened by `padding` of its span on each side: [lo − p·s, hi + p·s]. No
 * finite value at all gives [0, 1]; a single value v gives [v − 1, v + 1]
 * (or [v − |v|/2, v + |v|/2] for v ≠ 0).
 */
export function rangeIncluding(dataMin: number | null, dataMax: number | null, extra: readonly number[], padding = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [dataMin, dataMax, ...extra]) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) {
    const half = lo === 0 ? 1 : Math.abs(lo) / 2;
    return [lo - half, hi + half];
  }
  const margin = (hi - lo) * padding;
  return [lo - margin, hi + margin];
}

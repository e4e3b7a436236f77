/**
 * The mapping from a loss value to a normalised height u ∈ [0, 1], which is
 * also the colour-map parameter. Linear: u = (L − m)/(M − m). Logarithmic:
 * u = log10(1 + (L − m)/ε) / log10(1 + (M − m)/ε), i.e. log10(L − m + ε) rescaled,
 * where m, M are the field's finite minimum and maximum. Measuring from m makes
 * the log scale work for functions with negative values (x² − y²), and choosing
 * ε as a fixed fraction of the range makes it independent of the loss units.
 */
import { tickLabels } from '../ui/format';
import { niceTicks } from './niceTicks';
import type { HeightScale } from './types';

/** ε / (M − m) of the log scale: the log view resolves four decades below the range. */
export const LOG_OFFSET_FRACTION = 1e-4;

/** A loss → [0, 1] mapping fixed by one field's finite range. */
export interface HeightMapping {
  readonly log: boolean;
  /** Smallest finite value of the field (m). */
  readonly min: number;
  /** Largest finite value of the field (M). */
  readonly max: number;
  /** ε of the log scale (0 for linear). */
  readonly offset: number;
  /** How many values were finite. */
  readonly finiteCount: number;
  /** How many values were NaN or ±∞ (drawn grey, heights clamped). */
  readonly nonFiniteCount: number;
}

/**
 * Builds the mapping from the finite values of a field: m = min, M = max over
 * finite entries, ε = {@link LOG_OFFSET_FRACTION}·(M − m) for the log scale.
 */
export function createHeightMapping(values: ArrayLike<number>, scale: HeightScale): HeightMapping {
  let min = Infinity;
  let max = -Infinity;
  let finiteCount = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!Number.isFinite(value)) continue;
    finiteCount++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (finiteCount === 0) {
    min = 0;
    max = 0;
  }
  const offset = scale.log ? LOG_OFFSET_FRACTION * (max - min) : 0;
  return { log: scale.log, min, max, offset, finiteCount, nonFiniteCount: values.length - finiteCount };
}

/** True when the mapping has no spread to normalise by (no finite values, or m = M). */
function isDegenerate(mapping: HeightMapping): boolean {
  return !(mapping.max > mapping.min);
}

/**
 * Normalised height of a loss, clamped to [0, 1]. NaN stays NaN (callers draw it
 * grey at height 0); +∞ → 1; −∞ → 0. With a degenerate range every finite value
 * above/at/below m maps to 1, ½, 0.
 */
export function lossToUnit(mapping: HeightMapping, loss: number): number {
  return createUnitMapper(mapping)(loss);
}

/**
 * {@link lossToUnit} specialised to one mapping, with its constants precomputed,
 * for loops over whole fields: linear u = (L − m)·(1/(M − m)); log
 * u = ln(1 + (L − m)/ε) / ln(1 + (M − m)/ε) (the ratio of logarithms is the same
 * in any base).
 */
export function createUnitMapper(mapping: HeightMapping): (loss: number) => number {
  const { min, max, log, offset } = mapping;
  if (isDegenerate(mapping)) {
    return (loss) => (Number.isNaN(loss) ? NaN : loss > min ? 1 : loss < min ? 0 : 0.5);
  }
  const span = max - min;
  const inverseSpan = 1 / span;
  const inverseOffset = 1 / offset;
  const inverseLogSpan = 1 / Math.log1p(span / offset);
  return (loss) => {
    if (Number.isNaN(loss)) return NaN;
    const above = loss - min;
    // Also sends −∞ to 0; +∞ lands on the clamp below.
    if (above <= 0) return 0;
    const unit = log ? Math.log1p(above * inverseOffset) * inverseLogSpan : above * inverseSpan;
    return unit >= 1 ? 1 : unit;
  };
}

/**
 * Inverse of {@link lossToUnit} on [0, 1]: linear L = m + u(M − m); log
 * L = m + ε·((1 + (M − m)/ε)^u − 1).
 */
export function unitToLoss(mapping: HeightMapping, unit: number): number {
  const span = mapping.max - mapping.min;
  if (isDegenerate(mapping)) return mapping.min;
  if (!mapping.log) return mapping.min + unit * span;
  return mapping.min + mapping.offset * (Math.pow(1 + span / mapping.offset, unit) - 1);
}

/** One legend tick: a loss value, where it sits on the [0, 1] scale, and its label. */
export interface ScaleTick {
  loss: number;
  unit: number;
  label: string;
}

/**
 * Ticks at `losses` (ascending), labelled by {@link tickLabels} so that
 * neighbours read apart; a loss whose label still equals its predecessor's
 * (the same value) is dropped.
 */
function labelTicks(losses: number[], mapping: HeightMapping): ScaleTick[] {
  const labels = tickLabels(losses);
  const ticks: ScaleTick[] = [];
  losses.forEach((loss, k) => {
    if (k > 0 && labels[k] === labels[k - 1]) return;
    ticks.push({ loss, unit: lossToUnit(mapping, loss), label: labels[k] });
  });
  return ticks;
}

/**
 * Legend ticks in loss units. Linear: nice values (1-2-5 steps) in [m, M].
 * Log: m itself and m + 10^k for each decade 10^k ∈ [ε, M − m], thinned to every
 * second or third decade when there are more than `target`.
 */
export function scaleTicks(mapping: HeightMapping, target = 6): ScaleTick[] {
  if (mapping.finiteCount === 0) return [];
  if (isDegenerate(mapping)) return labelTicks([mapping.min], mapping);
  if (!mapping.log) return labelTicks(niceTicks(mapping.min, mapping.max, target), mapping);
  const span = mapping.max - mapping.min;
  const firstDecade = Math.ceil(Math.log10(mapping.offset) - 1e-9);
  const lastDecade = Math.floor(Math.log10(span) + 1e-9);
  const decadeCount = lastDecade - firstDecade + 1;
  const stride = Math.max(1, Math.ceil(decadeCount / Math.max(1, target - 1)));
  const losses = [mapping.min];
  // Walk down from the top decade so the largest, most readable tick is always kept.
  const decades: number[] = [];
  for (let k = lastDecade; k >= firstDecade; k -= stride) decades.push(k);
  for (const k of decades.reverse()) losses.push(mapping.min + Math.pow(10, k));
  return labelTicks(losses, mapping);
}

/**
 * The ticks of a colour bar whose labels need `minGap` of its length each
 * (label height / bar height): the lowest and the highest tick are kept,
 * then, from the top down, every tick at least `minGap` above the lowest and
 * below the last one kept, so labels never overprint. Ticks are sorted by
 * position first.
 */
export function legibleTicks(ticks: readonly ScaleTick[], minGap: number): ScaleTick[] {
  const sorted = ticks.filter((tick) => Number.isFinite(tick.unit)).sort((a, b) => a.unit - b.unit);
  if (sorted.length <= 1) return sorted;
  const lowest = sorted[0];
  const kept = [sorted[sorted.length - 1]];
  for (let k = sorted.length - 2; k >= 1; k--) {
    const tick = sorted[k];
    if (kept[kept.length - 1].unit - tick.unit >= minGap && tick.unit - lowest.unit >= minGap) kept.push(tick);
  }
  if (kept[kept.length - 1].unit - lowest.unit >= minGap) kept.push(lowest);
  return kept.reverse();
}

/**
 * Checks a tour step's claims against the evidence of what was computed:
 * each run's path (analytic) or training curve and sharpness (network).
 * The evidence comes from wherever the step was computed — the page's test
 * handle in the end-to-end test, the engine itself in the unit tests — so
 * one checker states once what each claim means.
 */
import type { TourClaim } from './types';

/** What one run produced. */
export interface RunEvidence {
  id: string;
  /** Whether the run stopped with a divergence message. */
  diverged: boolean;
  /** The last point of an analytic run (x, y); null for a network run. */
  end: [number, number] | null;
  /** The last loss: f at the last point, or the last full training loss. */
  loss: number | null;
  /** Full training losses, in order (network runs; empty otherwise). */
  trainLosses: readonly number[];
  /** λmax measurements in order (network runs with sharpness tracking; empty otherwise). */
  sharpness: readonly number[];
  /** 2/η of the run, or null. */
  threshold: number | null;
}

/** The outcome of one claim: whether it holds, and the numbers that decide it. */
export interface ClaimResult {
  ok: boolean;
  detail: string;
}

const fmt = (value: number | null) => (value === null ? 'none' : Number(value.toPrecision(4)).toString());
const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Whether `claim` holds for `runs` (a claim naming a run that is absent fails). */
export function checkClaim(claim: TourClaim, runs: readonly RunEvidence[]): ClaimResult {
  const run = runs.find((candidate) => candidate.id === claim.run);
  if (!run) return { ok: false, detail: `no run "${claim.run}"` };
  switch (claim.kind) {
    case 'diverges':
      return { ok: run.diverged, detail: `${run.id} ${run.diverged ? 'diverged' : 'did not diverge'}` };
    case 'converges': {
      const ok = !run.diverged && run.loss !== null && run.loss < claim.below;
      return { ok, detail: `${run.id}: loss ${fmt(run.loss)} (< ${claim.below}), ${run.diverged ? 'diverged' : 'stable'}` };
    }
    case 'lossBelow': {
      const ok = run.loss !== null && run.loss < claim.below;
      return { ok, detail: `${run.id}: loss ${fmt(run.loss)} (< ${claim.below})` };
    }
    case 'endsNear':
    case 'endsAway': {
      if (!run.end) return { ok: false, detail: `${run.id} has no end point` };
      const gap = distance(run.end, claim.point);
      const ok = claim.kind === 'endsNear' ? gap <= claim.tolerance : gap >= claim.distance;
      return { ok, detail: `${run.id} ends at (${run.end.map(fmt).join(', ')}), ${fmt(gap)} from (${claim.point.join(', ')})` };
    }
    case 'lowerLoss': {
      const other = runs.find((candidate) => candidate.id === claim.than);
      if (!other) return { ok: false, detail: `no run "${claim.than}"` };
      const ok = run.loss !== null && other.loss !== null && run.loss > 0 && other.loss > 0 && run.loss * claim.factor <= other.loss;
      return { ok, detail: `${run.id}: loss ${fmt(run.loss)}, ${other.id}: ${fmt(other.loss)} (factor ≥ ${claim.factor})` };
    }
    case 'sharpnessAtThreshold': {
      const recent = run.sharpness.slice(-claim.last);
      const mean = recent.length === claim.last ? recent.reduce((sum, value) => sum + value, 0) / recent.length : null;
      const ok = mean !== null && run.threshold !== null && Math.abs(mean / run.threshold - 1) <= claim.tolerance;
      return { ok, detail: `${run.id}: mean of the last ${claim.last} λmax ${fmt(mean)}, 2/η ${fmt(run.threshold)} (within ${100 * claim.tolerance} %)` };
    }
    case 'sharpnessStartsBelow': {
      const first = run.sharpness[0] ?? null;
      const ok = first !== null && run.threshold !== null && first < claim.fraction * run.threshold;
      return { ok, detail: `${run.id}: first λmax ${fmt(first)}, 2/η ${fmt(run.threshold)} (below ${claim.fraction} · 2/η)` };
    }
    case 'lossRisesSometime': {
      const rises = run.trainLosses.some((loss, index) => index > 0 && loss > run.trainLosses[index - 1]);
      return { ok: rises, detail: `${run.id}: the training loss ${rises ? 'rose at least once' : 'never rose'} over ${run.trainLosses.length} evaluations` };
    }
  }
}

/** Every claim of a step, checked. */
export function checkClaims(claims: readonly TourClaim[], runs: readonly RunEvidence[]): { claim: TourClaim; result: ClaimResult }[] {
  return claims.map((claim) => ({ claim, result: checkClaim(claim, runs) }));
}

/**
 * The tours as data: unique ids, every step's link read by the page's link
 * reader without a single message, and every claim of every analytic step
 * true when the step's experiment is run by the engine itself (the same
 * AnalyticRuns the page's worker steps), independently of the page.
 */
import '../../workers/engine/testing/nodeGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../workers/engine/testing/backend';
import { AnalyticRuns } from '../../workers/engine/analytic/runs';
import { stableStepLimit } from '../../workers/engine/analytic/stability';
import { analyticProblemOf, checkedExperiment, isAnalyticExperiment } from '../../workers/engine/spec/experiment';
import { hashToExperiment } from '../url/hash';
import { checkClaims, type RunEvidence } from './claims';
import { TOURS, tourById } from './index';
import type { TourStep } from './types';

beforeAll(async () => {
  await useTestBackend();
});

/** Runs an analytic step's experiment to its step count in the engine and collects each run's evidence. */
async function analyticEvidence(step: TourStep): Promise<RunEvidence[]> {
  const { experiment } = hashToExperiment(step.link);
  const checked = checkedExperiment(experiment);
  if (checked.kind !== 'analytic') throw new Error('not an analytic step');
  const runs = new AnalyticRuns(analyticProblemOf(checked.experiment.problem), checked.optimizers, checked.experiment.start);
  const start = await runs.initial();
  const evidence: RunEvidence[] = experiment.optimizers.map((spec) => ({
    id: spec.id, diverged: false, end: [...experiment.start], loss: start.loss, trainLosses: [], sharpness: [], threshold: null,
  }));
  const batch = await runs.step(experiment.steps);
  for (const run of batch.runs) {
    const m = run.losses.length;
    const entry = evidence[run.index];
    entry.diverged = run.divergedAt !== null;
    if (m > 0) {
      entry.end = [run.points[2 * m - 2], run.points[2 * m - 1]];
      entry.loss = run.losses[m - 1];
    }
  }
  return evidence;
}

describe('tour data', () => {
  it('has unique tour ids, each found by tourById, and at least two steps per tour', () => {
    const ids = TOURS.map((tour) => tour.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tour of TOURS) {
      expect(tourById(tour.id)).toBe(tour);
      expect(tour.steps.length).toBeGreaterThanOrEqual(2);
      expect(tour.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(tourById('no-such-tour')).toBeUndefined();
  });

  for (const tour of TOURS) {
    tour.steps.forEach((step, index) => {
      it(`${tour.id} step ${index + 1}: the link reads back without messages, and every claim names a run of it`, () => {
        const { experiment, messages } = hashToExperiment(step.link);
        expect(messages).toEqual([]);
        const ids = experiment.optimizers.map((spec) => spec.id);
        for (const claim of step.claims ?? []) {
          expect(ids).toContain(claim.run);
          if (claim.kind === 'lowerLoss') expect(ids).toContain(claim.than);
        }
        expect(step.text.length).toBeGreaterThan(40);
        expect(step.notice.length).toBeGreaterThan(10);
      });
    });
  }
});

describe('the quadratic bowl of ill-conditioning sits on the stated sides of the stability limits', () => {
  const tour = tourById('ill-conditioning')!;
  it('κ = 20: gradient descent is stable below 0.1, momentum (μ = 0.9) below 0.19', () => {
    expect(stableStepLimit('gradient_descent', 20)).toBeCloseTo(0.1, 12);
    expect(stableStepLimit('momentum', 20, 0.9)).toBeCloseTo(0.19, 12);
    for (const step of tour.steps) {
      const { experiment } = hashToExperiment(step.link);
      if (!isAnalyticExperiment(experiment)) throw new Error('analytic steps only');
      expect(experiment.problem.condition).toBe(20);
      for (const spec of experiment.optimizers) {
        const rule = spec.name === 'momentum' ? 'momentum' : 'gradient_descent';
        const limit = stableStepLimit(rule, 20, spec.name === 'momentum' ? Number(spec.momentum) : 0)!;
        const claim = step.claims?.find((candidate) => candidate.run === spec.id);
        if (claim?.kind === 'diverges') expect(Number(spec.lr), `${spec.id} in "${step.title}"`).toBeGreaterThan(limit);
        if (claim?.kind === 'converges') expect(Number(spec.lr), `${spec.id} in "${step.title}"`).toBeLessThan(limit);
      }
    }
  });
});

describe('every analytic step says what the engine computes', () => {
  for (const tour of TOURS) {
    tour.steps.forEach((step, index) => {
      if (!isAnalyticExperiment(hashToExperiment(step.link).experiment)) return;
      it(`${tour.id} step ${index + 1}: ${step.title}`, async () => {
        const evidence = await analyticEvidence(step);
        for (const { claim, result } of checkClaims(step.claims ?? [], evidence)) {
          expect(result.ok, `${claim.kind}: ${result.detail}`).toBe(true);
        }
      });
    });
  }
});

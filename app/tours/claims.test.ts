import { describe, expect, it } from 'vitest';
import { checkClaim, type RunEvidence } from './claims';

const run = (patch: Partial<RunEvidence> & { id: string }): RunEvidence => ({
  diverged: false, end: null, loss: null, trainLosses: [], sharpness: [], threshold: null, ...patch,
});

describe('checkClaim', () => {
  const runs = [
    run({ id: 'a', end: [0.001, 0], loss: 1e-6 }),
    run({ id: 'b', diverged: true, end: [5e5, 1], loss: 1e10 }),
    run({ id: 'c', end: [0.5, 2], loss: -3.5 }),
    run({ id: 'n', loss: 0.1, trainLosses: [1, 0.5, 0.7, 0.2], sharpness: [10, 20, 27], threshold: 2 / 0.07 }),
  ];
  it('diverges / converges / lossBelow', () => {
    expect(checkClaim({ kind: 'diverges', run: 'b' }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'diverges', run: 'a' }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'converges', run: 'a', below: 1e-3 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'converges', run: 'a', below: 1e-7 }, runs).ok).toBe(false);
    // A diverged run never converges, whatever its loss.
    expect(checkClaim({ kind: 'converges', run: 'b', below: Infinity }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'lossBelow', run: 'c', below: -1 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'lossBelow', run: 'a', below: -1 }, runs).ok).toBe(false);
  });
  it('endsNear / endsAway measure the Euclidean distance to the point', () => {
    expect(checkClaim({ kind: 'endsNear', run: 'a', point: [0, 0], tolerance: 2e-3 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'endsNear', run: 'a', point: [0, 0], tolerance: 5e-4 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'endsAway', run: 'c', point: [0, 0], distance: 2 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'endsAway', run: 'c', point: [0, 0], distance: 2.1 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'endsNear', run: 'n', point: [0, 0], tolerance: 1 }, runs).ok).toBe(false);
  });
  it('lowerLoss needs the factor and positive losses', () => {
    expect(checkClaim({ kind: 'lowerLoss', run: 'a', than: 'n', factor: 1e4 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'lowerLoss', run: 'a', than: 'n', factor: 1e6 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'lowerLoss', run: 'c', than: 'n', factor: 1 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'lowerLoss', run: 'a', than: 'zz', factor: 1 }, runs).ok).toBe(false);
  });
  it('sharpness against 2/η, and a loss that rises', () => {
    // 2/η = 28.57: the last value 27 is within 6 %, the mean of the last two (23.5) only within 18 %.
    expect(checkClaim({ kind: 'sharpnessAtThreshold', run: 'n', tolerance: 0.06, last: 1 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'sharpnessAtThreshold', run: 'n', tolerance: 0.02, last: 1 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'sharpnessAtThreshold', run: 'n', tolerance: 0.15, last: 2 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'sharpnessAtThreshold', run: 'n', tolerance: 0.2, last: 2 }, runs).ok).toBe(true);
    // Fewer measurements than asked for: not shown.
    expect(checkClaim({ kind: 'sharpnessAtThreshold', run: 'n', tolerance: 1, last: 4 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'sharpnessStartsBelow', run: 'n', fraction: 0.5 }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'sharpnessStartsBelow', run: 'n', fraction: 0.3 }, runs).ok).toBe(false);
    expect(checkClaim({ kind: 'lossRisesSometime', run: 'n' }, runs).ok).toBe(true);
    expect(checkClaim({ kind: 'lossRisesSometime', run: 'a' }, runs).ok).toBe(false);
  });
  it('fails a claim about a run that is not there', () => {
    expect(checkClaim({ kind: 'diverges', run: 'missing' }, runs)).toEqual({ ok: false, detail: 'no run "missing"' });
  });
});

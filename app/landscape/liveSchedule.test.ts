import { describe, expect, it } from 'vitest';
import { defaultSliceSettings } from '../../workers/engine/spec/landscapeSettings';
import { LiveSchedule, PCA_MIN_POINTS, liveSliceSettings, namesPlane, refinesShown, type LiveSituation } from './liveSchedule';

const at = (step: number, running: boolean, every = 20): LiveSituation => ({ ready: true, running, step, every });

describe('LiveSchedule', () => {
  it('asks for nothing before the runs exist, then a coarse slice at θ₀ and, once it is in, the full one', () => {
    const schedule = new LiveSchedule();
    expect(schedule.next({ ...at(0, false), ready: false })).toBeNull();
    const coarse = schedule.next(at(0, false));
    expect(coarse).toEqual({ kind: 'coarse', step: 0 });
    // The full slice waits for the coarse one instead of cancelling it.
    expect(schedule.next(at(0, false))).toBeNull();
    schedule.settled(coarse!);
    const full = schedule.next(at(0, false));
    expect(full).toEqual({ kind: 'full', step: 0 });
    schedule.settled(full!);
    expect(schedule.next(at(0, false))).toBeNull();
  });

  it('while training runs, a coarse slice every N steps, never two at once and never queued', () => {
    const schedule = new LiveSchedule();
    schedule.settled(schedule.next(at(0, false))!);
    const refining = schedule.next(at(0, false))!;
    // Training starts: the refinement at θ₀ is superseded only once N steps have passed.
    expect(schedule.next(at(5, true))).toBeNull();
    const first = schedule.next(at(20, true));
    expect(first).toEqual({ kind: 'coarse', step: 20 });
    expect(schedule.pending).toBe(first);
    schedule.settled(refining); // the superseded one ending changes nothing
    expect(schedule.pending).toBe(first);
    // A slow coarse slice: steps 40 and 60 pass while it runs; nothing piles up behind it.
    expect(schedule.next(at(40, true))).toBeNull();
    expect(schedule.next(at(60, true))).toBeNull();
    schedule.settled(first!);
    // The next one starts from the newest step.
    expect(schedule.next(at(61, true))).toEqual({ kind: 'coarse', step: 61 });
  });

  it('refines when training pauses or finishes, and a resumed run supersedes the refinement', () => {
    const schedule = new LiveSchedule();
    schedule.settled(schedule.next(at(0, false))!);
    schedule.settled(schedule.next(at(0, false))!);
    schedule.settled(schedule.next(at(20, true))!);
    const refine = schedule.next(at(33, false));
    expect(refine).toEqual({ kind: 'full', step: 33 });
    // Resumed before the refinement finished: the next coarse slice (N steps on) replaces it.
    expect(schedule.next(at(40, true))).toBeNull();
    expect(schedule.next(at(53, true))).toEqual({ kind: 'coarse', step: 53 });
  });

  it('a refinement of an older step gives way to one of the newer step; every = 0 never slices while running', () => {
    const schedule = new LiveSchedule();
    schedule.settled(schedule.next(at(0, false, 0))!);
    expect(schedule.next(at(0, false, 0))).toEqual({ kind: 'full', step: 0 });
    expect(schedule.next(at(500, true, 0))).toBeNull();
    expect(schedule.next(at(501, false, 0))).toEqual({ kind: 'full', step: 501 });
  });

  it("never supersedes the user's slice; starts over with the runs; new settings want a new full slice", () => {
    const schedule = new LiveSchedule();
    schedule.settled(schedule.next(at(0, false))!);
    const mine = schedule.explicit(0);
    expect(schedule.next(at(100, true))).toBeNull();
    schedule.settled(mine);
    expect(schedule.next(at(100, true))).toEqual({ kind: 'coarse', step: 100 });
    schedule.restart();
    expect(schedule.pending).toBeNull();
    expect(schedule.next(at(0, false))).toEqual({ kind: 'coarse', step: 0 });
    schedule.settled(schedule.pending!);
    schedule.settled(schedule.next(at(0, false))!);
    expect(schedule.next(at(0, false))).toBeNull();
    schedule.settingsChanged();
    expect(schedule.next(at(0, false))).toEqual({ kind: 'full', step: 0 });
  });
});

describe('liveSliceSettings', () => {
  const settings = defaultSliceSettings();

  it('uses the followed run’s trajectory plane once its path has three points, a random plane through it before', () => {
    expect(PCA_MIN_POINTS).toBe(3);
    const before = liveSliceSettings(settings, 'full', { runId: 'o2', pathPoints: 2, chosen: false });
    expect(before).toMatchObject({ directions: 'random', centre: 'o2', resolution: settings.resolution });
    const after = liveSliceSettings(settings, 'full', { runId: 'o2', pathPoints: 3, chosen: false });
    expect(after).toMatchObject({ directions: 'pca', centre: 'o2' });
  });

  it('keeps a plane the user picked, and the user’s own slice as it is', () => {
    const hessian = { ...settings, directions: 'hessian' as const, centre: 'o1' };
    expect(liveSliceSettings(hessian, 'full', { runId: 'o2', pathPoints: 50, chosen: true })).toMatchObject({ directions: 'hessian', centre: 'o1' });
    expect(liveSliceSettings(settings, 'explicit', { runId: 'o2', pathPoints: 50, chosen: false })).toEqual(settings);
  });

  it('makes coarse slices at most 21 points per side (51 on a line), never more than asked', () => {
    const context = { runId: 'o1', pathPoints: 1, chosen: false };
    expect(liveSliceSettings(settings, 'coarse', context).resolution).toBe(21);
    expect(liveSliceSettings({ ...settings, resolution: 9 }, 'coarse', context).resolution).toBe(9);
    expect(liveSliceSettings({ ...settings, dims: 1, resolution: 201 }, 'coarse', context).resolution).toBe(51);
    // The ranges are copies: the live settings never alias the experiment's.
    expect(liveSliceSettings(settings, 'coarse', context).alpha).not.toBe(settings.alpha);
  });

  it('namesPlane: only a plane other than the default counts as chosen', () => {
    expect(namesPlane(settings)).toBe(false);
    expect(namesPlane({ ...settings, resolution: 33, alpha: [-2, 2] })).toBe(false);
    expect(namesPlane({ ...settings, directions: 'pca' })).toBe(true);
    expect(namesPlane({ ...settings, centre: 'init' })).toBe(true);
  });
});

describe('refinesShown', () => {
  it('shows a partial field only when its exact points are at least as dense as those on screen', () => {
    expect(refinesShown(8, 65, null)).toBe(true);
    expect(refinesShown(0, 65, 21)).toBe(false);
    // 65 points at stride 4 are exact every 4/64 = 0.0625 of the range, 21 points every 0.05: coarser.
    expect(refinesShown(4, 65, 21)).toBe(false);
    expect(refinesShown(2, 65, 21)).toBe(true);
    expect(refinesShown(1, 65, 65)).toBe(true);
    expect(refinesShown(2, 65, 65)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { probePendingPoint } from './displaySlice';
import { createAppStore } from './store';

/** A finished 9 × 9 slice, as the landscape session publishes it (only what the subscription reads). */
function finishSlice(store: ReturnType<typeof createAppStore>, version: number): void {
  const field = { nx: 9, ny: 9, window: { x: [-1, 1], y: [-1, 1] }, values: new Float32Array(81), version } as never;
  store.getState().patchLandscape({ field, sliceJob: { label: 'Slice', state: 'running', progress: 0, message: null } as never });
  store.getState().patchLandscape({ sliceJob: { label: 'Slice', state: 'done', progress: 1, message: null } as never });
}

describe('probePendingPoint', () => {
  it("probes a link's point on every finished slice until a click replaces it", () => {
    const store = createAppStore();
    const stop = probePendingPoint(store);
    store.getState().setPendingPoint([0.25, -0.5]);
    expect(store.getState().probeRequest).toBeNull();

    finishSlice(store, 1);
    const first = store.getState().probeRequest;
    expect(first).toMatchObject({ alpha: 0.25, beta: -0.5 });
    // The point keeps waiting: the next slice (one that follows training) is probed at it again.
    expect(store.getState().pendingPoint).toEqual([0.25, -0.5]);
    finishSlice(store, 2);
    const second = store.getState().probeRequest;
    expect(second).toMatchObject({ alpha: 0.25, beta: -0.5 });
    expect(second!.token).toBeGreaterThan(first!.token);

    // A click elsewhere replaces the link's point for good.
    store.getState().requestProbe(0.1, 0.1);
    expect(store.getState().pendingPoint).toBeNull();
    finishSlice(store, 3);
    expect(store.getState().probeRequest).toMatchObject({ alpha: 0.1, beta: 0.1 });
    stop();
  });
});

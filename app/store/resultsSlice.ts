/**
 * The results slice: typed arrays computed by the worker, in the shapes the
 * scene draws (app/scene/types.ts). Buffers are preallocated and written in
 * place; each write bumps a `version` and replaces only the small wrapper
 * object, so subscribers re-render without any array being copied.
 */
import type { StateCreator } from 'zustand';
import type { HeightField, MarkerView, PathView } from '../scene/types';
import type { Store } from './store';

export interface ResultsSlice {
  /** The surface (null until the first heights arrive). */
  field: HeightField | null;
  /** One path per optimizer, in the experiment's order. */
  paths: PathView[];
  /** Critical points and the start. */
  markers: MarkerView[];
  setField(field: HeightField | null): void;
  setPaths(paths: PathView[]): void;
  setMarkers(markers: MarkerView[]): void;
}

export const createResultsSlice: StateCreator<Store, [], [], ResultsSlice> = (set) => ({
  field: null,
  paths: [],
  markers: [],
  setField: (field) => set({ field }),
  setPaths: (paths) => set({ paths }),
  setMarkers: (markers) => set({ markers }),
});

/**
 * A path with room for `capacity` points (the start plus every step), empty.
 * The buffers are allocated once per run and never reallocated.
 */
export function emptyPath(spec: { id: string; label: string; color: string }, capacity: number): PathView {
  return {
    id: spec.id,
    label: spec.label,
    color: spec.color,
    points: new Float64Array(2 * capacity),
    losses: new Float64Array(capacity),
    length: 0,
    status: 'idle',
    version: 0,
  };
}

/**
 * Appends points (interleaved x, y) and their losses to `path` in place and
 * returns a new wrapper over the same buffers with `length` and `version` updated.
 * Throws if the buffers are too small: the runner never asks for more steps than it allocated.
 */
export function appendToPath(
  path: PathView,
  points: Float64Array,
  losses: Float64Array,
  status: PathView['status'],
): PathView {
  const count = losses.length;
  if (points.length !== 2 * count) throw new RangeError(`appendToPath: ${points.length} coordinates for ${count} losses`);
  if (path.length + count > path.losses.length) {
    throw new RangeError(`appendToPath: ${path.length} + ${count} points exceed the capacity ${path.losses.length}`);
  }
  path.points.set(points, 2 * path.length);
  path.losses.set(losses, path.length);
  return { ...path, length: path.length + count, status, version: path.version + 1 };
}

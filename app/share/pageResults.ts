/**
 * What the page shows, as the plain data the exports write: the surface
 * (an analytic function on its window, or a network's 2-D slice) in the
 * results document's form (`SurfaceResults`, so the CSV writer of
 * app/export serves the page and the command line alike), and the whole
 * experiment file. Pure functions of the store's state.
 */
import { linspace } from '../../workers/engine/math/plane/grid';
import { sliceSurface, valuesOf, type SurfaceResults } from '../export/results';
import type { MarkerView, PathView } from '../scene/types';
import { selectDisplay } from '../store/displaySlice';
import type { Store } from '../store/store';
import { stateToLink } from '../url/link';
import { EXPERIMENT_FILE_FORMAT, type ExperimentFile, type SavedMarker, type SavedPath } from './experimentFile';

/** The surface on screen, or null (none yet, or a line slice). */
export function shownSurface(state: Store): SurfaceResults | null {
  if (state.experiment.problem.kind === 'analytic') {
    const field = state.field;
    if (field === null) return null;
    const { window } = field;
    return {
      of: 'function',
      quantity: 'f',
      split: null,
      nx: field.nx,
      ny: field.ny,
      x: { name: 'x', values: Array.from(linspace(window.xMin, window.xMax, field.nx)) },
      y: { name: 'y', values: Array.from(linspace(window.yMin, window.yMax, field.ny)) },
      values: valuesOf(field.values),
    };
  }
  const slice = state.landscape.slice;
  if (slice === null || slice.ny < 2 || state.landscape.field === null) return null;
  return sliceSurface(slice);
}

/** The paths drawn on the landscape, as plain points and losses. */
function savedPaths(paths: readonly PathView[]): SavedPath[] {
  return paths.map((path) => {
    const points: [number, number][] = [];
    for (let k = 0; k < path.length; k++) points.push([path.points[2 * k], path.points[2 * k + 1]]);
    return { id: path.id, label: path.label, color: path.color, points, losses: valuesOf(path.losses.subarray(0, path.length)) };
  });
}

const savedMarkers = (markers: readonly MarkerView[]): SavedMarker[] => markers.map((marker) => ({ kind: marker.kind, x: marker.x, y: marker.y }));

/** The experiment file of what the page shows now (`savedAt`: when, as ISO 8601). */
export function experimentFileOf(state: Store, savedAt: string): ExperimentFile {
  const analytic = state.experiment.problem.kind === 'analytic';
  const display = selectDisplay(state);
  return {
    format: EXPERIMENT_FILE_FORMAT,
    link: stateToLink(state.experiment, display),
    experiment: state.experiment,
    display,
    backend: state.backend,
    savedAt,
    surface: shownSurface(state),
    paths: savedPaths(analytic ? state.paths : state.landscape.paths),
    curves: analytic
      ? []
      : state.curves.map((curve) => ({
          id: curve.id,
          label: curve.label,
          color: curve.color,
          steps: Array.from(curve.trainLoss.steps.subarray(0, curve.trainLoss.length)),
          trainLoss: valuesOf(curve.trainLoss.values.subarray(0, curve.trainLoss.length)),
          // Evaluated at the same steps; a test loss not there yet is null.
          testLoss: valuesOf(Array.from({ length: curve.trainLoss.length }, (_, k) => (k < curve.testLoss.length ? curve.testLoss.values[k] : NaN))),
        })),
    markers: savedMarkers(analytic ? state.markers : state.landscape.markers),
  };
}

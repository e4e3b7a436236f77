/**
 * Tick labels of the 3-D view: nice values of x along the plane's front edge
 * (y = yMin) and of y along its right edge (x = xMax), the two edges nearest
 * the home camera, each a little outside the square on the floor.
 */
import { niceTicks } from './niceTicks';
import { formatCoordinate } from '../ui/format';
import { PLANE_SIZE, planeToLocalX, planeToLocalY } from './planeLayout';
import type { PlaneWindow } from './types';

/** One label: its text and its anchor in the plane group's local coordinates. */
export interface AxisLabel3D {
  key: string;
  text: string;
  /** Axis names are set apart from the tick values. */
  isName: boolean;
  local: [number, number, number];
}

/** Distance of tick labels outside the square's edge, in scene units. */
const TICK_OFFSET = 0.55;
/** Distance of the axis names outside the edge. */
const NAME_OFFSET = 1.4;

/**
 * Labels for the window: for each nice x tick (about 5) the point
 * (x_local, −S/2 − offset, 0), for each nice y tick (S/2 + offset, y_local, 0),
 * plus the two axis names at the middle of their edges.
 */
export function axisLabels3D(window: PlaneWindow, names: readonly [string, string]): AxisLabel3D[] {
  const half = PLANE_SIZE / 2;
  const labels: AxisLabel3D[] = [];
  for (const x of niceTicks(window.xMin, window.xMax, 5)) {
    labels.push({ key: `x:${x}`, text: formatCoordinate(x), isName: false, local: [planeToLocalX(window, x), -half - TICK_OFFSET, 0] });
  }
  for (const y of niceTicks(window.yMin, window.yMax, 5)) {
    labels.push({ key: `y:${y}`, text: formatCoordinate(y), isName: false, local: [half + TICK_OFFSET, planeToLocalY(window, y), 0] });
  }
  labels.push({ key: 'name:x', text: names[0], isName: true, local: [0, -half - NAME_OFFSET, 0] });
  labels.push({ key: 'name:y', text: names[1], isName: true, local: [half + NAME_OFFSET, 0, 0] });
  return labels;
}

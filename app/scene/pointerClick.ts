/**
 * Telling a click from a drag: a press and release closer than CLICK_TRAVEL_PX
 * CSS pixels is a click (pick a point); anything longer is a drag (orbit, pan).
 */

/** Largest pointer travel, in CSS pixels, between press and release that still counts as a click. */
export const CLICK_TRAVEL_PX = 5;

/** Whether a press-to-release travel of (dx, dy) pixels is a click: √(dx² + dy²) < CLICK_TRAVEL_PX. */
export function isClickTravel(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) < CLICK_TRAVEL_PX;
}

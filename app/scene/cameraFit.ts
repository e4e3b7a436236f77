/**
 * How wide the 3-D camera looks. The home pose frames the plane for a view
 * about 1.45 times as wide as it is tall; a narrower view (a phone, a side
 * column) with the same vertical field of view would cut the plane's corners
 * off left and right. The horizontal field of view is kept instead, by
 * widening the vertical one: with half-angles, tan(v/2) = tan(v₀/2) · A₀ / A
 * for an aspect A below A₀, so tan(h/2) = A · tan(v/2) stays A₀ · tan(v₀/2).
 */

/** The vertical field of view of the home pose, in degrees, at aspects of at least {@link FRAMED_ASPECT}. */
export const HOME_FOV_DEGREES = 40;

/** The narrowest aspect (width / height) the home pose shows whole with {@link HOME_FOV_DEGREES}. */
export const FRAMED_ASPECT = 1.45;

/**
 * The vertical field of view (degrees) that shows as much across as the home
 * pose does at {@link FRAMED_ASPECT}: {@link HOME_FOV_DEGREES} for wider
 * views, 2·atan(tan(v₀/2)·A₀/A) for narrower ones. A non-positive or
 * non-finite aspect (a view not laid out yet) gets the home value.
 */
export function fittedFovDegrees(aspect: number): number {
  if (!(aspect > 0) || !Number.isFinite(aspect) || aspect >= FRAMED_ASPECT) return HOME_FOV_DEGREES;
  const halfHome = (HOME_FOV_DEGREES * Math.PI) / 360;
  return (360 / Math.PI) * Math.atan((Math.tan(halfHome) * FRAMED_ASPECT) / aspect);
}

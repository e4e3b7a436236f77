/**
 * How each kind of marked point looks and is named, shared by the 3-D glyphs,
 * the 2-D symbols and the hover tooltip so the three always agree.
 */
import { formatCoordinate, formatLoss, READOUT_DIGITS } from '../ui/format';
import type { MarkerView } from './types';

/** CSS colour of each marker kind: minima green, saddles orange, maxima red, the start white. */
export const MARKER_COLORS: Record<MarkerView['kind'], string> = {
  minimum: '#2ecc71',
  saddle: '#ff9f1a',
  maximum: '#e74c3c',
  start: '#f5f5f5',
};

/** Human-readable name of each marker kind. */
export const MARKER_NAMES: Record<MarkerView['kind'], string> = {
  minimum: 'Minimum',
  saddle: 'Saddle point',
  maximum: 'Maximum',
  start: 'Start',
};

/** Colour of the cross that ends a diverged path. */
export const DIVERGED_COLOR = '#ff2d2d';

/**
 * The tooltip lines of a marker: its name, the point (x, y), the loss when
 * known and the Hessian eigenvalues λ₁…λₙ when known.
 */
export function markerTooltipLines(marker: MarkerView): string[] {
  const lines = [MARKER_NAMES[marker.kind], `(x, y) = (${formatCoordinate(marker.x)}, ${formatCoordinate(marker.y)})`];
  if (marker.loss !== undefined) lines.push(`loss = ${formatLoss(marker.loss, READOUT_DIGITS)}`);
  if (marker.eigenvalues && marker.eigenvalues.length > 0) {
    lines.push(`Hessian eigenvalues: ${marker.eigenvalues.map((value) => formatLoss(value, READOUT_DIGITS)).join(', ')}`);
  }
  return lines;
}

/**
 * The hover box of a marked point, as a plain absolutely positioned HTML div
 * placed next to the pointer by whichever view detected the hover.
 */
import type { ReactElement } from 'react';
import { MARKER_COLORS, markerTooltipLines } from './markerStyle';
import type { MarkerView } from './types';

/** A marker under the pointer and where the pointer is, in CSS pixels from the view's top-left corner. */
export interface HoveredMarker {
  marker: MarkerView;
  left: number;
  top: number;
}

/** Props of {@link MarkerTooltip}. */
export interface MarkerTooltipProps {
  hovered: HoveredMarker;
}

/** Tooltip listing a marker's kind, point, loss and Hessian eigenvalues, offset from the pointer. */
export function MarkerTooltip({ hovered }: MarkerTooltipProps): ReactElement {
  const [title, ...details] = markerTooltipLines(hovered.marker);
  return (
    <div
      data-testid="marker-tooltip"
      role="tooltip"
      style={{
        position: 'absolute',
        left: hovered.left + 14,
        top: hovered.top + 14,
        padding: '6px 8px',
        background: 'rgba(16, 20, 26, 0.9)',
        color: '#e8ecf1',
        border: `1px solid ${MARKER_COLORS[hovered.marker.kind]}`,
        borderRadius: 4,
        font: '12px/1.35 system-ui, sans-serif',
        pointerEvents: 'none',
        whiteSpace: 'nowrap',
        zIndex: 2,
      }}
    >
      <div style={{ fontWeight: 600, color: MARKER_COLORS[hovered.marker.kind] }}>{title}</div>
      {details.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/**
 * The colour bar: the colour map from the lowest loss (bottom) to the highest
 * (top), with tick labels in loss units placed by the same height scale as the
 * surface, so a log scale shows its decades where their colours are. Ticks
 * closer than a label's height are thinned so that labels never overprint.
 */
import type { CSSProperties, ReactElement } from 'react';
import { NON_FINITE_SRGB, colormapGradientCss } from './colormap';
import { legibleTicks, scaleTicks, type HeightMapping } from './heightScale';
import type { ColormapName } from './types';

/** Props of {@link Legend}. */
export interface LegendProps {
  mapping: HeightMapping;
  colormap: ColormapName;
  /** Extra placement, e.g. which corner of the view it sits in. */
  style?: CSSProperties;
}

const BAR_HEIGHT_PX = 180;
/** Height a tick label takes on the bar: the panel's 11 px font at line height 1.2, and a pixel to spare. */
const LABEL_HEIGHT_PX = 14;

const panelStyle: CSSProperties = {
  position: 'absolute',
  right: 10,
  top: 12,
  padding: '8px 10px 10px',
  background: 'rgba(16, 20, 26, 0.72)',
  color: '#e8ecf1',
  borderRadius: 6,
  font: '11px/1.2 system-ui, sans-serif',
  pointerEvents: 'none',
  userSelect: 'none',
};

const greyCss = `rgb(${NON_FINITE_SRGB.map((c) => Math.round(c * 255)).join(' ')})`;

/** An HTML overlay (absolutely positioned in its parent) showing the colour scale of the landscape. */
export function Legend({ mapping, colormap, style }: LegendProps): ReactElement | null {
  if (mapping.finiteCount === 0) return null;
  const ticks = legibleTicks(scaleTicks(mapping), LABEL_HEIGHT_PX / BAR_HEIGHT_PX);
  return (
    <div data-testid="landscape-legend" style={{ ...panelStyle, ...style }}>
      <div style={{ marginBottom: 8, fontWeight: 600 }}>loss{mapping.log ? ' (log)' : ''}</div>
      <div style={{ position: 'relative', height: BAR_HEIGHT_PX, width: 64 }}>
        <div
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            bottom: 0,
            width: 14,
            background: colormapGradientCss(colormap, 'to top'),
            borderRadius: 2,
          }}
        />
        {ticks.map((tick) => (
          <div
            key={tick.label}
            data-testid="legend-tick"
            style={{
              position: 'absolute',
              left: 14,
              bottom: `${(tick.unit * 100).toFixed(2)}%`,
              transform: 'translateY(50%)',
              display: 'flex',
              alignItems: 'center',
              whiteSpace: 'nowrap',
            }}
          >
            <span style={{ width: 5, height: 1, background: '#e8ecf1', marginRight: 4 }} />
            {tick.label}
          </div>
        ))}
      </div>
      {mapping.nonFiniteCount > 0 && (
        <div style={{ marginTop: 8, display: 'flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 14, height: 10, background: greyCss, display: 'inline-block' }} />
          not finite
        </div>
      )}
    </div>
  );
}

/**
 * The spectral density of a curvature matrix, in SVG: the stochastic Lanczos
 * quadrature estimate as a solid curve over the exact eigenvalues' histogram
 * (when the full matrix was decomposed), random-matrix references with the
 * same mean and variance dashed; a linear or symmetric-log eigenvalue axis
 * and a linear or log density axis.
 */
import { useMemo, useState, type ReactElement } from 'react';
import { useElementWidth } from '../ui/useElementWidth';
import { formatSignificant } from '../ui/format';
import { REFERENCE_DASH } from '../plots/lineStyles';
import { curveOnAxis, histogramOnAxis, spectrumAxis, type SpectrumAxis } from './spectrumAxis';
import {
  decadeTicks,
  densityDomain,
  largestDensity,
  linearTicks,
  scaleValue,
  spectrumFrame,
  spectrumXDomain,
  type PlotFrame,
  svgPath,
  symlogTicks,
  type Scale,
  type Tick,
} from './spectrumScales';
import type { SpectrumView } from '../plots/types';
import '../plots/plots.css';

/** Colour of the estimated density and of each reference curve in turn. */
const SLQ_COLOR = '#4cc9f0';
const REFERENCE_COLORS = ['#ffd166', '#e466d4', '#5ccf6e', '#ff6b6b'];
const AXIS_COLOR = '#c9d1d9';

/** The matrices' names as the chart title says them. */
export const MATRIX_NAMES: Record<SpectrumView['matrix'], string> = {
  hessian: 'Hessian H',
  'gauss-newton': 'Gauss–Newton G',
  remainder: 'Remainder S = H − G',
};

/** Props of {@link SpectrumChart}. */
export interface SpectrumChartProps {
  spectrum: SpectrumView;
  /** Offers a linear / symlog switch when given (the curves for the other axis come from the owner). */
  onAxisChange?: (axis: SpectrumView['axis']) => void;
}

/** About one eigenvalue tick per this many pixels of plot width, so labels never run into each other. */
const X_TICK_SPACING_PX = 80;

/** Closest two decade ticks of a symlog axis may come, in pixels (a twelfth of the full 636-pixel plot). */
const SYMLOG_TICK_SPACING_PX = 53;

/** The number of x ticks asked for: 8 on the full 636-pixel plot, fewer (at least 3) on a narrower one. */
function xTickCount(frame: PlotFrame): number {
  return Math.max(3, Math.min(8, Math.round(frame.plotWidth / X_TICK_SPACING_PX)));
}

/** Everything drawn, in axis units: curves, bars, domains and ticks. */
function layout(spectrum: SpectrumView, axis: SpectrumAxis, logY: boolean, frame: PlotFrame) {
  const slq = spectrum.slq ? curveOnAxis(spectrum.slq, axis) : null;
  const references = spectrum.references.map((reference) => ({ label: reference.label, curve: curveOnAxis(reference, axis) }));
  const histogram = spectrum.exact ? histogramOnAxis(spectrum.exact, axis) : null;
  const curves = [...(slq ? [slq] : []), ...references.map((r) => r.curve)];
  const xDomain = spectrumXDomain(curves, histogram);
  const yDomain = densityDomain(largestDensity(curves, histogram), logY);
  const xScale: Scale = { domain: xDomain, range: [frame.left, frame.left + frame.plotWidth], log: false };
  const yScale: Scale = { domain: yDomain, range: [frame.top + frame.plotHeight, frame.top], log: logY };
  const xTicks: Tick[] =
    axis.kind === 'linear'
      ? linearTicks(xDomain[0], xDomain[1], xTickCount(frame))
      : symlogTicks(xDomain[0], xDomain[1], axis, ((xDomain[1] - xDomain[0]) * SYMLOG_TICK_SPACING_PX) / frame.plotWidth);
  const yTicks: Tick[] = logY ? decadeTicks(yDomain[0], yDomain[1]) : linearTicks(yDomain[0], yDomain[1], Math.max(3, Math.min(5, Math.round(frame.plotHeight / 45))));
  return { slq, references, histogram, xScale, yScale, xTicks, yTicks };
}

/** Bars of the histogram as SVG rectangles from the density axis's floor up to each bin's density. */
function Bars({ histogram, xScale, yScale }: { histogram: { edges: Float64Array; density: Float64Array }; xScale: Scale; yScale: Scale }): ReactElement {
  const bottom = yScale.range[0];
  const bars: ReactElement[] = [];
  histogram.density.forEach((density, b) => {
    if (!(density > 0) || (yScale.log && density < yScale.domain[0])) return;
    const x0 = scaleValue(xScale, histogram.edges[b]);
    const x1 = scaleValue(xScale, histogram.edges[b + 1]);
    const top = scaleValue(yScale, density);
    bars.push(<rect key={b} x={x0} y={top} width={Math.max(0.5, x1 - x0)} height={Math.max(0, bottom - top)} />);
  });
  return <g className="spectrum-bars">{bars}</g>;
}

/** Spectral density chart with its controls and legend. */
export function SpectrumChart({ spectrum, onAxisChange }: SpectrumChartProps): ReactElement {
  const [logY, setLogY] = useState(false);
  // The frame follows the container's width, so the text stays legible in a narrow column.
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const frame = useMemo(() => spectrumFrame(width), [width]);
  const axis = spectrumAxis(spectrum);
  const drawn = useMemo(() => layout(spectrum, axis, logY, frame), [spectrum, axis.kind, axis.scale, logY, frame]);
  const { slq, references, histogram, xScale, yScale, xTicks, yTicks } = drawn;
  const bottom = frame.top + frame.plotHeight;
  const hasContent = slq !== null || histogram !== null || references.length > 0;
  const matrixName = MATRIX_NAMES[spectrum.matrix];
  const xName = axis.kind === 'linear' ? 'eigenvalue λ' : `eigenvalue λ (symlog axis, linear within ±${formatSignificant(axis.scale, 2)})`;
  const description = [
    `Spectral density of the ${matrixName}`,
    slq && 'stochastic Lanczos estimate',
    histogram && `histogram of ${spectrum.exact?.length} exact eigenvalues`,
    ...references.map((r) => `${r.label} reference`),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div className="view-chart spectrum-chart" data-testid="spectrum-chart" data-axis={axis.kind}>
      <div className="chart-head">
        <span>Spectral density · {matrixName}</span>
        <label className="check">
          <input type="checkbox" checked={logY} onChange={(event) => setLogY(event.target.checked)} />
          log density
        </label>
        {onAxisChange && (
          <span className="segmented axis-switch" role="group" aria-label="eigenvalue axis">
            {(['linear', 'symlog'] as const).map((kind) => (
              <button key={kind} type="button" className="secondary" aria-pressed={spectrum.axis === kind} onClick={() => onAxisChange(kind)}>
                {kind}
              </button>
            ))}
          </span>
        )}
      </div>
      <div className="spectrum-box" ref={boxRef}>
        <svg className="spectrum-svg" width={frame.width} height={frame.height} viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={description}>
          <title>{description}</title>
          {hasContent ? (
            <>
              <g className="spectrum-grid">
                {yTicks.map((tick) => {
                  const y = scaleValue(yScale, tick.position);
                  return <line key={`gy${tick.label}`} x1={frame.left} x2={frame.left + frame.plotWidth} y1={y} y2={y} />;
                })}
              </g>
              {histogram && <Bars histogram={histogram} xScale={xScale} yScale={yScale} />}
              {references.map((reference, k) => (
                <path
                  key={reference.label}
                  d={svgPath(reference.curve.x, reference.curve.density, xScale, yScale)}
                  fill="none"
                  stroke={REFERENCE_COLORS[k % REFERENCE_COLORS.length]}
                  strokeWidth={1.75}
                  strokeDasharray={REFERENCE_DASH.join(' ')}
                />
              ))}
              {slq && <path d={svgPath(slq.x, slq.density, xScale, yScale)} fill="none" stroke={SLQ_COLOR} strokeWidth={2.5} strokeLinejoin="round" />}
            </>
          ) : (
            <text x={frame.left + frame.plotWidth / 2} y={frame.top + frame.plotHeight / 2} textAnchor="middle" fill={AXIS_COLOR}>
              no spectrum yet
            </text>
          )}
          <g className="spectrum-axes" fill={AXIS_COLOR} fontSize={12}>
            <rect x={frame.left} y={frame.top} width={frame.plotWidth} height={frame.plotHeight} fill="none" stroke={AXIS_COLOR} strokeWidth={1} />
            {xTicks.map((tick) => {
              const x = scaleValue(xScale, tick.position);
              return (
                <g key={`x${tick.position}`}>
                  <line x1={x} x2={x} y1={bottom} y2={bottom + 5} stroke={AXIS_COLOR} />
                  <text x={x} y={bottom + 19} textAnchor="middle">
                    {tick.label}
                  </text>
                </g>
              );
            })}
            {yTicks.map((tick) => {
              const y = scaleValue(yScale, tick.position);
              return (
                <g key={`y${tick.position}`}>
                  <line x1={frame.left - 5} x2={frame.left} y1={y} y2={y} stroke={AXIS_COLOR} />
                  <text x={frame.left - 8} y={y + 4} textAnchor="end">
                    {tick.label}
                  </text>
                </g>
              );
            })}
            <text x={frame.left + frame.plotWidth / 2} y={frame.height - 6} textAnchor="middle">
              {xName}
            </text>
            <text transform={`translate(16 ${frame.top + frame.plotHeight / 2}) rotate(-90)`} textAnchor="middle">
              {logY ? 'density (log)' : 'density'}
            </text>
          </g>
        </svg>
      </div>
      {spectrum.nonNegative && (
        <p className="note spectrum-note" data-testid="spectrum-psd-note">
          {matrixName} is positive semi-definite: the smoothing is reflected at 0, so no density lies below 0.
        </p>
      )}
      <div className="run-legend" aria-label="legend">
        {slq && (
          <span className="legend-item">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={SLQ_COLOR} strokeWidth={2.5} />
            </svg>
            {spectrum.slq?.label ?? 'SLQ estimate'}
          </span>
        )}
        {histogram && (
          <span className="legend-item">
            <span className="swatch bar-swatch" aria-hidden="true" />
            exact eigenvalues (n = {spectrum.exact?.length})
          </span>
        )}
        {references.map((reference, k) => (
          <span key={reference.label} className="legend-item">
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" stroke={REFERENCE_COLORS[k % REFERENCE_COLORS.length]} strokeWidth={1.75} strokeDasharray={REFERENCE_DASH.join(' ')} />
            </svg>
            {reference.label}
          </span>
        ))}
      </div>
    </div>
  );
}

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LandscapeView } from './LandscapeView';
import type { HeightField, MarkerView, PathView } from './types';

const field: HeightField = {
  nx: 3,
  ny: 3,
  window: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 },
  values: new Float32Array([2, 1, 2, 1, 0, 1, 2, 1, 2]),
  version: 4,
};
const paths: PathView[] = [];
const markers: MarkerView[] = [{ x: 0, y: 0, kind: 'minimum', loss: 0 }];
const noPick = (): void => undefined;

describe('LandscapeView', () => {
  it('renders the contour canvas, the read-out and the legend in contour mode', () => {
    const html = renderToStaticMarkup(
      <LandscapeView field={field} paths={paths} markers={markers} scale={{ log: false }} mode="contour" onPick={noPick} resetViewToken={0} />,
    );
    expect(html).toContain('data-testid="landscape-view"');
    expect(html).toContain('data-mode="contour"');
    expect(html).toContain('data-testid="contour-canvas"');
    expect(html).toContain('data-testid="hover-readout"');
    expect(html).toContain('data-testid="landscape-legend"');
    expect(html).not.toContain('data-testid="landscape-empty"');
  });

  it('says there is nothing to show, and draws no legend, before the first field', () => {
    const html = renderToStaticMarkup(
      <LandscapeView field={null} paths={paths} markers={[]} scale={{ log: true }} mode="contour" onPick={noPick} resetViewToken={0} emptyMessage="Computing…" />,
    );
    expect(html).toContain('data-testid="landscape-empty"');
    expect(html).toContain('Computing…');
    expect(html).not.toContain('data-testid="landscape-legend"');
  });

  it('labels the legend with the log scale when asked', () => {
    const html = renderToStaticMarkup(
      <LandscapeView field={field} paths={paths} markers={markers} scale={{ log: true, colormap: 'magma' }} mode="contour" onPick={noPick} resetViewToken={0} />,
    );
    expect(html).toContain('loss (log)');
    // The magma gradient starts at its black end.
    expect(html).toContain('#000004');
  });

  it('renders a WebGL canvas with axis labels in 3-D mode', () => {
    const html = renderToStaticMarkup(
      <LandscapeView field={field} paths={paths} markers={markers} scale={{ log: false }} mode="3d" onPick={noPick} resetViewToken={0} axisLabels={['α', 'β']} />,
    );
    expect(html).toContain('data-mode="3d"');
    expect(html).toContain('<canvas');
    expect(html).not.toContain('data-testid="contour-canvas"');
    const labels = [...html.matchAll(/data-testid="axis-label-3d"[^>]*>([^<]*)</g)].map((match) => match[1]);
    // Window [−1, 1]²: nice ticks −1, −0.5, 0, 0.5, 1 on each axis, then the two names.
    expect(labels).toEqual(['-1', '-0.5', '0', '0.5', '1', '-1', '-0.5', '0', '0.5', '1', 'α', 'β']);
  });
});

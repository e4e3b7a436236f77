import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createHeightMapping } from './heightScale';
import { Legend } from './Legend';

/** Tick labels and their CSS bottom offsets, read back from the rendered markup. */
function ticksOf(html: string): Array<{ label: string; bottom: number }> {
  const ticks: Array<{ label: string; bottom: number }> = [];
  const pattern = /data-testid="legend-tick" style="[^"]*bottom:([\d.]+)%[^"]*"><span[^>]*><\/span>([^<]+)</g;
  for (const match of html.matchAll(pattern)) ticks.push({ bottom: Number(match[1]), label: match[2] });
  return ticks;
}

describe('Legend', () => {
  it('labels a linear scale with nice loss values from bottom to top', () => {
    const html = renderToStaticMarkup(<Legend mapping={createHeightMapping([0, 10], { log: false })} colormap="viridis" />);
    expect(html).toContain('loss<');
    const ticks = ticksOf(html);
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(ticks.map((tick) => tick.bottom)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('places log-scale decades by the log mapping and says so', () => {
    const html = renderToStaticMarkup(<Legend mapping={createHeightMapping([0, 1000], { log: true })} colormap="magma" />);
    expect(html).toContain('loss (log)');
    const ticks = ticksOf(html);
    expect(ticks[0]).toEqual({ label: '0', bottom: 0 });
    // 1 − 0 = 10 ε with ε = 0.1: height log10(11)/log10(10001), about 26 %, far above the linear 0.1 %.
    const one = ticks.find((tick) => tick.label === '1');
    expect(one?.bottom).toBeCloseTo((100 * Math.log10(11)) / Math.log10(10001), 1);
  });

  it('shows a grey key only when some values are not finite, and nothing without finite values', () => {
    expect(renderToStaticMarkup(<Legend mapping={createHeightMapping([0, 1], { log: false })} colormap="viridis" />)).not.toContain('not finite');
    expect(renderToStaticMarkup(<Legend mapping={createHeightMapping([0, NaN, 1], { log: false })} colormap="viridis" />)).toContain('not finite');
    expect(renderToStaticMarkup(<Legend mapping={createHeightMapping([NaN], { log: false })} colormap="viridis" />)).toBe('');
  });
});

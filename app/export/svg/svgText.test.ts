import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from '../testing/xmlCheck';
import { axisTicks } from './axes';
import { escapeXml, polylinePath, svgDocument, svgNumber, tag } from './svgText';

describe('SVG text', () => {
  it('rounds coordinates to hundredths without trailing zeros or negative zero', () => {
    expect([svgNumber(1.005), svgNumber(2), svgNumber(-0.001), svgNumber(12.3456)]).toEqual(['1', '2', '0', '12.35']);
  });

  it('escapes markup in text and attributes, and leaves out null attributes', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(tag('text', { x: 1.234, fill: null, title: 'a<b' }, 'c')).toBe('<text x="1.23" title="a&lt;b">c</text>');
  });

  it('breaks a polyline at non-finite points', () => {
    expect(polylinePath([[0, 0], [1, 1], [NaN, 2], [3, 3], [4, 4]])).toBe('M0 0L1 1M3 3L4 4');
  });

  it('makes a well-formed standalone document whose title is drawn and declared', () => {
    const text = svgDocument({ width: 100, height: 50, title: 'A & B', description: 'd' }, tag('g', {}, ''));
    const elements = checkWellFormedXml(text);
    expect(elements[0]).toMatchObject({ name: 'svg', attributes: { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 100 50' } });
    expect(elements.find((e) => e.name === 'title')?.text).toBe('A &amp; B');
  });

  it('gives nice linear ticks and decade ticks (with 2 and 5 over short ranges) on a log axis', () => {
    expect(axisTicks(0, 1, false).map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks(0.3, 30, true).map((t) => t.value)).toEqual([0.5, 1, 2, 5, 10, 20]);
    expect(axisTicks(1e-6, 1e2, true).map((t) => t.label)).toEqual(['1e-6', '1e-4', '0.01', '1', '100']);
  });
});

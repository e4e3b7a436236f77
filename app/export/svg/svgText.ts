/**
 * Writing SVG as text, deterministically: coordinates rounded to 1/100 of
 * a user unit, attributes in the order given, text escaped. The documents
 * are self-contained (no external fonts, images or styles), so a figure
 * opens the same anywhere and the same results give the same bytes.
 */

/** A coordinate or length as SVG text: rounded to two decimals, without trailing zeros (and never "-0"). */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** `text` with the characters XML reserves replaced by entities. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Attribute values: numbers through {@link svgNumber}, strings escaped; null or undefined leave the attribute out. */
export type Attributes = Record<string, string | number | null | undefined>;

/** An element `<name attrs>children</name>` (self-closing without children). */
export function tag(name: string, attributes: Attributes, children = ''): string {
  const text = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? svgNumber(value) : escapeXml(value)}"`)
    .join('');
  return children === '' ? `<${name}${text}/>` : `<${name}${text}>${children}</${name}>`;
}

/** A text element at (x, y) with `content` escaped. */
export function textTag(x: number, y: number, content: string, attributes: Attributes = {}): string {
  return tag('text', { x, y, ...attributes }, escapeXml(content));
}

/** "M x y L x y …" through the points; a point with a non-finite coordinate breaks the line. */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${svgNumber(x)} ${svgNumber(y)}`);
    drawing = true;
  }
  return parts.join('');
}

/** What a figure document says about itself. */
export interface FigureHead {
  width: number;
  height: number;
  /** The figure's title (also drawn at the top). */
  title: string;
  /** A sentence on what the figure shows (SVG `<desc>`). */
  description: string;
}

/** A standalone SVG document of `head`'s size holding `body`, on a white background, with its title drawn at the top. */
export function svgDocument(head: FigureHead, body: string): string {
  const { width, height, title, description } = head;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${svgNumber(width)}" height="${svgNumber(height)}" viewBox="0 0 ${svgNumber(width)} ${svgNumber(height)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    tag('title', {}, escapeXml(title)),
    tag('desc', {}, escapeXml(description)),
    tag('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    textTag(width / 2, 22, title, { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold', fill: '#111111' }),
    body,
    '</svg>',
    '',
  ].join('\n');
}

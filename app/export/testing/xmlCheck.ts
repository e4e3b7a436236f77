/**
 * Test helper: a strict well-formedness check of XML text (the SVG
 * figures), with no dependencies: one root element, every element closed
 * in order, attributes name="value" without repeats, no raw "<" in values
 * and no "&" outside the five predefined entities and character
 * references. Returns the elements found (name and attributes, in document
 * order), or throws naming the first fault and its offset.
 */

/** An element of the document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Its text content, entities left as written (direct children only). */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, at: number): void {
  for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
    if (!ENTITY.test(text.slice(k))) throw new Error(`a bare "&" at offset ${at + k}`);
  }
  if (text.includes('<')) throw new Error(`a raw "<" at offset ${at + text.indexOf('<')}`);
}

/** The elements of `xml` (see the module comment); throws on the first fault. */
export function checkWellFormedXml(xml: string): XmlElement[] {
  let position = 0;
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('the XML declaration is not closed');
    position = end + 2;
  }
  while (position < xml.length) {
    const next = xml.indexOf('<', position);
    const text = xml.slice(position, next < 0 ? xml.length : next);
    if (text.trim() !== '') {
      if (open.length === 0) throw new Error(`text outside the root element at offset ${position}`);
      checkText(text, position);
      open[open.length - 1].text += text;
    }
    if (next < 0) break;
    position = next;
    if (xml.startsWith('<!--', position)) {
      const end = xml.indexOf('-->', position);
      if (end < 0) throw new Error(`an unclosed comment at offset ${position}`);
      position = end + 3;
      continue;
    }
    if (xml.startsWith('</', position)) {
      const name = NAME.exec(xml.slice(position + 2))?.[0];
      const end = xml.indexOf('>', position);
      if (name === undefined || end < 0) throw new Error(`a bad closing tag at offset ${position}`);
      const top = open.pop();
      if (top === undefined || top.name !== name) throw new Error(`</${name}> at offset ${position} closes ${top ? `<${top.name}>` : 'nothing'}`);
      if (xml.slice(position + 2 + name.length, end).trim() !== '') throw new Error(`junk in </${name}> at offset ${position}`);
      position = end + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(position + 1))?.[0];
    if (name === undefined) throw new Error(`a bad tag at offset ${position}`);
    if (open.length === 0 && ++roots > 1) throw new Error(`a second root element <${name}> at offset ${position}`);
    let cursor = position + 1 + name.length;
    const element: XmlElement = { name, attributes: {}, text: '' };
    for (;;) {
      const rest = xml.slice(cursor);
      const space = /^\s*/.exec(rest)![0].length;
      cursor += space;
      if (xml.startsWith('/>', cursor)) {
        cursor += 2;
        elements.push(element);
        break;
      }
      if (xml[cursor] === '>') {
        cursor += 1;
        elements.push(element);
        open.push(element);
        break;
      }
      if (space === 0) throw new Error(`attributes of <${name}> must be separated by spaces (offset ${cursor})`);
      const attribute = /^([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(xml.slice(cursor));
      if (attribute === null) throw new Error(`a bad attribute in <${name}> at offset ${cursor}`);
      const [whole, key, value] = attribute;
      if (key in element.attributes) throw new Error(`<${name}> repeats the attribute ${key} (offset ${cursor})`);
      checkText(value, cursor);
      element.attributes[key] = value;
      cursor += whole.length;
    }
    position = cursor;
  }
  if (open.length > 0) throw new Error(`<${open[open.length - 1].name}> is never closed`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}

import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from './xmlCheck';

describe('checkWellFormedXml', () => {
  it('lists the elements of a well-formed document with their attributes and text', () => {
    const elements = checkWellFormedXml('<?xml version="1.0"?>\n<svg a="1"><g><text x="2">a &amp; b</text><path d="M0 0"/></g></svg>\n');
    expect(elements.map((e) => e.name)).toEqual(['svg', 'g', 'text', 'path']);
    expect(elements[2]).toEqual({ name: 'text', attributes: { x: '2' }, text: 'a &amp; b' });
  });

  it.each([
    ['<svg><g></svg>', /closes <g>/],
    ['<svg><g>', /never closed/],
    ['<svg a="1" a="2"/>', /repeats the attribute a/],
    ['<svg a=1/>', /bad attribute/],
    ['<svg><text>a & b</text></svg>', /bare "&"/],
    ['<svg/><svg/>', /second root/],
    ['<svg a="x<y"/>', /raw "<"/],
    ['hello', /outside the root|no root/],
  ])('rejects %s', (xml, message) => {
    expect(() => checkWellFormedXml(xml)).toThrow(message);
  });
});

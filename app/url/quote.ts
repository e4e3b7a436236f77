/**
 * Text from a link, made safe and short enough to quote in a message: control
 * characters become "?", and anything past `maxLength` characters is cut and
 * marked with "…". (React escapes markup itself; this keeps messages readable
 * when the text is a megabyte of garbage.)
 */
export function quoteForMessage(text: string, maxLength = 40): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > maxLength ? `${printable.slice(0, maxLength)}…` : printable;
}

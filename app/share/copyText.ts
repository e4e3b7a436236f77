/**
 * Copies text to the clipboard: the asynchronous Clipboard API where the
 * page may use it (a secure context, permission granted), otherwise the
 * older selection-and-copy command on a hidden text area. Resolves to how
 * the text was copied, or to null when neither worked (the caller then
 * shows the text for copying by hand).
 */
export async function copyText(text: string): Promise<'clipboard' | 'selection' | null> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    // Refused (no permission, an insecure origin, the page not focused): try the selection.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy') ? 'selection' : null;
  } catch {
    return null;
  } finally {
    area.remove();
  }
}

/**
 * Far above any real upload (the command contract caps fields at 128 KiB), low enough that a hostile string
 * cannot keep the line scanner busy.
 */
export const MAX_PEM_TEXT_LENGTH = 1_048_576;

/**
 * Undoes what copy-paste and transport typically do to PEM before it reaches us: a byte-order mark, surrounding
 * whitespace or quotes, JSON escapes left in place (`\n` as two characters, `\/`), and Windows or old Mac line
 * ends. Base64 and PEM armour never contain a backslash or a quote, so these rewrites cannot damage real content.
 */
export function normalizePemText(input: string): string {
  let text = input.replace(/^\uFEFF/, '').trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0])) {
    text = text.slice(1, -1).trim();
  }
  if (text.includes('\\')) {
    text = text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\\\//g, '/').replace(/\\t/g, '\t');
  }
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Far above any real upload (the command contract caps fields at 128 KiB), low enough that a hostile string
 * cannot keep the line scanner busy.
 */
export const MAX_PEM_TEXT_LENGTH = 1_048_576;

/**
 * Undoes what copy-paste and transport typically do to PEM before it reaches us: a byte-order mark, surrounding
 * whitespace or quotes, JSON escapes left in place (`\n` as two characters, `\/`), and Windows or old Mac line
 * ends, and armour run together with other text. Base64 and PEM armour never contain a backslash or a quote, so
 * these rewrites cannot damage real content.
 */
export function normalizePemText(input: string): string {
  let text = input.replace(/^\uFEFF/, '').trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0])) {
    text = text.slice(1, -1).trim();
  }
  if (text.includes('\\')) {
    text = text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\\\//g, '/').replace(/\\t/g, '\t');
  }
  return separateArmour(text.replace(/\r\n?/g, '\n')).trim();
}

const TEXT_BEFORE_ARMOUR = /([^\n])[ \t]*(-----(?:BEGIN|END) [^\n-]+-----)/g;
const TEXT_AFTER_ARMOUR = /(-----(?:BEGIN|END) [^\n-]+-----)[ \t]*([^\n])/g;

/**
 * Puts each BEGIN and END line on a line of its own. Files concatenated without a final newline (`cat cert.pem
 * chain.pem`) join an END and the next BEGIN, and forms or environment variables that flatten PEM to one line
 * leave the armour and base64 side by side; OpenSSL refuses both, which helps no one.
 */
function separateArmour(text: string): string {
  return text.replace(TEXT_BEFORE_ARMOUR, '$1\n$2').replace(TEXT_AFTER_ARMOUR, '$1\n$2');
}

/**
 * Text as it goes into the PDF. Composed forms first (NFC), so "e" + combining acute becomes the
 * one glyph "é" the font has; invisible formatting characters go, because jsPDF would print
 * their (empty or hyphen-shaped) glyphs; line breaks are kept.
 *
 * A few common symbols Noto Sans lacks are written the way people type them on a keyboard:
 * the meaning stays exact, so this is not the silent replacement the printability check
 * forbids. Anything else outside the font is refused (coverage.ts).
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const SUBSTITUTES: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~'
};
const SUBSTITUTABLE = new RegExp(`[${Object.keys(SUBSTITUTES).join('')}]`, 'g');

/**
 * @example cleanText('Cafe\u0301\r\nnext') // 'Café\nnext'
 * @example cleanText('score ≥ 70 → ok') // 'score >= 70 -> ok'
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, ' ')
    .replace(SUBSTITUTABLE, (c) => SUBSTITUTES[c] ?? c);
}

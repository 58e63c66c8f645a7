/**
 * Which text the PDF can print. jsPDF draws one glyph per character from the embedded font: it
 * neither shapes (Arabic joining, Indic conjuncts and vowel signs) nor falls back to other fonts,
 * so text outside the font comes out as empty boxes and complex scripts come out visibly wrong.
 * We check every string before rendering and refuse instead of printing garbage.
 *
 * PRINTABLE_RANGES are the code points that BOTH static/fonts/NotoSans-Regular.ttf and
 * NotoSans-Bold.ttf map to a glyph; coverage.test.ts reads the fonts' cmaps and fails when the
 * two drift apart. The fonts were made from Debian's Noto Sans 2.004 with fontTools:
 *
 *   pyftsubset NotoSans-{Regular,Bold}.ttf --layout-features='' --no-hinting \
 *     --drop-tables+=GPOS,GSUB,GDEF,gasp --name-IDs='*' --name-languages='*' \
 *     --unicodes=U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,\
 *                U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2116,U+2122
 *
 * Keep this list, that command and static/fonts/OFL.txt in sync.
 */
import { formatLocale } from '$lib/format/locale';
import { m } from '$lib/paraglide/messages.js';
import { documentTexts, type ReportDocument } from './model';
import { cleanText } from './text';

export const PRINTABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1, Latin Extended-A and -B
  [0x02b0, 0x0377], // spacing modifiers (ʻokina), combining marks, Greek
  [0x037a, 0x037f],
  [0x0384, 0x038a],
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x03e1],
  [0x03f0, 0x052f], // Greek (end), Cyrillic, Cyrillic Supplement
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese, Welsh …)
  [0x2000, 0x2064], // general punctuation: dashes, curly quotes, ellipsis …
  [0x2066, 0x206f],
  [0x20a0, 0x20bf], // currency signs
  [0x2116, 0x2116], // №
  [0x2122, 0x2122] // ™
];

/** True when both embedded faces have a glyph for the code point. */
export function isPrintable(codePoint: number): boolean {
  for (const [from, to] of PRINTABLE_RANGES) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

/**
 * Scripts named in messages, with their ISO 15924 codes for the names in other languages;
 * anything else is named by its code point.
 */
const SCRIPTS: readonly [string, string, RegExp][] = [
  ['Arabic', 'Arab', /\p{Script=Arabic}/u],
  ['Hebrew', 'Hebr', /\p{Script=Hebrew}/u],
  ['Devanagari', 'Deva', /\p{Script=Devanagari}/u],
  ['Bengali', 'Beng', /\p{Script=Bengali}/u],
  ['Gurmukhi', 'Guru', /\p{Script=Gurmukhi}/u],
  ['Gujarati', 'Gujr', /\p{Script=Gujarati}/u],
  ['Tamil', 'Taml', /\p{Script=Tamil}/u],
  ['Telugu', 'Telu', /\p{Script=Telugu}/u],
  ['Kannada', 'Knda', /\p{Script=Kannada}/u],
  ['Malayalam', 'Mlym', /\p{Script=Malayalam}/u],
  ['Sinhala', 'Sinh', /\p{Script=Sinhala}/u],
  ['Thai', 'Thai', /\p{Script=Thai}/u],
  ['Myanmar', 'Mymr', /\p{Script=Myanmar}/u],
  ['Khmer', 'Khmr', /\p{Script=Khmer}/u],
  ['Ethiopic', 'Ethi', /\p{Script=Ethiopic}/u],
  ['Chinese', 'Hani', /\p{Script=Han}/u],
  ['Japanese', 'Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', 'Kore', /\p{Script=Hangul}/u]
];

/** A script's name in the interface language: the English one, else the browser's. */
function scriptName(english: string, code: string): string {
  const locale = formatLocale();
  if (locale === 'en' || locale.startsWith('en-')) return english;
  try {
    return new Intl.DisplayNames([locale], { type: 'script' }).of(code) ?? english;
  } catch {
    return english;
  }
}

function describe(char: string): string {
  for (const [name, code, pattern] of SCRIPTS) {
    if (pattern.test(char)) return m.reports_script({ name: scriptName(name, code) });
  }
  if (/\p{Extended_Pictographic}/u.test(char)) return m.reports_script_emoji();
  const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return m.reports_script_character({ char, code: hex });
}

export interface UnprintableText {
  /** Where the text comes from, e.g. "the comment on question law-in-force". */
  where: string;
  /** What cannot be printed: "Devanagari script", "emoji", "the character “⇄” (U+21C4)". */
  what: string[];
  /** The start of the text, for the user to find it. */
  excerpt: string;
}

/**
 * The characters of a text the PDF cannot print, described once each, or [] when all print.
 * @example unprintableParts('नमस्ते ⇄ Łódź') // ['Devanagari script', 'the character “⇄” (U+21C4)']
 */
export function unprintableParts(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (char === '\n' || isPrintable(char.codePointAt(0)!)) continue;
    found.add(describe(char));
  }
  return [...found];
}

/**
 * The texts that cannot be printed, merged by place and excerpt so a long report lists each
 * problem once.
 */
export function findUnprintable(
  texts: readonly { text: string; where: string }[]
): UnprintableText[] {
  const byKey = new Map<string, UnprintableText>();
  for (const { text, where } of texts) {
    const what = unprintableParts(text);
    if (what.length === 0) continue;
    const excerpt = excerptOf(text);
    const key = `${where}\u0000${excerpt}`;
    const prior = byKey.get(key);
    if (prior) prior.what = [...new Set([...prior.what, ...what])];
    else byKey.set(key, { where, what, excerpt });
  }
  return [...byKey.values()];
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : flat;
}

/** Every string of a document that the embedded font cannot print, with its place. */
export function checkDocument(doc: ReportDocument): UnprintableText[] {
  return findUnprintable(documentTexts(doc).map((t) => ({ ...t, text: cleanText(t.text) })));
}

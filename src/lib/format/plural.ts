import { pluralRulesOf } from './intl-cache';
import { formatLocale } from './locale';

/**
 * A count with its English noun, for the command line and English-only files: "1 assessment",
 * "2,000 assessments". Screens use a message with plural variants instead (docs/languages.md).
 * @example plural(2000, 'assessment') // '2,000 assessments'
 */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The plural category of a count in a language ("one", "other"…), for code that picks between
 * forms itself. French counts 0 and 1 as "one"; English only 1.
 * @example pluralCategory(0, 'fr') // 'one'
 */
export function pluralCategory(n: number, locale = formatLocale()): Intl.LDMLPluralRule {
  return pluralRulesOf(locale).select(n);
}

/**
 * Numbers for people to read, in the interface language: "72,5" and "2 000" in French,
 * "72.5" and "2,000" in English. They only write numbers the scoring module has already
 * computed and rounded (docs/scoring.md, rule 5); they never round a figure themselves beyond
 * what they are given. Files for machines (CSV) keep the decimal point: they never use these.
 */
import { numberFormat } from './intl-cache';
import { formatLocale } from './locale';

/**
 * A whole number or a count: "2,000" / "2 000".
 * @example formatNumber(2000, 'fr') // '2 000' (with a narrow no-break space)
 */
export function formatNumber(n: number, locale = formatLocale()): string {
  return numberFormat(locale, { maximumFractionDigits: 20 }).format(n);
}

/**
 * A figure already rounded to one decimal, always with that decimal: "72.5", "72,5", "3,0".
 * Null becomes `empty`.
 * @example formatDecimal(72.5, 'fr') // '72,5'
 */
export function formatDecimal(value: number | null, locale = formatLocale(), empty = '—'): string {
  if (value === null) return empty;
  return numberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  }).format(value);
}

/**
 * A percentage already rounded to one decimal (shown = 72.5 means 72.5 %), with the locale's
 * percent sign and spacing: "72.5%", "72,5 %". Null becomes `empty`.
 * @example formatPercentage(72.5, 'fr') // '72,5 %' (with a no-break space)
 */
export function formatPercentage(
  shown: number | null,
  locale = formatLocale(),
  empty = '—'
): string {
  if (shown === null) return empty;
  // Intl scales by 100 in decimal arithmetic, so 72.5 / 100 comes back as exactly 72.5.
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  }).format(shown / 100);
}

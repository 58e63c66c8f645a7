import { numberFormat } from './intl-cache';
import { formatLocale } from './locale';

/**
 * A figure with a fixed number of decimals, for the few places that show more than the one
 * decimal of docs/scoring.md rule 5: a priority ("0.25", "0,25"), the shares of a worked
 * example ("0.583"). Display only; never fed back into a calculation.
 * @example formatFixed(0.58333, 3, 'fr') // '0,583'
 */
export function formatFixed(value: number, digits: number, locale = formatLocale()): string {
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}

/**
 * A rule's threshold as a whole percentage, for sentences that state a rule: "80%", "80 %".
 * @example formatRulePercentage(0.7, 'fr') // '70 %' (with a no-break space)
 */
export function formatRulePercentage(share: number, locale = formatLocale()): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

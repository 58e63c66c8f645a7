/**
 * One `Intl` formatter per language and set of options, made once and reused: building an
 * `Intl.NumberFormat` costs far more than formatting with it, and the results screen writes
 * hundreds of figures (docs/performance.md, "Results screen").
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** @example numberFormat('fr', { maximumFractionDigits: 1 }).format(72.5) // '72,5' */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(
    numberFormats,
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options)
  );
}

/** @example dateFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date()) */
export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
  return cached(
    dateFormats,
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options)
  );
}

/** @example pluralRules('fr').select(0) // 'one' */
export function pluralRulesOf(locale: string): Intl.PluralRules {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale));
}

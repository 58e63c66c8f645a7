import { formatLocale } from './locale';

const regionNames = new Map<string, Intl.DisplayNames>();

/** One region-name formatter per language, made once (see intl-cache.ts). */
function displayNames(locale: string): Intl.DisplayNames {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  return names;
}

/**
 * A country's name in the interface language. English keeps the app's own list (the names the
 * Commonwealth uses, passed in as `englishName`); other languages take the browser's name for
 * the ISO 3166-1 code ("Cameroun", "Maurice"), or the English name when it has none.
 * @example countryNameIn('CM', 'Cameroon', 'fr') // 'Cameroun'
 */
export function countryNameIn(code: string, englishName: string, locale = formatLocale()): string {
  if (locale === 'en' || locale.startsWith('en-')) return englishName;
  try {
    const name = displayNames(locale).of(code);
    return name ?? englishName;
  } catch {
    return englishName;
  }
}

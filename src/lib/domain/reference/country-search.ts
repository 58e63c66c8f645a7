/**
 * Finding a country by what an official types: the official short name in English or in the
 * interface language, a common other name ("Ivory Coast", "Swaziland"), "St" or "Saint",
 * with or without accents, or the ISO 3166-1 alpha-2 code (docs/architecture.md, "Country
 * picker").
 */

/** Other names people use, by ISO 3166-1 alpha-2 code; checked 2026-12-06. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  AE: ['UAE', 'Emirates'],
  BA: ['Bosnia'],
  BN: ['Brunei Darussalam'],
  BO: ['Bolivia'],
  BS: ['The Bahamas'],
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa', 'Zaire'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  CV: ['Cape Verde'],
  CZ: ['Czech Republic'],
  FM: ['Micronesia'],
  GB: ['United Kingdom', 'UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales'],
  GM: ['The Gambia'],
  IR: ['Iran'],
  KN: ['Saint Kitts and Nevis', 'St Kitts', 'Nevis'],
  KP: ['North Korea', 'DPRK'],
  KR: ['South Korea', 'Korea'],
  LA: ['Laos', 'Lao'],
  LC: ['Saint Lucia'],
  MD: ['Moldova'],
  MK: ['Macedonia', 'North Macedonia'],
  MM: ['Burma'],
  NL: ['Holland', 'The Netherlands'],
  PS: ['Palestine'],
  RU: ['Russia'],
  SY: ['Syria'],
  SZ: ['Swaziland', 'Eswatini'],
  TL: ['East Timor', 'Timor-Leste'],
  TR: ['Turkey', 'Türkiye'],
  TW: ['Taiwan'],
  TZ: ['Tanzania'],
  US: ['United States', 'USA', 'America'],
  VA: ['Vatican', 'Holy See'],
  VC: ['Saint Vincent and the Grenadines', 'St Vincent', 'Grenadines'],
  VE: ['Venezuela'],
  VN: ['Vietnam', 'Viet Nam']
};

/**
 * A name or query in a form that compares: lower case, accents and punctuation dropped,
 * "saint" and "st." both written "st", "&" as "and".
 * @example searchForm("Côte d’Ivoire") // 'cote d ivoire'
 */
export function searchForm(text: string): string {
  let form = forms.get(text);
  if (form === undefined) {
    form = toSearchForm(text);
    // Names are a few hundred; what is typed is short-lived: keep the cache small.
    if (forms.size > 2000) forms.clear();
    forms.set(text, form);
  }
  return form;
}

/** Search forms already made: every keystroke compares the same few hundred names. */
const forms = new Map<string, string>();

function toSearchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'saint' || w === 'ste' || w === 'sainte' ? 'st' : w))
    .join(' ');
}

/** How well one name matches a query in search form: 0 = not at all, higher = better. */
function nameScore(name: string, query: string): number {
  if (name === query) return 4;
  if (name.startsWith(query)) return 3;
  const words = name.split(' ');
  const parts = query.split(' ');
  // Every word typed starts a word of the name, in order ("st lucia", "ivory co").
  let from = 0;
  let inOrder = true;
  for (const part of parts) {
    const at = words.findIndex((w, i) => i >= from && w.startsWith(part));
    if (at < 0) {
      inOrder = false;
      break;
    }
    from = at + 1;
  }
  if (inOrder) return 2;
  // Part of a longer word ("land" in "Finland"), or words run together ("cote divoire"),
  // only for three letters or more.
  const joined = query.replace(/ /g, '');
  if (joined.length >= 3 && name.replace(/ /g, '').includes(joined)) return 1;
  return 0;
}

export interface CountryEntry {
  code: string;
  /** Every name the country can be found by: English, the interface language, aliases. */
  names: readonly string[];
}

/**
 * How well a country matches what was typed: 0 = not shown, higher = listed first. An empty
 * query matches every country equally.
 * @example countryMatch({ code: 'LC', names: ['St. Lucia'] }, 'saint lucia') // > 0
 */
export function countryMatch(entry: CountryEntry, typed: string): number {
  const query = searchForm(typed);
  if (!query) return 1;
  let best = 0;
  if (query === entry.code.toLowerCase()) best = 5;
  for (const name of [...entry.names, ...(COUNTRY_ALIASES[entry.code] ?? [])]) {
    best = Math.max(best, nameScore(searchForm(name), query));
  }
  return best;
}

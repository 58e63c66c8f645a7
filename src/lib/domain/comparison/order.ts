/**
 * The order of assessments in time, the same for every comparison, trend and list: date, then
 * last change, then title and id (which carry no meaning and only make the order independent of
 * the order the assessments arrive in).
 */

/** Identity fields that order assessments in time; both items and comparison rows have them. */
export interface Dated {
  id: string;
  country: string;
  date: string;
  title: string;
  updatedAt?: string | undefined;
}

/**
 * Plain code-unit order: the same on every machine and locale, unlike `localeCompare`.
 * @example byText('KE', 'GH') // 1
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Oldest first: date, then `updatedAt` (missing counts as oldest), then title, then id. The last
 * two carry no meaning; they only make the order independent of the input order.
 * @example [ke2026, ke2024].sort(chronological) // [ke2024, ke2026]
 */
export function chronological(a: Dated, b: Dated): number {
  return (
    byText(a.date, b.date) ||
    byText(a.updatedAt ?? '', b.updatedAt ?? '') ||
    byText(a.title, b.title) ||
    byText(a.id, b.id)
  );
}

/**
 * Country code first, then oldest first within a country.
 * @example [ke2026, gh2025, ke2024].sort(byCountryThenTime) // [gh2025, ke2024, ke2026]
 */
export function byCountryThenTime(a: Dated, b: Dated): number {
  return byText(a.country, b.country) || chronological(a, b);
}

/**
 * The latest assessment of each country, in country-code order. Latest = greatest date; on the
 * same date the later `updatedAt` wins, then the greater title, then the greater id — the last
 * two only so that the choice never depends on the order the items arrive in.
 * @example latestPerCountry([ke2025, ke2026, tt2024]).map((a) => a.id) // ['ke2026', 'tt2024']
 */
export function latestPerCountry<T extends Dated>(items: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const held = latest.get(item.country);
    if (held === undefined || chronological(item, held) > 0) latest.set(item.country, item);
  }
  return [...latest.values()].sort((a, b) => byText(a.country, b.country));
}

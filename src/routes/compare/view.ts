/**
 * Which assessments the compare screen shows and in what order. Plain functions of the loaded
 * entries and the user's choices; every figure still comes from the comparison domain.
 */
import {
  latestPerCountry,
  type Comparison,
  type ComparisonRow,
  type RankedScore
} from '$lib/domain/comparison/compare';
import { commonwealthRegion } from '$lib/domain/reference/countries';
import { formatLocale } from '$lib/format/locale';
import type { CompareEntry } from '$lib/state/compare-data';
import { nameOf } from './words';

/** The region choice for countries outside the Commonwealth. */
export const NOT_MEMBER = 'not-member';

export interface Criteria {
  /** '' = every region; a Commonwealth region; or NOT_MEMBER. */
  region: string;
  /** ISO codes; empty = every country of the region. */
  countries: readonly string[];
  /** Questionnaire ids every shown assessment must include; empty = no condition. */
  questionnaires: readonly string[];
  /** YYYY-MM-DD bounds, inclusive; '' = open. */
  from: string;
  to: string;
  latestOnly: boolean;
}

export interface Selected {
  entries: CompareEntry[];
  /** Assessments otherwise chosen but left out because they lack a chosen questionnaire. */
  lacking: number;
}

export function inRegion(country: string, region: string): boolean {
  if (region === '') return true;
  const own = commonwealthRegion(country);
  return region === NOT_MEMBER ? own === null : own === region;
}

/** The assessments the criteria choose; with `latestOnly`, the latest of each country among them. */
export function selectEntries(all: readonly CompareEntry[], c: Criteria): Selected {
  const countries = new Set(c.countries);
  const chosen = all.filter(
    (e) =>
      inRegion(e.country, c.region) &&
      (countries.size === 0 || countries.has(e.country)) &&
      (c.from === '' || e.date >= c.from) &&
      (c.to === '' || e.date <= c.to)
  );
  const complete =
    c.questionnaires.length === 0
      ? chosen
      : chosen.filter((e) =>
          c.questionnaires.every((id) => e.questionnaires.some((q) => q.id === id))
        );
  return {
    entries: c.latestOnly ? latestPerCountry(complete) : complete,
    lacking: chosen.length - complete.length
  };
}

/**
 * One collator for every sort (`localeCompare` with a locale builds a new one per call), in the
 * interface language, made on first use: the language is set at start, before any sort.
 */
let shared: Intl.Collator | null = null;
const collator = {
  compare: (a: string, b: string): number =>
    (shared ??= new Intl.Collator(formatLocale())).compare(a, b)
};

/** Country codes by their names in the interface language ("Cameroun" among the C in French). */
export function byName(a: string, b: string): number {
  return collator.compare(nameOf(a), nameOf(b));
}

/** Countries with at least one assessment in the region, by name. */
export function countriesIn(all: readonly CompareEntry[], region: string): string[] {
  const codes = new Set(all.filter((e) => inRegion(e.country, region)).map((e) => e.country));
  return [...codes].sort(byName);
}

/** Questionnaire ids the entries use: built-in ones in their usual order, then others by title. */
export function questionnaireIds(
  all: readonly CompareEntry[],
  builtinOrder: readonly string[],
  titles: Readonly<Record<string, string>>
): string[] {
  const ids = new Set(all.flatMap((e) => e.questionnaires.map((q) => q.id)));
  const rank = (id: string) => {
    const i = builtinOrder.indexOf(id);
    return i === -1 ? builtinOrder.length : i;
  };
  return [...ids].sort(
    (a, b) => rank(a) - rank(b) || collator.compare(titles[a] ?? a, titles[b] ?? b)
  );
}

export type SortKey = 'country' | 'date' | 'title' | 'overall' | `q:${string}`;
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

type TextKey = 'country' | 'date' | 'title';

/** Code-unit order: ISO dates sort correctly as text. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Decorated {
  row: ComparisonRow;
  /** Position of the country's name in alphabetical order. */
  name: number;
}

const byCountry = (a: Decorated, b: Decorated) => a.name - b.name;

const TEXT_ORDER: Record<TextKey, (a: Decorated, b: Decorated) => number> = {
  country: (a, b) => byCountry(a, b) || byText(a.row.date, b.row.date),
  date: (a, b) => byText(a.row.date, b.row.date) || byCountry(a, b),
  title: (a, b) => collator.compare(a.row.title, b.row.title) || byCountry(a, b)
};

/**
 * Sorts rows on text columns. Country names (from Intl) are looked up and put in order once per
 * country, not once per comparison: 2,000 rows sort in a few milliseconds.
 */
function sortByText(rows: readonly ComparisonRow[], key: TextKey, sign: number): string[] {
  const codes = [...new Set(rows.map((row) => row.country))].sort(byName);
  const position = new Map(codes.map((code, i) => [code, i]));
  const decorated: Decorated[] = rows.map((row) => ({ row, name: position.get(row.country)! }));
  return decorated.sort((a, b) => sign * TEXT_ORDER[key](a, b)).map((d) => d.row.id);
}

/**
 * Row ids in display order. A score column follows the domain's rank order (highest first); its
 * ascending order reverses the ranked part only, so that provisional and empty scores, which have
 * no rank, stay last either way (rule 10).
 */
export function orderRows(comparison: Comparison, sort: Sort): string[] {
  let scored: { order: string[]; pick: (row: ComparisonRow) => RankedScore } | null = null;
  if (sort.key === 'overall') {
    scored = { order: comparison.overall.order, pick: (row) => row.overall };
  } else if (sort.key.startsWith('q:')) {
    const j = comparison.questionnaires.findIndex((q) => `q:${q.id}` === sort.key);
    if (j !== -1) {
      scored = { order: comparison.questionnaires[j]!.order, pick: (row) => row.cells[j]! };
    }
  }
  if (scored) {
    if (sort.direction === 'descending') return [...scored.order];
    const byId = new Map(comparison.rows.map((row) => [row.id, row]));
    const ranked = scored.order.filter((id) => scored.pick(byId.get(id)!).rank !== null);
    const rest = scored.order.filter((id) => scored.pick(byId.get(id)!).rank === null);
    return [...ranked.reverse(), ...rest];
  }
  const key: TextKey = sort.key === 'date' || sort.key === 'title' ? sort.key : 'country';
  return sortByText(comparison.rows, key, sort.direction === 'ascending' ? 1 : -1);
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * True when a heat colour's text meets WCAG AA (4.5:1) on its background. One shade of the
 * shared ramp falls short with either ink; the heat map then sets its figures on white.
 * @example readable({ background: '#ffffff', text: '#1b1f24' }) // true
 */
export function readable(colour: { background: string; text: string }): boolean {
  const [a, b] = [luminance(colour.background), luminance(colour.text)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 4.5;
}

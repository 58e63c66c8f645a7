/**
 * The rules for the fields every importer meets — assessment ids, dates, country codes and the
 * longest text a field may hold — in one place, so a bundle, a backup, an answers CSV and the
 * forms accept and refuse the same values (docs/file-formats.md, "Limits").
 *
 * Imported with relative paths and file extensions only: the Vite config, the command-line
 * tools and the CSV worker load it too.
 */
import { z } from './zod';
import { ISO_3166_CODES } from './reference/countries.ts';

/**
 * Longest text per kind of field, in characters (UTF-16 code units, as JavaScript counts them).
 * Generous for real content — the built-in questionnaires use at most a fifth of each — and
 * small enough that a screen, a PDF page or a spreadsheet cell can still show it.
 */
export const TEXT_LIMITS = {
  /** Ids of assessments, questionnaires, sections, questions, references. */
  id: 100,
  /** Titles, labels, names of people and organisations, versions. */
  short: 300,
  /** Question texts, level descriptors, guidance, recommendations, summaries. */
  text: 5_000,
  /** Narrative, evidence, comments, reasons: what people write at length. */
  long: 20_000
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * A string of at most the kind's length, with a message that says the limit.
 * @example boundedText('short').safeParse('x'.repeat(301)).success // false
 */
export function boundedText(kind: TextKind) {
  const max = TEXT_LIMITS[kind];
  return z.string().max(max, `is longer than ${max.toLocaleString('en')} characters: shorten it`);
}

/**
 * An assessment id: a letter or digit, then letters, digits, `.`, `_`, `~` or `-`, at most 100 in
 * all. Ids appear in the screen's address and as keys of stored records, so nothing that a link
 * or an object key would read differently (`/`, `%`, `?`, `#`, `__proto__`) gets in.
 */
export const ASSESSMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

/** Ids that name a screen instead of an assessment (`#/assessments/new`). */
const RESERVED_IDS: ReadonlySet<string> = new Set(['new']);

/**
 * Why a text cannot be an assessment id (a problem code and its params, docs/languages.md
 * "Problems"), or null when it can.
 * @example assessmentIdProblem('ke-2026') // null
 * @example assessmentIdProblem('a/b') // { code: 'field.assessment-id-invalid', params: { id: 'a/b' } }
 */
export function assessmentIdProblem(
  id: string
): { code: string; params: Record<string, string> } | null {
  if (!ASSESSMENT_ID_PATTERN.test(id)) {
    return { code: 'field.assessment-id-invalid', params: { id: clip(id) } };
  }
  if (RESERVED_IDS.has(id.toLowerCase())) {
    return { code: 'field.assessment-id-reserved', params: { id } };
  }
  return null;
}

/** The zod form of {@link assessmentIdProblem}, for schemas. */
export const assessmentIdSchema = z.string().superRefine((id, ctx) => {
  const problem = assessmentIdProblem(id);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      message: `"${clip(id)}" cannot be an assessment id`,
      params: { code: problem.code, ...problem.params }
    });
  }
});

/**
 * True for a real calendar day written YYYY-MM-DD (2026-02-29 is not one).
 * @example isCalendarDate('2026-02-28') // true
 * @example isCalendarDate('2026-02-30') // false
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A date as YYYY-MM-DD that exists in the calendar. */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  message: 'use a real date as YYYY-MM-DD, e.g. 2026-11-01',
  params: { code: 'field.date-invalid' }
});

const COUNTRIES: ReadonlySet<string> = new Set(ISO_3166_CODES);

/**
 * True for an officially assigned ISO 3166-1 alpha-2 code, in capitals.
 * @example isCountryCode('KE') // true
 * @example isCountryCode('XX') // false
 */
export function isCountryCode(text: string): boolean {
  return COUNTRIES.has(text);
}

/** A country as stored: an assigned ISO 3166-1 alpha-2 code in capitals. */
export const countryCodeSchema = z.string().refine(isCountryCode, {
  message: 'use an assigned ISO 3166-1 alpha-2 code in capitals, such as KE or GB',
  params: { code: 'field.country-invalid' }
});

/** A hostile value quoted in a message stays short. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Builders shared by the comparison tests: cached questionnaire figures and assessments that
 * override only what a test is about.
 */
import type { CachedQuestionnaire } from '../assessment/summary';
import type { Comparison, ComparisonItem, ComparisonRow } from './compare-assessments';

/** Decimal digits for `toBeCloseTo` on unrounded shares. */
export const DIGITS = 12;

/** Table rows as [test name, row]: vitest prints '%s' names whole and unquoted. */
export function rows<T>(table: readonly T[], name: (row: T) => string): [string, T][] {
  return table.map((row) => [name(row), row]);
}

/** A cached questionnaire: full coverage unless provisional (coverage 0.5) or unscored. */
export function cq(
  id: string,
  score: number | null,
  options: { version?: string; provisional?: boolean; coverage?: number | null } = {}
): CachedQuestionnaire {
  const provisional = options.provisional ?? false;
  return {
    id,
    version: options.version ?? '1.0.0',
    score,
    targetScore: score === null ? null : Math.max(score, 0.5),
    stage: null,
    completion: 1,
    coverage: options.coverage !== undefined ? options.coverage : provisional ? 0.5 : 1,
    provisional: score !== null && provisional
  };
}

let serial = 0;

export function item(
  questionnaires: CachedQuestionnaire[],
  overrides: Partial<Omit<ComparisonItem, 'questionnaires'>> = {}
): ComparisonItem {
  serial++;
  return {
    id: `a${String(serial).padStart(4, '0')}`,
    country: 'KE',
    date: '2026-01-15',
    title: 'Self-assessment',
    classification: 'AMBER',
    questionnaires,
    ...overrides
  };
}

/** One-questionnaire items ('q'), one per score, in countries AA, AB, AC … (non-members). */
export function column(
  scores: { score: number | null; provisional?: boolean }[]
): ComparisonItem[] {
  return scores.map((s, i) =>
    item([cq('q', s.score, { provisional: s.provisional ?? false })], {
      id: `x${i}`,
      country: `A${String.fromCharCode(65 + i)}`
    })
  );
}

export function rowById(comparison: Comparison, id: string): ComparisonRow {
  const row = comparison.rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

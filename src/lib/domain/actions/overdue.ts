/**
 * Overdue actions as the dashboard counts them: only on each country's latest assessment, so an
 * action carried forward, or left open in an old assessment, is never counted twice.
 */
import type { Assessment } from '../assessment/model';
import type { Action } from './model';
import { isOverdue } from './status';

type Dated = Pick<Assessment, 'id' | 'country' | 'date' | 'createdAt'>;

/** Later first: date, then creation time, then id (which only makes the order total). */
function later(a: Dated, b: Dated): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

/**
 * Each country's latest assessment: the latest date, then the latest created. One per country,
 * in the order countries first appear.
 * @example latestAssessmentPerCountry([ke2025, ke2026, tt2024]).map((a) => a.id) // ['ke2026', 'tt2024']
 */
export function latestAssessmentPerCountry<T extends Dated>(assessments: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const a of assessments) {
    const held = latest.get(a.country);
    if (held === undefined || later(a, held)) latest.set(a.country, a);
  }
  return [...latest.values()];
}

/**
 * Overdue actions per assessment, for each country's latest assessment only (every latest
 * assessment has an entry, 0 when nothing is overdue).
 * @example overdueByAssessment(actions, [ke2025, ke2026], '2027-04-01') // { ke2026: 2 }
 */
export function overdueByAssessment(
  actions: readonly Action[],
  assessments: readonly Dated[],
  today: string
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of latestAssessmentPerCountry(assessments)) counts[a.id] = 0;
  for (const action of actions) {
    const held = counts[action.assessmentId];
    if (held !== undefined && isOverdue(action, today)) counts[action.assessmentId] = held + 1;
  }
  return counts;
}

/**
 * How many actions are overdue on `today`, counted on the latest assessment of each country.
 * @example overdueCount(actions, assessments, '2027-04-01') // 3
 */
export function overdueCount(
  actions: readonly Action[],
  assessments: readonly Dated[],
  today: string
): number {
  return Object.values(overdueByAssessment(actions, assessments, today)).reduce((s, n) => s + n, 0);
}

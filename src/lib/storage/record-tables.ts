/**
 * Small pieces the bundle import and the whole-database operations share: the list of every
 * table a write spans, and an assessment's pinned questionnaires looked up by version key.
 */
import type { Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { questionnaireKey, type NcsDatabase } from './db';

/** Every table, for transactions that must see or change the whole database at once. */
export function everyTable(db: NcsDatabase) {
  return [
    db.assessments,
    db.answers,
    db.summaries,
    db.questionnaires,
    db.meta,
    db.actions,
    db.groupAnswers
  ];
}

/** The pinned questionnaires of an assessment, in its order (all present: the parsers checked). */
export function pinnedOf(
  assessment: Assessment,
  byKey: ReadonlyMap<string, Questionnaire>
): Questionnaire[] {
  return assessment.questionnaires.flatMap((pin) => {
    const q = byKey.get(questionnaireKey(pin.id, pin.version));
    return q ? [q] : [];
  });
}

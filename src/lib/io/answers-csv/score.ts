/**
 * The summary figures of the assessments a checked answers CSV creates, computed where the
 * rows were read: the import worker scores them while the page shows the preview, so the
 * import only writes (docs/performance.md, "CSV import: where the time goes").
 *
 * Relative imports only: a Web Worker imports this folder.
 */
import type { Assessment } from '../../domain/assessment/model';
import { summarizerFor, type SummaryFigures } from '../../domain/assessment/summary';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { versionKey } from '../../domain/questionnaire/version';
import type { AnswersCsvResult } from './read';

/**
 * What scoring reads of an assessment besides its answers: the page sends these for the
 * assessments it made of the file (an existing assessment may lend its target).
 */
export type ScoringFields = Pick<Assessment, 'id' | 'questionnaires' | 'target' | 'scope'>;

/**
 * Each assessment's summary figures, from the answers the file gave its id and the pinned
 * versions among `questionnaires`: the same `summarizerFor` an import runs.
 * @example scoreRead([{ id: 'ke-2026', questionnaires, target: 3 }], read, catalogue)[0].answered
 */
export function scoreRead(
  assessments: readonly ScoringFields[],
  read: AnswersCsvResult,
  questionnaires: readonly Questionnaire[]
): SummaryFigures[] {
  if (!read.ok) throw new Error('Nothing to score: the file did not pass its check.');
  const answersOf = new Map(read.assessments.map((a) => [a.id, a.answers]));
  const byKey = new Map(questionnaires.map((q) => [versionKey(q.id, q.version), q]));
  return assessments.map((assessment) => {
    const answers = answersOf.get(assessment.id);
    if (!answers) throw new Error(`No answers were read for assessment ${assessment.id}.`);
    const pinned = assessment.questionnaires.flatMap(
      (p) => byKey.get(versionKey(p.id, p.version)) ?? []
    );
    return summarizerFor(pinned)(answers, assessment);
  });
}

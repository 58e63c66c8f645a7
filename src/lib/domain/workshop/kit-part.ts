/**
 * The questions a group answers in a group session (docs/file-formats.md, "Workshop kit"): the
 * assessment's scope (core or full), narrowed to the group's part when the kit gives one — a
 * part lists questionnaire ids, or `questionnaireId/sectionId` for single sections.
 */
import { answerKey } from '../assessment/model';
import { scopedQuestionnaires, type AssessmentScope } from '../questionnaire/core';
import type { Questionnaire } from '../questionnaire/schema';

/**
 * The questionnaires of a group session, each with only the sections the group answers (a
 * questionnaire left with no section is dropped).
 * @example groupView([privacy, standards], 'full', ['privacy/legal']).map((q) => q.sections.length) // [1]
 */
export function groupView(
  questionnaires: readonly Questionnaire[],
  scope: AssessmentScope | undefined,
  part?: readonly string[]
): Questionnaire[] {
  const scoped = scopedQuestionnaires(questionnaires, scope);
  if (!part || part.length === 0) return scoped;
  const whole = new Set(part.filter((p) => !p.includes('/')));
  const sections = new Set(part.filter((p) => p.includes('/')));
  return scoped
    .map((q) =>
      whole.has(q.id)
        ? q
        : { ...q, sections: q.sections.filter((s) => sections.has(`${q.id}/${s.id}`)) }
    )
    .filter((q) => q.sections.length > 0);
}

/**
 * The answer keys (`questionnaireId/questionId`) of every question in a group view, in order.
 * @example askedKeys(groupView([privacy], 'full')) // ['privacy/comprehensive-law', …]
 */
export function askedKeys(view: readonly Questionnaire[]): string[] {
  return view.flatMap((q) =>
    q.sections.flatMap((s) => s.questions.map((question) => answerKey(q.id, question.id)))
  );
}

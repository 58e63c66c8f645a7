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

/**
 * Whether a group with this part is asked the questions of one section (no part: every one).
 * @example partAsks(['privacy/legal'], 'privacy', 'practice') // false
 */
export function partAsks(
  part: readonly string[] | undefined,
  questionnaireId: string,
  sectionId: string
): boolean {
  return (
    !part || part.includes(questionnaireId) || part.includes(`${questionnaireId}/${sectionId}`)
  );
}

/**
 * How much of one questionnaire a part takes: all of it, some sections, or none.
 * @example partCover(['privacy/legal'], privacy) // 'some'
 */
export function partCover(
  part: readonly string[],
  questionnaire: Pick<Questionnaire, 'id' | 'sections'>
): 'all' | 'some' | 'none' {
  if (part.includes(questionnaire.id)) return 'all';
  const ticked = questionnaire.sections.filter((s) =>
    part.includes(`${questionnaire.id}/${s.id}`)
  ).length;
  if (ticked === 0) return 'none';
  return ticked === questionnaire.sections.length ? 'all' : 'some';
}

/**
 * A part with one questionnaire (no `sectionId`) or one section ticked or unticked, written the
 * short way: a questionnaire whose every section is ticked is listed by its id alone. Entries
 * of other questionnaires keep their order; the changed questionnaire's entries go to the end.
 * `questionnaire` is the questionnaire as the group sees it (its sections in scope).
 * @example partWith([], privacy, 'legal', true) // ['privacy/legal']
 * @example partWith(['privacy/legal'], privacy, 'practice', true) // ['privacy'] (both sections)
 */
export function partWith(
  part: readonly string[],
  questionnaire: Pick<Questionnaire, 'id' | 'sections'>,
  sectionId: string | undefined,
  ticked: boolean
): string[] {
  const qid = questionnaire.id;
  const others = part.filter((p) => p !== qid && !p.startsWith(`${qid}/`));
  const all = questionnaire.sections.map((s) => s.id);
  const before = new Set(
    part.includes(qid) ? all : all.filter((sid) => part.includes(`${qid}/${sid}`))
  );
  const after = sectionId === undefined ? new Set(ticked ? all : []) : new Set(before);
  if (sectionId !== undefined) {
    if (ticked) after.add(sectionId);
    else after.delete(sectionId);
  }
  if (after.size === 0) return others;
  if (all.every((sid) => after.has(sid))) return [...others, qid];
  return [...others, ...all.filter((sid) => after.has(sid)).map((sid) => `${qid}/${sid}`)];
}

/**
 * A stored part as it still applies to the pinned questionnaires: entries naming a questionnaire
 * or section that is no longer there are left out (an assessment's versions may change).
 * @example livePart(['privacy/legal', 'gone'], [privacy]) // ['privacy/legal']
 */
export function livePart(
  part: readonly string[],
  questionnaires: readonly Pick<Questionnaire, 'id' | 'sections'>[]
): string[] {
  const byId = new Map(questionnaires.map((q) => [q.id, q]));
  return part.filter((entry) => {
    const [qid, sid] = entry.split('/');
    const q = byId.get(qid!);
    return !!q && (sid === undefined || q.sections.some((s) => s.id === sid));
  });
}

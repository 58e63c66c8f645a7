/**
 * The order in which the facilitator view walks a workshop (docs/workshop.md): every maturity
 * and yes/no question in questionnaire, section and question order — a full assessment may take
 * its core questions first — and the disagreement queue, worked section by section.
 */
import type { Questionnaire } from '../questionnaire/schema';
import { disagreementQueue, type QuestionSpread } from './spread-rows';

/** Where one question sits. */
export interface QuestionPlace {
  questionnaireId: string;
  sectionId: string;
  questionId: string;
}

/**
 * The key of a section, used by the agenda clock.
 * @example sectionKey({ questionnaireId: 'privacy', sectionId: 'legal' }) // 'privacy/legal'
 */
export function sectionKey(place: Pick<QuestionPlace, 'questionnaireId' | 'sectionId'>): string {
  return `${place.questionnaireId}/${place.sectionId}`;
}

/**
 * Every question that groups answer with a level, in the assessment's order. With `coreFirst`,
 * the core questions come first (in their order), then the others (in theirs).
 * @example facilitatorOrder([q], true).map((p) => p.questionId) // ['core-a', 'core-b', 'other']
 */
export function facilitatorOrder(
  questionnaires: readonly Questionnaire[],
  coreFirst: boolean
): QuestionPlace[] {
  const core: QuestionPlace[] = [];
  const rest: QuestionPlace[] = [];
  for (const q of questionnaires) {
    for (const section of q.sections) {
      for (const question of section.questions) {
        if (question.type !== 'maturity' && question.type !== 'binary') continue;
        const place = { questionnaireId: q.id, sectionId: section.id, questionId: question.id };
        (coreFirst && question.core ? core : rest).push(place);
      }
    }
  }
  return [...core, ...rest];
}

/**
 * The disagreement queue as one list of places, section after section (the sections in the
 * order the spreads come, each section's questions together).
 * @example queueOrder(questionSpreads(input)).map((p) => p.questionId) // ['a', 'c', 'f']
 */
export function queueOrder(spreads: readonly QuestionSpread[]): QuestionPlace[] {
  return disagreementQueue(spreads).flatMap((section) =>
    section.items.map((s) => ({
      questionnaireId: s.questionnaireId,
      sectionId: s.sectionId,
      questionId: s.questionId
    }))
  );
}

/** Whether two places are the same question. */
export function samePlace(a: QuestionPlace | undefined, b: QuestionPlace | undefined): boolean {
  return !!a && !!b && a.questionnaireId === b.questionnaireId && a.questionId === b.questionId;
}

/**
 * The position of a question in a list, or -1.
 * @example placeIndex(order, 'privacy', 'dpa') // 3
 */
export function placeIndex(
  order: readonly QuestionPlace[],
  questionnaireId: string,
  questionId: string
): number {
  return order.findIndex(
    (p) => p.questionnaireId === questionnaireId && p.questionId === questionId
  );
}

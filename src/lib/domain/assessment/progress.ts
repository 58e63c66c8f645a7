/**
 * Where an official stands in an assessment: which questions are answered, which one to resume
 * at, and which questions a filter of the answer screen shows (docs/architecture.md, "The answer
 * screen").
 */
import { answerKey, type Answer, type AnswerMap } from './model';
import type { Questionnaire } from '../questionnaire/schema';
import { PROVISIONAL_BELOW, scoreQuestionnaire } from '../scoring/score';

/** A question is answered when it has a state: a level, N/A, don't know or cannot disclose. */
export function isAnswered(answer: Answer | undefined): boolean {
  return answer?.state !== undefined;
}

export interface QuestionPlace {
  questionnaireId: string;
  sectionId: string;
  questionId: string;
}

/**
 * The first question without an answer, in the order the assessment lists its questionnaires;
 * null when every question is answered.
 * @example firstUnanswered([privacy], {})?.questionId // the first question of privacy
 */
export function firstUnanswered(
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap
): QuestionPlace | null {
  for (const q of questionnaires) {
    for (const s of q.sections) {
      for (const question of s.questions) {
        if (!isAnswered(answers[answerKey(q.id, question.id)])) {
          return { questionnaireId: q.id, sectionId: s.id, questionId: question.id };
        }
      }
    }
  }
  return null;
}

/** Answered and total questions of a questionnaire, or of one of its sections. */
export function progressOf(
  questionnaire: Questionnaire,
  answers: AnswerMap,
  sectionId?: string
): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const s of questionnaire.sections) {
    if (sectionId !== undefined && s.id !== sectionId) continue;
    for (const question of s.questions) {
      total += 1;
      if (isAnswered(answers[answerKey(questionnaire.id, question.id)])) answered += 1;
    }
  }
  return { answered, total };
}

/** The filters of the answer screen: every question, or only some. */
export const ANSWER_FILTERS = ['all', 'unanswered', 'flagged', 'unknown'] as const;
export type AnswerFilter = (typeof ANSWER_FILTERS)[number];

/** Whether a filter shows a question with this answer. */
export function matchesFilter(filter: AnswerFilter, answer: Answer | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !isAnswered(answer);
    case 'flagged':
      return answer?.flagged === true;
    case 'unknown':
      return answer?.state === 'unknown';
  }
}

/** What finalising would freeze while still open: the finalise dialog lists it. */
export interface FinaliseCheck {
  unanswered: number;
  unknown: number;
  flagged: number;
  /** Titles of the questionnaires whose coverage is below the provisional threshold (rule 7). */
  provisional: string[];
}

/**
 * Counts what is still open before an assessment is finalised. Provisional comes from the
 * scoring rules themselves (coverage below the threshold of rule 7), never recomputed here.
 * @example finaliseCheck([privacy], {}).unanswered // every question of privacy
 */
export function finaliseCheck(
  questionnaires: readonly Questionnaire[],
  answers: AnswerMap,
  target?: number
): FinaliseCheck {
  const check: FinaliseCheck = { unanswered: 0, unknown: 0, flagged: 0, provisional: [] };
  for (const q of questionnaires) {
    for (const s of q.sections) {
      for (const question of s.questions) {
        const answer = answers[answerKey(q.id, question.id)];
        if (!isAnswered(answer)) check.unanswered += 1;
        if (answer?.state === 'unknown') check.unknown += 1;
        if (answer?.flagged) check.flagged += 1;
      }
    }
    const result = scoreQuestionnaire(q, answers, target);
    if (result.coverage !== null && result.coverage < PROVISIONAL_BELOW) {
      check.provisional.push(q.title);
    }
  }
  return check;
}

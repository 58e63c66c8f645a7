/**
 * Safeguard caps (docs/scoring.md, rule 11): a maturity question with a `cap` counts at most
 * `atMost` unless every condition holds. Conditions read the named questions' answers as given,
 * never their capped values, so caps never chain.
 */
import { answerKey, type AnswerMap } from '../assessment/model';
import type { CapCondition, MaturityQuestion, Questionnaire } from '../questionnaire/schema';

const BINARY_ORDER = { no: 0, partial: 1, yes: 2 } as const;

/** What a cap did to one answer: the level chosen, the level counted, the unmet conditions. */
export interface CapEffect {
  chosen: number;
  counted: number;
  atMost: number;
  unmet: CapCondition[];
}

/**
 * Whether one condition holds: the named answer has state level and reaches `atLeast`.
 * N/A, don't know, cannot disclose and unanswered never hold.
 * @example conditionHolds({ question: 'oversight', atLeast: 3 }, 'q', { 'q/oversight': { state: 'level', level: 3 } }) // true
 */
export function conditionHolds(
  condition: CapCondition,
  questionnaireId: string,
  answers: AnswerMap
): boolean {
  const answer = answers[answerKey(questionnaireId, condition.question)];
  if (answer?.state !== 'level' || answer.level === undefined) return false;
  const { level } = answer;
  const { atLeast } = condition;
  if (typeof atLeast === 'number') return typeof level === 'number' && level >= atLeast;
  return typeof level === 'string' && BINARY_ORDER[level] >= BINARY_ORDER[atLeast];
}

/**
 * The cap's effect on a chosen level, or null when the level counts as chosen (no cap, the
 * level is at most `atMost`, or every condition holds).
 * @example capEffect(q, takedown, 4, answers) // { chosen: 4, counted: 2, atMost: 2, unmet: [...] }
 */
export function capEffect(
  q: Questionnaire,
  question: MaturityQuestion,
  chosen: number,
  answers: AnswerMap
): CapEffect | null {
  const cap = question.cap;
  if (!cap || chosen <= cap.atMost) return null;
  const unmet = cap.unless.filter((c) => !conditionHolds(c, q.id, answers));
  if (unmet.length === 0) return null;
  return { chosen, counted: cap.atMost, atMost: cap.atMost, unmet };
}

/**
 * Builders and lookups shared by the scoring rule tables (`scoring/score*.test.ts`), so each
 * table states only its questions, answers and hand-worked expectations.
 */
import type { Answer, AnswerMap } from '../assessment/model';
import type { BinaryValue, Questionnaire } from '../questionnaire/schema';
import { scoreAssessment } from '../scoring/score';
import type { AssessmentResult, QuestionResult, SectionResult } from '../scoring/types';
import { makeQuestionnaire } from './factories';

export type Sections = Parameters<typeof makeQuestionnaire>[1];
export type QuestionSpec = Sections[number]['questions'][number];
export type ScaleName = '1-5' | '0-3';

/** A 0–3 scale, to check nothing assumes the 1–5 CMM scale. */
export const ZERO_TO_THREE = [0, 1, 2, 3].map((value) => ({
  value,
  label: `Level ${value}`,
  description: `Described at ${value}.`
}));

export const DIGITS = 12;

/** Table rows as [test name, row]: vitest prints '%s' names whole and unquoted. */
export function rows<T>(table: readonly T[], name: (row: T) => string): [string, T][] {
  return table.map((row) => [name(row), row]);
}

export const level = (value: number | BinaryValue, target?: number): Answer =>
  target === undefined
    ? { state: 'level', level: value }
    : { state: 'level', level: value, target };
export const NA: Answer = { state: 'na', naReason: 'does not apply in a federal state' };
export const UNKNOWN: Answer = { state: 'unknown' };
export const RESTRICTED: Answer = { state: 'restricted' };

export function questionnaire(
  id: string,
  sections: Sections,
  scale: ScaleName = '1-5'
): Questionnaire {
  return makeQuestionnaire(id, sections, scale === '0-3' ? { scale: ZERO_TO_THREE } : {});
}

/** Answers keyed `questionnaireId/questionId`. */
export function keyed(questionnaireId: string, answers: Record<string, Answer>): AnswerMap {
  return Object.fromEntries(
    Object.entries(answers).map(([questionId, answer]) => [
      `${questionnaireId}/${questionId}`,
      answer
    ])
  );
}

/** Scores an assessment of one questionnaire `q`. */
export function scoreOne(
  sections: Sections,
  answers: Record<string, Answer>,
  options: { scale?: ScaleName; target?: number } = {}
): AssessmentResult {
  return scoreAssessment({
    questionnaires: [questionnaire('q', sections, options.scale)],
    answers: keyed('q', answers),
    target: options.target
  });
}

/** `count` plain questions named prefix0, prefix1, … */
export function many(
  prefix: string,
  count: number,
  spec: Omit<QuestionSpec, 'id'> = {}
): QuestionSpec[] {
  return Array.from({ length: count }, (_, i) => ({ ...spec, id: `${prefix}${i}` }));
}

/** The same answer for prefix{from} … prefix{to − 1}. */
export function fill(
  prefix: string,
  from: number,
  to: number,
  answer: Answer
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (let i = from; i < to; i++) answers[`${prefix}${i}`] = answer;
  return answers;
}

export function sectionOf(result: AssessmentResult, sectionId: string, index = 0): SectionResult {
  const section = result.questionnaires[index]?.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  return section;
}

export function questionOf(
  result: AssessmentResult,
  questionId: string,
  index = 0
): QuestionResult {
  const question = result.questionnaires[index]?.sections
    .flatMap((s) => s.questions)
    .find((q) => q.questionId === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  return question;
}

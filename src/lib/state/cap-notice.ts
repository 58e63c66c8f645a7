/**
 * What the answer screen says about a safeguard cap (docs/scoring.md, rule 11): the level the
 * chosen one counts as, and the unmet conditions with where to answer them.
 */
import { answerKey, type AnswerMap } from '$lib/domain/assessment/model';
import type { Question, Questionnaire } from '$lib/domain/questionnaire/schema';
import { capEffect } from '$lib/domain/scoring/cap';

// The gap list's next step is shared with the PDF, which lives in reports.
export { nextStep } from '$lib/reports/next-step';

export interface CapCondition {
  questionId: string;
  sectionId: string;
  /** The question's short title, else its text. */
  title: string;
  /** The level it must reach: a scale label, or yes / partial as a word key. */
  atLeast: number | 'partial' | 'yes';
}

export interface CapNoticeData {
  counted: number;
  countedLabel: string;
  unmet: CapCondition[];
}

/**
 * The cap notice of one answer, or null when the chosen level counts as it is.
 * @example capNotice(q, takedown, get) // { counted: 2, countedLabel: 'Formative', unmet: [...] }
 */
export function capNotice(
  questionnaire: Questionnaire,
  question: Question,
  get: (questionId: string) => AnswerMap[string] | undefined
): CapNoticeData | null {
  if (question.type !== 'maturity' || !question.cap) return null;
  const own = get(question.id);
  if (own?.state !== 'level' || typeof own.level !== 'number') return null;
  const answers: AnswerMap = {};
  for (const c of question.cap.unless) {
    const a = get(c.question);
    if (a) answers[answerKey(questionnaire.id, c.question)] = a;
  }
  const effect = capEffect(questionnaire, question, own.level, answers);
  if (!effect) return null;
  const where = new Map(
    questionnaire.sections.flatMap((s) => s.questions.map((x) => [x.id, { s, x }] as const))
  );
  return {
    counted: effect.counted,
    countedLabel: questionnaire.scale.find((l) => l.value === effect.counted)?.label ?? '',
    unmet: effect.unmet.map((c) => {
      const found = where.get(c.question);
      return {
        questionId: c.question,
        sectionId: found?.s.id ?? '',
        title: found ? (found.x.shortTitle ?? found.x.text) : c.question,
        atLeast: c.atLeast
      };
    })
  };
}

import type { Questionnaire } from '../questionnaire/schema';
import type { QuestionResult } from './types';

/**
 * The label of a scale value, e.g. 3 → "Established".
 * @example stageName(privacy, 3) // 'Established'
 */
export function stageName(q: Questionnaire | undefined, value: number): string {
  return q?.scale.find((l) => l.value === value)?.label ?? '';
}

/**
 * The recommendation for a question at its current level (rule 9's "what to do about it").
 * @example recommendationFor(privacy, gap) // 'Ask the Attorney General's office to…'
 */
export function recommendationFor(q: Questionnaire | undefined, r: QuestionResult): string | null {
  const question = q?.sections.flatMap((s) => s.questions).find((x) => x.id === r.questionId);
  if (!question || question.type === 'choice' || r.level === null) return null;
  if (question.type === 'binary') {
    return r.level === 'no' || r.level === 'partial'
      ? (question.recommendations[r.level] ?? null)
      : null;
  }
  return question.recommendations[String(r.level)] ?? null;
}

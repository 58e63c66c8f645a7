import type { Questionnaire } from '../questionnaire/schema';
import { answerKey, type AnswerMap } from './model';

/**
 * Answers of an earlier assessment, carried into a new one: only questions that exist in the new
 * assessment's questionnaires, each marked "to confirm" until the user confirms or changes it.
 * A level no longer on the question's scale (a new version) is not carried.
 * @example copyForConfirmation({ 'q/a': { state: 'level', level: 3 } }, [q])['q/a'].toConfirm // true
 */
export function copyForConfirmation(
  previous: AnswerMap,
  questionnaires: readonly Questionnaire[]
): AnswerMap {
  const out: AnswerMap = {};
  for (const q of questionnaires) {
    const values = new Set(q.scale.map((l) => l.value));
    for (const question of q.sections.flatMap((s) => s.questions)) {
      const key = answerKey(q.id, question.id);
      const answer = previous[key];
      if (!answer) continue;
      const { updatedAt: _updatedAt, ...rest } = answer;
      if (rest.state === 'level') {
        const fits =
          question.type === 'binary'
            ? typeof rest.level === 'string'
            : typeof rest.level === 'number' && values.has(rest.level);
        if (!fits) continue;
      }
      if (rest.state === 'na' && !question.naAllowed) continue;
      out[key] = { ...rest, toConfirm: true };
    }
  }
  return out;
}

/**
 * The keys that type a group's answer on the answer screen of a workshop (docs/architecture.md,
 * "Workshops"): digit k is the question's k-th option (yes/no questions: 1 no, 2 partly, 3 yes),
 * as on the answer screen; 0 is "don't know", as there; `n` is N/A (where the question allows
 * it; "non applicable" in French) and `c` is "cannot disclose" ("confidentiel"). The same
 * characters show a typed answer in its box.
 */
import type { Answer } from '$lib/domain/assessment/model';
import { questionOptions } from '$lib/domain/questionnaire/options';
import type { Question, ScaleLevel } from '$lib/domain/questionnaire/schema';

export const UNKNOWN_KEY = '0';
export const NA_KEY = 'n';
export const RESTRICTED_KEY = 'c';

/**
 * The answer a key gives a group, or undefined when the key means nothing for this question.
 * `naReason` is the reason stored with a group's N/A (an answer's N/A always carries one).
 * @example groupAnswerByKey(maturity, scale, '3', 'Said in the room') // { state: 'level', level: 3 }
 * @example groupAnswerByKey(maturity, scale, 'C', '') // { state: 'restricted' }
 */
export function groupAnswerByKey(
  question: Question,
  scale: readonly ScaleLevel[],
  key: string,
  naReason: string
): Answer | undefined {
  const k = key.toLowerCase();
  if (k === UNKNOWN_KEY) return { state: 'unknown' };
  if (k === RESTRICTED_KEY) return { state: 'restricted' };
  if (k === NA_KEY) return question.naAllowed ? { state: 'na', naReason } : undefined;
  if (!/^[1-9]$/.test(k)) return undefined;
  const option = questionOptions(question, scale)[Number(k) - 1];
  return option ? { state: 'level', level: option.value } : undefined;
}

/**
 * The key that gives this answer: what its box shows. Empty for no answer.
 * @example keyOfGroupAnswer(binary, scale, { state: 'level', level: 'yes' }) // '3'
 */
export function keyOfGroupAnswer(
  question: Question,
  scale: readonly ScaleLevel[],
  answer: Answer | undefined
): string {
  switch (answer?.state) {
    case 'level': {
      const i = questionOptions(question, scale).findIndex((o) => o.value === answer.level);
      return i >= 0 ? String(i + 1) : '';
    }
    case 'unknown':
      return UNKNOWN_KEY;
    case 'na':
      return NA_KEY;
    case 'restricted':
      return RESTRICTED_KEY;
    default:
      return '';
  }
}

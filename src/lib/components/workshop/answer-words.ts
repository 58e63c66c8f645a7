/**
 * A group's or the consensus's answer in the reader's language: "3 Established", "Yes",
 * "Don't know" (docs/languages.md).
 */
import type { Answer } from '$lib/domain/assessment/model';
import type { BinaryValue, ScaleLevel } from '$lib/domain/questionnaire/schema';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { binaryWord, scaleStageWord } from '$lib/state/domain-words';

/**
 * A level in words: a scale value with its stage name, or yes / partly / no.
 * @example levelWord(cmmScale, 3) // '3 Established'
 */
export function levelWord(scale: readonly ScaleLevel[], level: number | BinaryValue): string {
  if (typeof level === 'string') return binaryWord(level);
  const name = scaleStageWord(scale, level);
  return name ? `${formatNumber(level)} ${name}` : formatNumber(level);
}

/**
 * An answer in words; "unanswered" when there is none.
 * @example answerWord(cmmScale, { state: 'unknown' }) // 'Don't know'
 */
export function answerWord(
  scale: readonly ScaleLevel[],
  answer: Pick<Answer, 'state' | 'level'> | null | undefined
): string {
  switch (answer?.state) {
    case 'level':
      return answer.level === undefined ? m.workshop_unanswered() : levelWord(scale, answer.level);
    case 'na':
      return m.common_answer_na();
    case 'unknown':
      return m.common_answer_unknown();
    case 'restricted':
      return m.common_answer_restricted();
    default:
      return m.workshop_unanswered();
  }
}

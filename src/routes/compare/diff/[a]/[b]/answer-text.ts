/**
 * One answer of the item diff in words: a level with its stage name, yes/no, or another state.
 * Shared by the consensus cells and the groups' answers under them.
 */
import type { AnswerSide } from '$lib/domain/comparison/diff';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { stageName } from '$lib/domain/scoring/explain';
import { m } from '$lib/paraglide/messages.js';
import { binaryWord, stageWord } from '../../../words';

export function answerText(side: AnswerSide | null, q: Questionnaire | undefined): string {
  if (side === null) return m.compare_diff_not_in_version();
  switch (side.state) {
    case 'level':
      if (typeof side.level === 'string') return binaryWord(side.level);
      if (typeof side.level === 'number') {
        const name = stageName(q, side.level);
        return name ? `${side.level} ${stageWord(name)}` : String(side.level);
      }
      return '—';
    case 'na':
      return m.compare_answer_na();
    case 'unknown':
      return m.compare_answer_unknown();
    case 'restricted':
      return m.compare_answer_restricted();
    default:
      return m.compare_answer_none();
  }
}

/**
 * One change of a consensus answer, for the history a workshop keeps (docs/architecture.md,
 * "Workshops"). Free of zod, so the answer screen's save path can use it without loading zod.
 */
import type { Answer } from '../assessment/model';
import type { ConsensusChange } from './answers';

/** The part of an answer that makes it a different consensus: not comments or evidence. */
function sameVerdict(a: Answer | null | undefined, b: Answer | null | undefined): boolean {
  return (
    (a?.state ?? null) === (b?.state ?? null) &&
    (a?.level ?? null) === (b?.level ?? null) &&
    (a?.naReason?.trim() ?? '') === (b?.naReason?.trim() ?? '')
  );
}

/**
 * The history entry for a consensus answer set from `from` to `to`, or null when the verdict
 * (state, level, N/A reason) did not change — a new comment or evidence is not a consensus change.
 * @example consensusChange({ at: '2026-12-01T10:00:00Z', questionnaireId: 'q', questionId: 'a',
 *   from: null, to: { state: 'level', level: 3 }, rationale: 'Law in force since 2024' })
 * // { at: '2026-12-01T10:00:00Z', questionnaireId: 'q', questionId: 'a', from: null,
 * //   to: { state: 'level', level: 3 }, rationale: 'Law in force since 2024' }
 */
export function consensusChange(change: {
  at: string;
  questionnaireId: string;
  questionId: string;
  from: Answer | null | undefined;
  to: Answer | null | undefined;
  rationale?: string | undefined;
}): ConsensusChange | null {
  if (sameVerdict(change.from, change.to)) return null;
  return {
    at: change.at,
    questionnaireId: change.questionnaireId,
    questionId: change.questionId,
    from: change.from ?? null,
    to: change.to ?? null,
    rationale: change.rationale?.trim() ?? ''
  };
}

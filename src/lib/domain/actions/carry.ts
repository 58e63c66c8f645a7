/**
 * Carrying the plan into the next assessment. When an assessment is started from a previous one,
 * each open action is copied into it (status kept; the link to a question kept only where that
 * question still exists) and the old copy is marked as carried, which closes it: it is no longer
 * open or overdue, so nothing is counted twice.
 */
import type { BinaryValue } from '../questionnaire/schema';
import type { Action } from './model';
import { isOpen } from './status';

export interface CarryOver {
  /** The new assessment's copies, in the order of the actions given. */
  copies: Action[];
  /** The old copies, each with `carriedTo` set to the new assessment. */
  marked: Action[];
}

/**
 * Copies the open actions into `newAssessmentId`. Each copy gets an id from `makeId`, keeps its
 * status, priority and texts, and keeps its question link only when `questionExists` says the
 * question is in the new assessment. Actions that are done, dropped, already carried or already
 * in the new assessment are left alone.
 * @example carryOver(previousActions, 'new-id', (q, id) => ids.has(`${q}/${id}`), now, uuid).copies.length
 * // the number of open actions
 */
export function carryOver(
  actions: readonly Action[],
  newAssessmentId: string,
  questionExists: (questionnaireId: string, questionId: string) => boolean,
  now: string,
  makeId: () => string
): CarryOver {
  const copies: Action[] = [];
  const marked: Action[] = [];
  for (const action of actions) {
    if (!isOpen(action) || action.assessmentId === newAssessmentId) continue;
    const { questionnaireId, questionId, carriedTo: _carriedTo, ...rest } = action;
    const linked =
      questionnaireId !== undefined &&
      questionId !== undefined &&
      questionExists(questionnaireId, questionId);
    copies.push({
      ...rest,
      ...(linked ? { questionnaireId, questionId } : {}),
      id: makeId(),
      assessmentId: newAssessmentId,
      createdAt: now,
      updatedAt: now
    });
    marked.push({ ...action, carriedTo: newAssessmentId, updatedAt: now });
  }
  return { copies, marked };
}

export type QuestionMove = 'up' | 'down' | 'same' | 'unanswered';

const BINARY_ORDER: Record<BinaryValue, number> = { no: 0, partial: 1, yes: 2 };

function orderOf(level: number | BinaryValue): number {
  return typeof level === 'number' ? level : BINARY_ORDER[level];
}

/**
 * Whether a linked question moved between two assessments, from the levels of its two results:
 * up, down or the same (binary: no < partial < yes); `unanswered` when either has no level or
 * the two cannot be compared (a maturity level beside a yes/no).
 * @example questionMoved({ level: 2 }, { level: 3 }) // 'up'
 * @example questionMoved({ level: 'yes' }, null) // 'unanswered'
 */
export function questionMoved(
  previous: { level: number | BinaryValue | null } | null | undefined,
  current: { level: number | BinaryValue | null } | null | undefined
): QuestionMove {
  const a = previous?.level ?? null;
  const b = current?.level ?? null;
  if (a === null || b === null || typeof a !== typeof b) return 'unanswered';
  const d = orderOf(b) - orderOf(a);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

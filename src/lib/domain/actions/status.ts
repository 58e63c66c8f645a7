/**
 * How an action's status may change, and what open and overdue mean. Dates are calendar days
 * written YYYY-MM-DD, so comparing them as text compares them in time.
 */
import type { Action, ActionStatus } from './model';

/**
 * The moves a user may make. Planned and in-progress move freely between each other and to done
 * or dropped; a done action is reopened as in progress; a dropped one is taken up as planned.
 */
export const STATUS_MOVES: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  planned: ['in-progress', 'done', 'dropped'],
  'in-progress': ['planned', 'done', 'dropped'],
  done: ['in-progress'],
  dropped: ['planned']
};

/**
 * Whether the action's status may become `to`. An action carried to a later assessment is
 * closed here: its live copy is in the later assessment.
 * @example canMoveStatus({ status: 'done' }, 'planned') // false
 */
export function canMoveStatus(
  action: Pick<Action, 'status' | 'carriedTo'>,
  to: ActionStatus
): boolean {
  return action.carriedTo === undefined && STATUS_MOVES[action.status].includes(to);
}

export type StatusMove =
  { ok: true; action: Action } | { ok: false; reason: 'same-status' | 'not-allowed' | 'carried' };

/**
 * The action after its status moves to `to`: becoming done sets `doneOn` to `today`, leaving done
 * clears it, and `updatedAt` becomes `now`. A move not in `STATUS_MOVES` is refused with a reason.
 * @example moveStatus(action, 'done', '2027-03-31', now) // { ok: true, action: { …, status: 'done', doneOn: '2027-03-31' } }
 */
export function moveStatus(
  action: Action,
  to: ActionStatus,
  today: string,
  now: string
): StatusMove {
  if (action.carriedTo !== undefined) return { ok: false, reason: 'carried' };
  if (action.status === to) return { ok: false, reason: 'same-status' };
  if (!canMoveStatus(action, to)) return { ok: false, reason: 'not-allowed' };
  const { doneOn: _doneOn, ...rest } = action;
  return {
    ok: true,
    action: { ...rest, status: to, ...(to === 'done' ? { doneOn: today } : {}), updatedAt: now }
  };
}

/**
 * Open = planned or in progress, and not carried to a later assessment (the carried copy is
 * counted there instead).
 * @example isOpen({ status: 'in-progress' }) // true
 * @example isOpen({ status: 'planned', carriedTo: 'later-id' }) // false
 */
export function isOpen(action: Pick<Action, 'status' | 'carriedTo'>): boolean {
  return (
    (action.status === 'planned' || action.status === 'in-progress') &&
    action.carriedTo === undefined
  );
}

/**
 * Overdue = open with a due date before `today` (YYYY-MM-DD). On the due day itself an action
 * is not overdue yet.
 * @example isOverdue({ status: 'planned', due: '2027-03-31' }, '2027-04-01') // true
 * @example isOverdue({ status: 'planned', due: '2027-03-31' }, '2027-03-31') // false
 */
export function isOverdue(
  action: Pick<Action, 'status' | 'carriedTo' | 'due'>,
  today: string
): boolean {
  return isOpen(action) && action.due !== undefined && action.due < today;
}

/**
 * The open actions the executive brief lists: the highest priority first, then the earliest due
 * date (an action without one after those with one), then the order they were added.
 */
import type { Action, ActionPriority } from './model';
import { isOpen } from './status';

const RANK: Readonly<Record<ActionPriority, number>> = { high: 0, medium: 1, low: 2 };

/**
 * Sorts actions for the brief (a new list): priority, then due date, then creation time.
 * @example briefOrder([low, highLate, highEarly]) // [highEarly, highLate, low]
 */
export function briefOrder(actions: readonly Action[]): Action[] {
  return actions
    .map((action, position) => ({ action, position }))
    .sort((a, b) => {
      const byPriority = RANK[a.action.priority] - RANK[b.action.priority];
      if (byPriority !== 0) return byPriority;
      const da = a.action.due ?? '\uffff';
      const db = b.action.due ?? '\uffff';
      if (da !== db) return da < db ? -1 : 1;
      return a.position - b.position;
    })
    .map(({ action }) => action);
}

export interface TopActions {
  /** At most `limit` open actions in brief order. */
  actions: Action[];
  /** How many open actions are left out ("and n more"). */
  more: number;
}

/**
 * The `limit` highest-priority open actions of a plan, and how many more are open.
 * @example topOpenActions(plan, 5) // { actions: [five actions], more: 3 }
 */
export function topOpenActions(actions: readonly Action[], limit = 5): TopActions {
  const open = briefOrder(actions.filter((a) => isOpen(a)));
  return { actions: open.slice(0, limit), more: Math.max(0, open.length - limit) };
}

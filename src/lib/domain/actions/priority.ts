/**
 * High, medium and low from the order of the gap list (see docs/scoring.md, "Gap list"): the top
 * third of rows is high, the next third medium, the rest low, and a row tied in priority with
 * the last row of a better class joins that class. The gap list's labels and the priority of an
 * action made from a gap row both come from here.
 */
import type { ActionPriority } from './model';

/** Differences below this are float noise (0.75·0.3 against 0.5·0.45), not a real order. */
export const PRIORITY_TIE = 1e-12;

/**
 * The classes of rows whose priorities are given in gap-list order (highest first): with n rows,
 * row i (1-based) is high when i ≤ ⌈n/3⌉, medium when i ≤ ⌈2n/3⌉, else low; then a row whose
 * priority is within `tie` of the last row of a better class joins that class.
 * @example priorityClassesOf([0.9, 0.5, 0.5, 0.1]) // ['high', 'high', 'medium', 'low']
 * @example priorityClassesOf([0.9, 0.9, 0.9, 0.1]) // ['high', 'high', 'high', 'low']
 */
export function priorityClassesOf(
  priorities: readonly number[],
  tie: number = PRIORITY_TIE
): ActionPriority[] {
  const n = priorities.length;
  const highEnd = Math.ceil(n / 3);
  const mediumEnd = Math.ceil((2 * n) / 3);
  // The last row of each class by position alone: the row a tied row is compared with.
  const lastRow: Record<ActionPriority, number> = {
    high: highEnd - 1,
    medium: mediumEnd - 1,
    low: n - 1
  };
  const classes: ActionPriority[] = [];
  priorities.forEach((p, index) => {
    const i = index + 1;
    let cls: ActionPriority = i <= highEnd ? 'high' : i <= mediumEnd ? 'medium' : 'low';
    const before = classes[index - 1];
    if (before !== undefined && rank(before) < rank(cls)) {
      const anchor = priorities[lastRow[before]];
      if (anchor !== undefined && Math.abs(p - anchor) <= tie) cls = before;
    }
    classes.push(cls);
  });
  return classes;
}

function rank(p: ActionPriority): number {
  return p === 'high' ? 0 : p === 'medium' ? 1 : 2;
}

/**
 * The class of one gap-list row (`index` 0-based) by the thirds rule over the whole list; null
 * when there is no such row. Rows without a priority count as 0.
 * @example priorityForGapRow(result.gapList, 0) // 'high'
 */
export function priorityForGapRow(
  gapList: readonly { priority: number | null }[],
  index: number
): ActionPriority | null {
  if (!Number.isInteger(index) || index < 0 || index >= gapList.length) return null;
  return priorityClassesOf(gapList.map((row) => row.priority ?? 0))[index] ?? null;
}

/**
 * The plan screen's table and timeline as plain data: filters, sorting, and the quarters the
 * timeline spans. Pure, so the screen's logic is tested without a browser.
 */
import { ACTION_PRIORITIES, ACTION_STATUSES, type Action } from '$lib/domain/actions/model';
import { isOverdue } from '$lib/domain/actions/status';

export interface PlanFilter {
  /** '' = any; 'open' = planned or in progress; else one status. */
  status: string;
  /** '' = anyone; '-' = no owner; else the owner as written. */
  owner: string;
  /** '' = any; '-' = not linked to a question; else a questionnaire id. */
  questionnaire: string;
  /** '' = any; '-' = no phase; else a phase. */
  phase: string;
  overdueOnly: boolean;
}

export const NO_FILTER: PlanFilter = {
  status: '',
  owner: '',
  questionnaire: '',
  phase: '',
  overdueOnly: false
};

export type SortKey = 'title' | 'owner' | 'priority' | 'status' | 'due' | 'phase';

/**
 * The actions a filter keeps, in their order.
 * @example filterActions(actions, { ...NO_FILTER, overdueOnly: true }, '2027-04-01')
 */
export function filterActions(actions: readonly Action[], f: PlanFilter, today: string): Action[] {
  const matches = (value: string | undefined, wanted: string) =>
    wanted === '' || (wanted === '-' ? !value : value === wanted);
  return actions.filter(
    (a) =>
      (f.status === '' ||
        (f.status === 'open'
          ? (a.status === 'planned' || a.status === 'in-progress') && !a.carriedTo
          : a.status === f.status)) &&
      matches(a.owner.trim(), f.owner) &&
      matches(a.questionnaireId, f.questionnaire) &&
      matches(a.phase, f.phase) &&
      (!f.overdueOnly || isOverdue(a, today))
  );
}

const ORDER: Record<SortKey, (a: Action) => string | number> = {
  title: (a) => a.title.toLocaleLowerCase(),
  owner: (a) => a.owner.toLocaleLowerCase() || '\uffff',
  priority: (a) => ACTION_PRIORITIES.indexOf(a.priority),
  status: (a) => ACTION_STATUSES.indexOf(a.status),
  due: (a) => a.due ?? '\uffff',
  phase: (a) => a.phase ?? '\uffff'
};

/**
 * The actions sorted by one column (empty values last either way), ties in their own order.
 * @example sortActions(actions, 'due', 'ascending')
 */
export function sortActions(
  actions: readonly Action[],
  key: SortKey,
  direction: 'ascending' | 'descending'
): Action[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const of = ORDER[key];
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => {
      const [p, q] = [of(x.a), of(y.a)];
      const emptyP = p === '\uffff';
      const emptyQ = q === '\uffff';
      if (emptyP !== emptyQ) return emptyP ? 1 : -1;
      if (p !== q) return (p < q ? -1 : 1) * sign;
      return x.i - y.i;
    })
    .map(({ a }) => a);
}

export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

/** The quarter of a day written YYYY-MM-DD. */
export function quarterOf(day: string): Quarter {
  return {
    year: Number(day.slice(0, 4)),
    quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1
  };
}

function index(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

export interface TimelineBar {
  action: Action;
  /** Column of the first and last quarter (0-based). */
  from: number;
  to: number;
  overdue: boolean;
}

export interface Timeline {
  quarters: Quarter[];
  bars: TimelineBar[];
  /** Where today falls, as a share of the timeline's width (0–1). */
  todayAt: number;
  /** Actions without a due date, left off the timeline. */
  undated: number;
}

/**
 * The timeline by quarter: from the earliest start or due date (or today) to the latest due date
 * (or today), one bar per action with a due date from its start quarter (or due quarter) to its
 * due quarter. Carried copies are left out (they live in the later plan).
 * @example timeline(actions, '2027-02-14').quarters[0] // { year: 2027, quarter: 1 }
 */
export function timeline(actions: readonly Action[], today: string): Timeline {
  const live = actions.filter((a) => !a.carriedTo);
  const dated = live.filter((a) => a.due !== undefined);
  const now = index(quarterOf(today));
  let first = now;
  let last = now;
  for (const a of dated) {
    const from = index(quarterOf(a.start ?? a.due!));
    const to = index(quarterOf(a.due!));
    first = Math.min(first, from, to);
    last = Math.max(last, from, to);
  }
  const quarters: Quarter[] = [];
  for (let i = first; i <= last; i++) {
    quarters.push({ year: Math.floor(i / 4), quarter: (i % 4) + 1 });
  }
  const bars = dated.map((a) => {
    const to = index(quarterOf(a.due!)) - first;
    const from = Math.min(index(quarterOf(a.start ?? a.due!)) - first, to);
    return { action: a, from, to, overdue: isOverdue(a, today) };
  });
  // Today's place inside its quarter: days since the quarter began over the quarter's days.
  const q = quarterOf(today);
  const start = Date.UTC(q.year, (q.quarter - 1) * 3, 1);
  const end = Date.UTC(q.year, q.quarter * 3, 1);
  const t = Date.UTC(
    Number(today.slice(0, 4)),
    Number(today.slice(5, 7)) - 1,
    Number(today.slice(8, 10))
  );
  const within = (t - start) / (end - start);
  return {
    quarters,
    bars,
    todayAt: (now - first + within) / quarters.length,
    undated: live.length - dated.length
  };
}

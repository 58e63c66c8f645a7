/**
 * The action plan CSV (docs/file-formats.md, "Action plan CSV"): one row per action, written
 * with the shared CSV helpers (UTF-8 with BOM, CRLF, formulas neutralised) and read back into
 * the same assessment. Reading matches rows to actions by `action_id`, adds rows with a new or
 * empty id, and never deletes an action. A file with any bad row changes nothing: every problem
 * is reported by row and column.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  FUNDING_SOURCES,
  STRATEGY_PHASES,
  actionSchema,
  isCalendarDate,
  type Action
} from '../domain/actions/model';
import type { FileProblem } from '../domain/problems';
import { detectDelimiter, parseCsv, serialiseCsv, type Cell, type Delimiter } from './csv';

/** The header, exactly as docs/file-formats.md writes it. */
export const ACTION_PLAN_HEADER = [
  'assessment_id',
  'country',
  'action_id',
  'title',
  'description',
  'questionnaire_id',
  'question_id',
  'owner',
  'supporting',
  'priority',
  'status',
  'start',
  'due',
  'done_on',
  'kpi_indicator',
  'kpi_baseline',
  'kpi_target',
  'cost',
  'funding',
  'objective',
  'phase',
  'progress_note',
  'updated_at'
] as const;
export type ActionPlanColumn = (typeof ACTION_PLAN_HEADER)[number];

/** Every problem code this reader writes (worded by state/problem-text.ts). */
export const PLAN_PROBLEM_CODES = [
  'plan.not-text',
  'plan.empty',
  'plan.quotes',
  'plan.missing-column',
  'plan.duplicate-column',
  'plan.other-assessment',
  'plan.duplicate-id',
  'plan.bad-choice',
  'plan.bad-date',
  'plan.unknown-question',
  'plan.title-needed',
  'plan.due-before-start',
  'plan.done-on',
  'plan.too-long'
] as const;
export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];

/** What a column refused by the action schema needs (any other column: a shorter text). */
const INVALID_CODE: Readonly<Record<string, PlanProblemCode>> = {
  title: 'plan.title-needed',
  due: 'plan.due-before-start',
  start: 'plan.due-before-start',
  done_on: 'plan.done-on'
};

/**
 * The plan of one assessment as CSV text, actions in the order given; semicolons for
 * spreadsheets in locales that use the comma as decimal mark (the import detects either).
 * @example writeActionPlanCsv({ id: 'a1', country: 'KE' }, actions) // '\uFEFFassessment_id,country,…\r\n…'
 */
export function writeActionPlanCsv(
  assessment: { id: string; country: string },
  actions: readonly Action[],
  delimiter: Delimiter = ','
): string {
  const rows: Cell[][] = [[...ACTION_PLAN_HEADER]];
  for (const a of actions) {
    rows.push([
      assessment.id,
      assessment.country,
      a.id,
      a.title,
      a.description,
      a.questionnaireId ?? '',
      a.questionId ?? '',
      a.owner,
      a.supporting,
      a.priority,
      a.status,
      a.start ?? '',
      a.due ?? '',
      a.doneOn ?? '',
      a.kpiIndicator,
      a.kpiBaseline,
      a.kpiTarget,
      a.cost,
      a.funding,
      a.objective,
      a.phase ?? '',
      a.progressNote,
      a.updatedAt
    ]);
  }
  return serialiseCsv(rows, delimiter);
}

export interface PlanImportContext {
  assessmentId: string;
  /** The plan as stored now: rows are matched to these by id. */
  existing: readonly Action[];
  /** `questionnaireId/questionId` of every question the assessment holds. */
  questions: ReadonlySet<string>;
  /** ISO time written as `updatedAt` (and `createdAt` of new actions). */
  now: string;
  /** Today, YYYY-MM-DD: the done date of a row made done without one. */
  today: string;
  /** An id for a row whose `action_id` is empty. */
  makeId: () => string;
  /** Overrides the detected delimiter. */
  delimiter?: Delimiter;
}

export type PlanImport =
  | {
      ok: true;
      delimiter: Delimiter;
      /** Every action to store: new ones and changed ones (unchanged rows are left out). */
      actions: Action[];
      added: number;
      changed: number;
      unchanged: number;
    }
  | { ok: false; problems: FileProblem[] };

/** Each column the reader understands, and how an empty cell reads. */
const TEXT_FIELDS = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  supporting: 'supporting',
  kpi_indicator: 'kpiIndicator',
  kpi_baseline: 'kpiBaseline',
  kpi_target: 'kpiTarget',
  cost: 'cost',
  objective: 'objective',
  progress_note: 'progressNote'
} as const satisfies Partial<Record<ActionPlanColumn, keyof Action>>;

const DATE_FIELDS = { start: 'start', due: 'due', done_on: 'doneOn' } as const;

const CHOICES = {
  priority: ACTION_PRIORITIES,
  status: ACTION_STATUSES,
  funding: FUNDING_SOURCES,
  phase: STRATEGY_PHASES
} as const;

/** Spellings a spreadsheet user writes for a status, beside the file's own words. */
const STATUS_SPELLINGS: Readonly<Record<string, string>> = {
  'in progress': 'in-progress',
  in_progress: 'in-progress'
};

/** The column a schema path points at, for a problem's place. */
const COLUMN_OF_FIELD: Readonly<Record<string, ActionPlanColumn>> = {
  title: 'title',
  description: 'description',
  questionnaireId: 'questionnaire_id',
  questionId: 'question_id',
  owner: 'owner',
  supporting: 'supporting',
  priority: 'priority',
  status: 'status',
  start: 'start',
  due: 'due',
  doneOn: 'done_on',
  kpiIndicator: 'kpi_indicator',
  kpiBaseline: 'kpi_baseline',
  kpiTarget: 'kpi_target',
  cost: 'cost',
  funding: 'funding',
  objective: 'objective',
  phase: 'phase',
  progressNote: 'progress_note',
  id: 'action_id'
};

/** Two actions the same apart from when they were changed. */
function same(a: Action, b: Action): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('updatedAt');
  const at = (x: Action, k: string) => JSON.stringify((x as Record<string, unknown>)[k]);
  return [...keys].every((k) => at(a, k) === at(b, k));
}

/**
 * Reads an action plan CSV into the actions to store. Columns may come in any order; only
 * `title` is required, and a column the file leaves out keeps the stored value (a new action
 * takes the default). Unknown columns are ignored. Never throws.
 * @example
 * const result = readActionPlanCsv('plan.csv', text, { assessmentId, existing, questions, now, today, makeId });
 * if (result.ok) await putActions(assessmentId, result.actions);
 */
export function readActionPlanCsv(file: string, text: string, ctx: PlanImportContext): PlanImport {
  const problems: FileProblem[] = [];
  const problem = (
    code: PlanProblemCode,
    row?: number,
    column?: string,
    params?: Record<string, string | number>
  ) => problems.push({ file, row, column, code, ...(params ? { params } : {}) });

  if (typeof text !== 'string') {
    problem('plan.not-text');
    return { ok: false, problems };
  }
  const delimiter = ctx.delimiter ?? detectDelimiter(text);
  const { records, problems: broken } = parseCsv(text, delimiter);
  for (const b of broken) problem('plan.quotes', b.row);
  const header = records[0];
  if (!header) {
    if (problems.length === 0) {
      problem('plan.empty');
    }
    return { ok: false, problems };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (index.has(name)) {
      problem('plan.duplicate-column', header.row, name, {
        column: name
      });
    } else index.set(name, i);
  });
  for (const required of ['title'] as const) {
    if (!index.has(required)) {
      problem('plan.missing-column', header.row, required, { column: required });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const byId = new Map(ctx.existing.map((a) => [a.id, a]));
  const seen = new Map<string, number>();
  const out: Action[] = [];
  let added = 0;
  let changed = 0;
  let unchanged = 0;

  for (const record of records.slice(1)) {
    const row = record.row;
    const has = (column: ActionPlanColumn) => index.has(column);
    const cell = (column: ActionPlanColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : (record.cells[at] ?? '');
    };
    const key = (column: ActionPlanColumn) => cell(column).trim();
    const before = problems.length;

    const owner = key('assessment_id');
    if (owner !== '' && owner !== ctx.assessmentId) {
      problem('plan.other-assessment', row, 'assessment_id', { text: owner });
      continue;
    }
    const givenId = key('action_id');
    if (givenId !== '') {
      const first = seen.get(givenId);
      if (first !== undefined) {
        problem('plan.duplicate-id', row, 'action_id', { text: givenId, first });
        continue;
      }
      seen.set(givenId, row);
    }
    const stored = givenId === '' ? undefined : byId.get(givenId);
    const draft: Record<string, unknown> = stored
      ? { ...stored }
      : {
          id: givenId || ctx.makeId(),
          assessmentId: ctx.assessmentId,
          priority: 'medium',
          status: 'planned',
          createdAt: ctx.now
        };

    for (const [column, field] of Object.entries(TEXT_FIELDS) as [ActionPlanColumn, string][]) {
      if (has(column)) draft[field] = cell(column);
    }
    for (const [column, field] of Object.entries(DATE_FIELDS) as [ActionPlanColumn, string][]) {
      if (!has(column)) continue;
      const value = key(column);
      if (value === '') delete draft[field];
      else if (!isCalendarDate(value)) {
        problem('plan.bad-date', row, column, { text: value });
      } else draft[field] = value;
    }
    for (const column of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
      if (!has(column)) continue;
      const raw = key(column).toLowerCase();
      const value = column === 'status' ? (STATUS_SPELLINGS[raw] ?? raw) : raw;
      const allowed: readonly string[] = CHOICES[column];
      if (value === '') {
        if (column === 'phase') delete draft['phase'];
        else if (column === 'funding') draft['funding'] = 'unknown';
        // An empty priority or status keeps the stored one (a new action: medium, planned).
        continue;
      }
      if (!allowed.includes(value)) {
        problem('plan.bad-choice', row, column, { text: key(column), values: allowed.join(', ') });
        continue;
      }
      if (column === 'priority' && value !== (stored?.priority ?? draft['priority'])) {
        draft['prioritySetByUser'] = true;
      }
      draft[column] = value;
    }
    if (has('questionnaire_id') || has('question_id')) {
      const qid = key('questionnaire_id');
      const id = key('question_id');
      if (qid === '' && id === '') {
        delete draft['questionnaireId'];
        delete draft['questionId'];
      } else if (!ctx.questions.has(`${qid}/${id}`)) {
        problem(
          'plan.unknown-question',
          row,
          qid === '' || id !== '' ? 'question_id' : 'questionnaire_id',
          { text: `${qid}/${id}` }
        );
      } else {
        draft['questionnaireId'] = qid;
        draft['questionId'] = id;
      }
    }
    // Done without a date: done today. Reopened: the done date goes.
    if (draft['status'] === 'done' && draft['doneOn'] === undefined) draft['doneOn'] = ctx.today;
    if (draft['status'] !== 'done' && !has('done_on')) delete draft['doneOn'];
    if (problems.length > before) continue;

    draft['updatedAt'] = stored?.updatedAt ?? ctx.now;
    const parsed = actionSchema.safeParse(draft);
    if (!parsed.success) {
      const seenColumns = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF_FIELD[String(issue.path[0])] ?? 'title';
        if (seenColumns.has(column)) continue;
        seenColumns.add(column);
        problem(INVALID_CODE[column] ?? 'plan.too-long', row, column);
      }
      continue;
    }
    const action = parsed.data;
    if (stored && same(stored, action)) {
      unchanged++;
      continue;
    }
    if (stored) changed++;
    else added++;
    out.push({ ...action, updatedAt: ctx.now });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, delimiter, actions: out, added, changed, unchanged };
}

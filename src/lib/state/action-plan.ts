/**
 * What the action plan screens do: turn a gap-list row into an action, edit actions, export and
 * import the plan CSV, and read what the dashboard, the trend and the executive brief need.
 * See docs/file-formats.md ("Action plan CSV") and docs/scoring.md ("Gap list").
 */
import { topOpenActions, type TopActions } from '$lib/domain/actions/brief';
import {
  actionSchema,
  newAction,
  TITLE_MAX,
  type Action,
  type ActionStatus
} from '$lib/domain/actions/model';
import { overdueByAssessment } from '$lib/domain/actions/overdue';
import { priorityForGapRow } from '$lib/domain/actions/priority';
import { moveStatus } from '$lib/domain/actions/status';
import type { Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { recommendationFor } from '$lib/domain/scoring/explain';
import type { QuestionResult } from '$lib/domain/scoring/types';
import { isoDay } from '$lib/format/dates';
import { fileSafe } from '$lib/format/file-safe';
import { readActionPlanCsv, writeActionPlanCsv, type PlanImport } from '$lib/io/action-plan-csv';
import { decodeCsvBytes } from '$lib/io/csv';
import { m } from '$lib/paraglide/messages.js';
import * as store from '$lib/storage/actions';
import { getAnswers, getAssessment, listAssessments } from '$lib/storage/assessments';
import { uuid } from '$lib/storage/uuid';
import { download } from './download';
import { saving } from './files/saving.svelte';
import { loadAllPinned } from './questionnaires';
import { textsFor } from './assessment-text';
import { resultsFileStem } from './results-exports';

export type { Action, ActionStatus };
export { watchActions } from '$lib/storage/actions';

function now(): string {
  return new Date().toISOString();
}

/** Today as the plan compares due dates: the local calendar day. */
export function today(): string {
  return isoDay();
}

/** A question's text cut to an action title's length, on a word where it can. */
function titleOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= TITLE_MAX) return trimmed;
  const cut = trimmed.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Adds the gap-list row at `index` to the plan: the question as its title, the recommendation
 * as its description, the priority by the thirds rule over the whole list (docs/scoring.md).
 * @example await addGapToPlan(assessment.id, result.gapList, 0, privacy)
 */
export async function addGapToPlan(
  assessmentId: string,
  gapList: readonly QuestionResult[],
  index: number,
  questionnaire: Questionnaire | undefined
): Promise<Action> {
  const row = gapList[index];
  if (!row) throw new Error('No such row in the gap list.');
  const action = newAction(
    {
      id: uuid(),
      assessmentId,
      title: titleOf(row.text),
      description: recommendationFor(questionnaire, row) ?? '',
      priority: priorityForGapRow(gapList, index) ?? 'low',
      questionnaireId: row.questionnaireId,
      questionId: row.questionId
    },
    now()
  );
  await store.putActions(assessmentId, [action]);
  return action;
}

/** Adds an action of the user's own, not tied to a question. */
export async function addOwnAction(assessmentId: string, title: string): Promise<Action> {
  const action = newAction(
    {
      id: uuid(),
      assessmentId,
      title: titleOf(title),
      priority: 'medium',
      prioritySetByUser: true
    },
    now()
  );
  await store.putActions(assessmentId, [action]);
  return action;
}

/** The text and choice fields a user edits in place (status has its own rules). */
export type EditableField =
  | 'title'
  | 'description'
  | 'owner'
  | 'supporting'
  | 'priority'
  | 'start'
  | 'due'
  | 'kpiIndicator'
  | 'kpiBaseline'
  | 'kpiTarget'
  | 'cost'
  | 'funding'
  | 'objective'
  | 'progressNote'
  | 'phase';

export type EditResult = { ok: true; action: Action } | { ok: false; reason: string };

/**
 * Changes one field of an action (an empty date or phase clears it). A change the plan cannot
 * take (a due date before the start, an empty title) is refused with the reason, in words.
 */
export async function editAction(
  assessmentId: string,
  id: string,
  field: EditableField,
  value: string
): Promise<EditResult> {
  let reason = '';
  const saved = await store.updateAction(assessmentId, id, (stored) => {
    const next: Record<string, unknown> = { ...stored, updatedAt: now() };
    if (value === '' && ['start', 'due', 'phase'].includes(field)) delete next[field];
    else next[field] = value;
    if (field === 'priority') next['prioritySetByUser'] = true;
    const parsed = actionSchema.safeParse(next);
    if (!parsed.success) {
      reason = editProblem(field, parsed.error.issues[0]?.path[0]);
      return stored;
    }
    return parsed.data;
  });
  return reason ? { ok: false, reason } : { ok: true, action: saved };
}

function editProblem(field: EditableField, at: PropertyKey | undefined): string {
  if (at === 'due' || at === 'start') return m.actions_edit_due_before_start();
  if (field === 'title') return m.actions_edit_title_needed();
  return m.actions_edit_too_long();
}

/** Moves an action's status (done sets the done date to today; reopening clears it). */
export async function setStatus(
  assessmentId: string,
  id: string,
  to: ActionStatus
): Promise<EditResult> {
  let reason = '';
  const saved = await store.updateAction(assessmentId, id, (stored) => {
    const moved = moveStatus(stored, to, today(), now());
    if (moved.ok) return moved.action;
    if (moved.reason !== 'same-status') {
      reason = moved.reason === 'carried' ? m.actions_status_carried() : m.actions_status_refused();
    }
    return stored;
  });
  return reason ? { ok: false, reason } : { ok: true, action: saved };
}

/** What the plan screen reads. Null when the assessment is not in this browser. */
export async function loadPlan(id: string) {
  const assessment = await getAssessment(id);
  if (!assessment) return null;
  const [actions, questionnaires, answers, previous] = await Promise.all([
    store.getActions(id),
    loadAllPinned(assessment.questionnaires),
    getAnswers(id),
    assessment.previousId ? getAssessment(assessment.previousId) : Promise.resolve(undefined)
  ]);
  const previousAnswers = previous ? await getAnswers(previous.id) : null;
  const texts = await textsFor(assessment, questionnaires);
  const assessments = await listAssessments();
  const carriedTo = new Map(assessments.map((a) => [a.id, a.title]));
  return {
    assessment,
    actions,
    // In the assessment's language: gap rows, linked questions and the plan report read them.
    questionnaires: texts.map((t) => t.questionnaire),
    // The strings left in English, for the screen to mark (docs/languages.md).
    texts,
    answers,
    previous: previous ?? null,
    previousAnswers,
    carriedToTitles: Object.fromEntries(carriedTo),
    today: today()
  };
}

/** The plan's file names: country, date, "action-plan", classification. */
export function planFileName(
  assessment: Pick<Assessment, 'country' | 'date' | 'classification'>,
  ext: string
): string {
  return `${resultsFileStem(assessment)}_${fileSafe(m.actions_file_plan())}.${ext}`;
}

/**
 * Saves the plan as CSV, with the delimiter the user chose for every CSV (remembered in this
 * browser). Returns the file name.
 */
export function downloadPlanCsv(assessment: Assessment, actions: readonly Action[]): string {
  const name = planFileName(assessment, 'csv');
  download(name, writeActionPlanCsv(assessment, actions, saving.delimiter), 'text/csv');
  return name;
}

/** The plan CSV of one assessment as text (the screen's tests and the PDF share it). */
export function planCsvText(assessment: Assessment, actions: readonly Action[]): string {
  return writeActionPlanCsv(assessment, actions);
}

export type PlanImportOutcome =
  | Extract<PlanImport, { ok: true }>
  | { ok: false; problems: Extract<PlanImport, { ok: false }>['problems'] };

/**
 * Reads a plan CSV chosen by the user and, when every row is good, stores it in one
 * transaction (matched by id, new rows added, nothing deleted). A bad file writes nothing.
 * `encoding` is the user's choice for a file that is not UTF-8, after seeing the preview.
 */
export async function importPlanCsv(
  assessment: Assessment,
  file: { name: string; bytes: Uint8Array },
  questionnaires: readonly Questionnaire[],
  encoding?: 'windows-1252'
): Promise<PlanImportOutcome> {
  const decoded = decodeCsvBytes(file.bytes, encoding);
  if (!decoded.ok) {
    return {
      ok: false,
      problems: [
        {
          file: file.name,
          row: decoded.line,
          code: decoded.code,
          ...(decoded.params ? { params: decoded.params } : {})
        }
      ]
    };
  }
  const questions = new Set(
    questionnaires.flatMap((q) =>
      q.sections.flatMap((s) => s.questions.map((x) => `${q.id}/${x.id}`))
    )
  );
  const result = readActionPlanCsv(file.name, decoded.text, {
    assessmentId: assessment.id,
    existing: await store.getActions(assessment.id),
    questions,
    now: now(),
    today: today(),
    makeId: uuid
  });
  if (result.ok && result.actions.length > 0) await store.putActions(assessment.id, result.actions);
  return result;
}

/** Overdue actions per assessment, counted on each country's latest assessment only. */
export async function overdueCounts(
  assessments: readonly Assessment[]
): Promise<Record<string, number>> {
  return overdueByAssessment(await store.listAllActions(), assessments, today());
}

/**
 * The brief's list: the five highest-priority open actions of an assessment (by priority, then
 * due date; each with its owner, due date and cost) and how many more are open.
 * @example const { actions, more } = await briefActions(assessment.id);
 */
export async function briefActions(assessmentId: string, limit = 5): Promise<TopActions> {
  return topOpenActions(await store.getActions(assessmentId), limit);
}

/**
 * Actions done between two assessments (given by id, in either order): done on or after the
 * earlier assessment's date and before the later one's, from the plans of both (a carried copy
 * is counted once: the old copy stays open-then-carried, only the later copy is done). Empty
 * when either is not in this browser.
 */
export async function actionsDoneBetween(aId: string, bId: string): Promise<Action[]> {
  const [a, b] = await Promise.all([getAssessment(aId), getAssessment(bId)]);
  if (!a || !b || a.id === b.id) return [];
  const [earlier, later] = a.date <= b.date ? [a, b] : [b, a];
  const [x, y] = await Promise.all([store.getActions(earlier.id), store.getActions(later.id)]);
  return [...x, ...y]
    .filter(
      (action) =>
        action.status === 'done' &&
        action.doneOn !== undefined &&
        action.doneOn >= earlier.date &&
        action.doneOn < later.date
    )
    .sort((p, q) => (p.doneOn! < q.doneOn! ? -1 : p.doneOn! > q.doneOn! ? 1 : 0));
}

export {
  actionPriorityWord,
  actionStatusWord,
  fundingWord,
  quarterWord,
  strategyPhaseWord
} from '$lib/reports/action-words';

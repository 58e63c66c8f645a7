/**
 * An action of the plan that turns an assessment's gaps into work with owners, dates and
 * indicators. The schema validates stored actions and the action plan CSV on the way in; the
 * type is inferred from it.
 */
import { z } from '../zod';
import { idSchema } from '../questionnaire/schema';

export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const FUNDING_SOURCES = ['budget', 'donor', 'mixed', 'unknown'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** The lifecycle phases of a national cybersecurity strategy, in order. */
export const STRATEGY_PHASES = [
  'initiation',
  'stocktaking',
  'production',
  'implementation',
  'monitoring'
] as const;
export type StrategyPhase = (typeof STRATEGY_PHASES)[number];

/** Longest title: it heads a table row, a timeline bar and a line of the brief. */
export const TITLE_MAX = 200;
/** Longest short field: owner, supporting agencies, cost. */
export const SHORT_TEXT_MAX = 500;
/** Longest long field: description, indicators, objective, progress note. */
export const LONG_TEXT_MAX = 2000;

/**
 * Whether `text` is a real calendar day written YYYY-MM-DD (no 2026-02-30).
 * @example isCalendarDate('2028-02-29') // true
 * @example isCalendarDate('2026-02-29') // false
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const dateSchema = z
  .string()
  .refine(isCalendarDate, 'use a real date written YYYY-MM-DD, e.g. 2027-03-31');

const shortText = z
  .string()
  .trim()
  .max(SHORT_TEXT_MAX, `keep it to ${SHORT_TEXT_MAX} characters`)
  .default('');
const longText = z
  .string()
  .trim()
  .max(LONG_TEXT_MAX, `keep it to ${LONG_TEXT_MAX} characters`)
  .default('');

export const actionSchema = z
  .object({
    id: z.string().min(1).max(100),
    assessmentId: z.string().min(1),
    title: z
      .string()
      .trim()
      .min(1, 'give the action a title')
      .max(TITLE_MAX, `keep the title to ${TITLE_MAX} characters`),
    description: longText,
    /** The question whose gap the action closes; both ids or neither. */
    questionnaireId: idSchema.optional(),
    questionId: idSchema.optional(),
    /** The organisation or role that answers for the action. */
    owner: shortText,
    priority: z.enum(ACTION_PRIORITIES),
    status: z.enum(ACTION_STATUSES),
    start: dateSchema.optional(),
    due: dateSchema.optional(),
    /** The day the status became done; only a done action has one. */
    doneOn: dateSchema.optional(),
    kpiIndicator: longText,
    kpiBaseline: longText,
    kpiTarget: longText,
    /** Other agencies that take part. */
    supporting: shortText,
    cost: shortText,
    funding: z.enum(FUNDING_SOURCES).default('unknown'),
    /** The strategy objective the action serves. */
    objective: longText,
    progressNote: longText,
    phase: z.enum(STRATEGY_PHASES).optional(),
    /** The user chose the priority: it no longer follows the gap list. */
    prioritySetByUser: z.boolean().default(false),
    /** The id of a later assessment this action was carried to; this copy is then closed. */
    carriedTo: z.string().min(1).optional(),
    createdAt: z.string().min(1),
    updatedAt: z.string().min(1)
  })
  .refine((a) => (a.questionnaireId === undefined) === (a.questionId === undefined), {
    message: 'link a question with both its questionnaire id and its question id, or neither',
    path: ['questionId']
  })
  .refine((a) => a.doneOn === undefined || a.status === 'done', {
    message: 'only a done action has a done date: clear it or set the status to done',
    path: ['doneOn']
  })
  .refine((a) => a.start === undefined || a.due === undefined || a.start <= a.due, {
    message: 'the due date comes before the start: move one of them',
    path: ['due']
  });
export type Action = z.output<typeof actionSchema>;
export type ActionInput = z.input<typeof actionSchema>;

/** What a new action must be given; everything else starts at its default. */
export type NewActionFields = Pick<Action, 'id' | 'assessmentId' | 'title' | 'priority'> &
  Partial<Action>;

/**
 * A new planned action with empty text fields, funding unknown and the priority from the gap
 * list (not set by the user). Any field given overrides its default.
 * @example newAction({ id: 'a1', assessmentId: 'x', title: 'Pass the law', priority: 'high' }, now).status
 * // 'planned'
 */
export function newAction(fields: NewActionFields, now: string): Action {
  return {
    description: '',
    owner: '',
    status: 'planned',
    kpiIndicator: '',
    kpiBaseline: '',
    kpiTarget: '',
    supporting: '',
    cost: '',
    funding: 'unknown',
    objective: '',
    progressNote: '',
    prioritySetByUser: false,
    createdAt: now,
    updatedAt: now,
    ...fields
  };
}

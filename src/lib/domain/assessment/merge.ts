/**
 * Field-level edits of one answer, and how an edit is merged into the answer another tab may have
 * changed in the meantime (see docs/architecture.md, "Two tabs and unsaved changes").
 *
 * An edit carries only the fields the user changed (`set`) and the values those fields had when
 * the user changed them (`base`). Applied to the stored answer, fields nobody else touched merge
 * quietly; a field another tab changed since `base` is a conflict: the edit still wins (it is the
 * later one) and the other value is returned so the screen can offer it back.
 */
import type { Answer } from './model';

/** The fields of an answer a user edits; `updatedAt` is set by every edit. */
export const ANSWER_FIELDS = [
  'state',
  'level',
  'option',
  'naReason',
  'target',
  'regional',
  'evidence',
  'comment',
  'flagged',
  'toConfirm'
] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** A field's value, with null for "empty" (JSON keeps null, not undefined). */
export type FieldValues = Partial<Record<AnswerField, Answer[AnswerField] | null>>;

export interface AnswerEdit {
  /** `questionnaireId/questionId`. */
  key: string;
  /** The new value of every field the user changed; null empties it. */
  set: FieldValues;
  /** What those fields held when the user changed them. */
  base: FieldValues;
  /** When the edit was made (ISO 8601). */
  at: string;
}

/**
 * Fields that only make sense together: the choice is the state, the level and the N/A reason.
 * A conflict is reported per group, so the screen speaks of "the answer", "the evidence"…
 */
export const FIELD_GROUPS = {
  answer: ['state', 'level', 'option', 'naReason'],
  target: ['target'],
  regional: ['regional'],
  evidence: ['evidence'],
  comment: ['comment'],
  flag: ['flagged']
} as const satisfies Record<string, readonly AnswerField[]>;
export type FieldGroup = keyof typeof FIELD_GROUPS;

export interface FieldConflict {
  key: string;
  group: FieldGroup;
  /** What the other tab had stored for the group's fields, replaced by this edit. */
  theirs: FieldValues;
}

function value(v: unknown): unknown {
  return v === undefined || v === '' || v === false ? null : v;
}

function same(a: unknown, b: unknown): boolean {
  return value(a) === value(b);
}

/** The fields whose value differs between two answers, as an edit from `before` to `after`. */
export function diffAnswer(
  key: string,
  before: Answer | undefined,
  after: Answer | null,
  at: string
): AnswerEdit | null {
  const set: FieldValues = {};
  const base: FieldValues = {};
  for (const field of ANSWER_FIELDS) {
    const was = before?.[field];
    const now = after?.[field];
    if (!same(was, now)) {
      set[field] = (value(now) as Answer[AnswerField] | null) ?? null;
      base[field] = (value(was) as Answer[AnswerField] | null) ?? null;
    }
  }
  return Object.keys(set).length === 0 ? null : { key, set, base, at };
}

/**
 * Folds a later edit of the same answer into an earlier, unsaved one: the later values win, and
 * each field keeps the base it had when first changed.
 */
export function combineEdits(earlier: AnswerEdit, later: AnswerEdit): AnswerEdit {
  return {
    key: earlier.key,
    set: { ...earlier.set, ...later.set },
    base: { ...later.base, ...earlier.base },
    at: later.at
  };
}

/** Drops empty fields; null when nothing is left worth keeping. */
export function tidyAnswer(answer: Answer): Answer | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answer)) if (value(v) !== null) out[k] = v;
  const { updatedAt: _u, ...rest } = out;
  return Object.keys(rest).length === 0 ? null : (out as Answer);
}

/** The answer with the edit's fields put over it (no conflict check). */
export function overlay(answer: Answer | undefined, edit: AnswerEdit): Answer | null {
  const next: Record<string, unknown> = { ...(answer ?? {}) };
  for (const [field, v] of Object.entries(edit.set)) next[field] = v ?? undefined;
  next.updatedAt = edit.at;
  return tidyAnswer(next as Answer);
}

/**
 * Applies an edit to the answer as stored now. Returns the merged answer (null: nothing left)
 * and, per group of fields, the other tab's values this edit replaced.
 */
export function mergeAnswer(
  stored: Answer | undefined,
  edit: AnswerEdit
): { answer: Answer | null; conflicts: FieldConflict[] } {
  const conflicts: FieldConflict[] = [];
  for (const [group, fields] of Object.entries(FIELD_GROUPS) as [
    FieldGroup,
    readonly AnswerField[]
  ][]) {
    const touched = fields.filter((f) => f in edit.set);
    if (touched.length === 0) continue;
    const changedElsewhere = touched.some((f) => !same(stored?.[f], edit.base[f]));
    const differs = touched.some((f) => !same(stored?.[f], edit.set[f]));
    if (changedElsewhere && differs) {
      const theirs: FieldValues = {};
      for (const f of fields) theirs[f] = (value(stored?.[f]) as Answer[AnswerField]) ?? null;
      conflicts.push({ key: edit.key, group, theirs });
    }
  }
  return { answer: overlay(stored, edit), conflicts };
}

/**
 * One row of an answers CSV → one answer: the level or state it gives (in any spelling the file
 * format accepts), the N/A reason, the target and the notes. Every problem is reported against
 * the column that holds it; nothing throws.
 */
import type { Answer, AnswerState } from '../../domain/assessment/model';
import type { BinaryValue, Question, Questionnaire } from '../../domain/questionnaire/schema';
import { TEXT_LIMITS, type TextKind } from '../../domain/field-rules';
import {
  BINARY_WORDS,
  INTEGER,
  STATE_WORDS,
  fold,
  list,
  splitNaComment,
  type AnswersColumn
} from './format';

/**
 * Reports a problem of the current row against a column (null: the whole row): its code and
 * params (docs/languages.md, "Problems").
 */
export type Report = (
  column: AnswersColumn | null,
  code: string,
  params?: Readonly<Record<string, string | number>>
) => void;
/** The cell of the current row in a column, trimmed unless it holds free text; '' when blank or
 * the column is absent. */
export type Get = (column: AnswersColumn) => string;

/** A maturity value from a number or a label in any case, or null when it is not on the scale. */
function scaleValue(q: Questionnaire, text: string): number | null {
  if (INTEGER.test(text)) {
    const value = Number(text);
    return q.scale.some((l) => l.value === value) ? value : null;
  }
  return q.scale.find((l) => fold(l.label) === fold(text))?.value ?? null;
}

/**
 * Reports a level or target that is not on the scale, with the values and labels that are
 * (a target may also be left empty: its codes end `-or-empty`).
 */
function reportOffScale(q: Questionnaire, what: 'level' | 'target', text: string, report: Report) {
  const values = q.scale.map((l) => l.value);
  const outside = INTEGER.test(text);
  const code =
    what === 'level'
      ? outside
        ? 'csv.level-off-scale'
        : 'csv.level-unknown'
      : outside
        ? 'csv.target-off-scale-or-empty'
        : 'csv.target-unknown-or-empty';
  report(what, code, {
    text,
    questionnaire: q.title,
    min: values[0] ?? '',
    max: values[values.length - 1] ?? '',
    values: list(values),
    labels: list(q.scale.map((l) => l.label))
  });
}

/** The level column: a level, a state word, or undefined when blank or wrong (reported). */
function readLevel(
  questionnaire: Questionnaire,
  question: Question,
  text: string,
  report: Report
): { level?: number | BinaryValue; option?: string; state?: AnswerState } | null {
  if (text === '') return {};
  const word = STATE_WORDS.get(fold(text));
  if (word && word !== 'level') return { state: word };
  if (question.type === 'choice') {
    // The option id as the export writes it, or its label in any case.
    const option = question.options.find(
      (o) => o.id === text || fold(o.id) === fold(text) || fold(o.label) === fold(text)
    );
    if (option) return { option: option.id };
    const ids = list(question.options.map((o) => o.id));
    report('level', 'csv.option-unknown', { text, question: question.id, values: ids });
    return null;
  }
  if (question.type === 'binary') {
    const level = BINARY_WORDS.get(fold(text));
    if (level) return { level };
    report('level', 'csv.binary-unknown', { text });
    return null;
  }
  const level = scaleValue(questionnaire, text);
  if (level !== null) return { level };
  reportOffScale(questionnaire, 'level', text, report);
  return null;
}

/** The state the row gives, from the state column, the level column or both (they must agree). */
function readState(
  get: Get,
  fromLevel: { level?: unknown; option?: string; state?: AnswerState },
  report: Report
): { state: AnswerState | undefined; ok: boolean } {
  const stateText = get('state');
  const levelText = get('level');
  const given = fromLevel.level !== undefined || fromLevel.option !== undefined;
  const implied = fromLevel.state ?? (given ? 'level' : undefined);
  if (stateText === '') return { state: implied, ok: true };
  const state = STATE_WORDS.get(fold(stateText));
  if (!state) {
    report('state', 'csv.state-unknown', { text: stateText });
    return { state: undefined, ok: false };
  }
  if (state === 'level' && levelText === '') {
    report('level', 'csv.level-missing', { state: stateText });
    return { state, ok: false };
  }
  if (implied !== undefined && implied !== state) {
    report('level', 'csv.level-contradicts-state', { level: levelText, state: stateText });
    return { state, ok: false };
  }
  return { state, ok: true };
}

/**
 * The answer one row gives: undefined when the row says nothing (unanswered and no notes),
 * 'invalid' when it reported a problem. `hasNaReasonColumn`: the file is second-edition, so the
 * N/A reason comes from `na_reason` and the comment is kept whole (docs/file-formats.md).
 * @example readAnswer(privacy, question, get, report, true) // { state: 'level', level: 3 }
 */
export function readAnswer(
  questionnaire: Questionnaire,
  question: Question,
  get: Get,
  report: Report,
  hasNaReasonColumn = false
): Answer | undefined | 'invalid' {
  const fromLevel = readLevel(questionnaire, question, get('level'), report);
  const { state, ok } = readState(get, fromLevel ?? {}, report);
  let valid = fromLevel !== null && ok;

  let comment = get('comment');
  let naReason = '';
  if (state === 'na' && !question.naAllowed) {
    report(get('state') ? 'state' : 'level', 'csv.na-not-allowed', { question: question.id });
    valid = false;
  } else if (state === 'na' && hasNaReasonColumn) {
    naReason = get('na_reason').trim();
    if (!naReason) {
      report('na_reason', 'csv.na-reason-empty');
      valid = false;
    }
  } else if (state === 'na') {
    ({ reason: naReason, comment } = splitNaComment(comment));
    if (!naReason) {
      report('comment', 'csv.na-reason-missing');
      valid = false;
    }
  }

  const targetText = get('target');
  let target: number | null = null;
  if (targetText !== '' && question.type === 'binary') {
    report('target', 'csv.target-on-binary');
    valid = false;
  } else if (targetText !== '' && question.type === 'choice') {
    report('target', 'csv.target-on-choice');
    valid = false;
  } else if (targetText !== '') {
    target = scaleValue(questionnaire, targetText);
    if (target === null) {
      reportOffScale(questionnaire, 'target', targetText, report);
      valid = false;
    }
  }
  // The same limits as bundles and backups (docs/file-formats.md, "Limits"), told per column.
  const regional = get('regional');
  const evidence = get('evidence');
  const commentCell = get('comment');
  valid = fitsLimit('regional', regional, 'short', report) && valid;
  valid = fitsLimit('evidence', evidence, 'long', report) && valid;
  valid = fitsLimit('comment', commentCell, 'long', report) && valid;
  if (!valid) return 'invalid';

  // A row that says nothing (level and state blank, no text) leaves the answer as it is.
  if (
    state === undefined &&
    target === null &&
    naReason === '' &&
    regional === '' &&
    evidence === '' &&
    comment === ''
  ) {
    return undefined;
  }

  const answer: Answer = {};
  if (state !== undefined) answer.state = state;
  if (state === 'level' && fromLevel?.level !== undefined) answer.level = fromLevel.level;
  if (state === 'level' && fromLevel?.option !== undefined) answer.option = fromLevel.option;
  if (naReason) answer.naReason = naReason;
  if (target !== null) answer.target = target;
  if (regional !== '') answer.regional = regional;
  if (evidence !== '') answer.evidence = evidence;
  if (comment !== '') answer.comment = comment;
  return answer;
}

/** Whether a text cell fits its limit; reports it when it does not. */
function fitsLimit(column: AnswersColumn, value: string, kind: TextKind, report: Report): boolean {
  if (value.length <= TEXT_LIMITS[kind]) return true;
  report(column, 'csv.text-too-long', { limit: TEXT_LIMITS[kind], length: value.length });
  return false;
}

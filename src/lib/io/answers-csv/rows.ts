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
 * The codes an answers CSV problem may carry (the others carry only their English sentence, which
 * screens show as it is). A test checks that each has a message in every interface language.
 */
export const CSV_PROBLEM_CODES = [
  'csv.level-off-scale',
  'csv.level-unknown',
  'csv.target-off-scale-or-empty',
  'csv.target-unknown-or-empty',
  'csv.binary-unknown',
  'csv.state-unknown',
  'csv.level-missing',
  'csv.level-contradicts-state'
] as const;

/** A problem's English sentence, with its code and params when screens translate it. */
export type Said =
  string | { code: string; params: Readonly<Record<string, string | number>>; message: string };

/** Reports a problem of the current row against a column (null: the whole row). */
export type Report = (column: AnswersColumn | null, said: Said) => void;
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

/** Why a level or target is not on the scale, with the values and labels that are. */
function offScale(q: Questionnaire, what: 'level' | 'target', text: string): Said {
  const values = q.scale.map((l) => l.value);
  const outside = INTEGER.test(text);
  const where = outside
    ? `is outside the scale of "${q.id}" (${values[0]} to ${values[values.length - 1]})`
    : `is not a level of "${q.id}"`;
  const labels = list(q.scale.map((l) => l.label));
  return {
    code: outside ? `csv.${what}-off-scale` : `csv.${what}-unknown`,
    params: {
      text,
      questionnaire: q.id,
      min: values[0] ?? '',
      max: values[values.length - 1] ?? '',
      values: list(values),
      labels
    },
    message: `${what} "${text}" ${where}: write ${list(values)} or a label (${labels})`
  };
}

/** Adds ", or leave it empty" to a sentence, keeping its code. */
function orEmpty(said: Said): Said {
  return typeof said === 'string'
    ? `${said}, or leave it empty`
    : { ...said, code: `${said.code}-or-empty`, message: `${said.message}, or leave it empty` };
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
    report(
      'level',
      `"${text}" is not an option of question "${question.id}": write one of ${ids} (or N/A, unknown, restricted)`
    );
    return null;
  }
  if (question.type === 'binary') {
    const level = BINARY_WORDS.get(fold(text));
    if (level) return { level };
    report('level', {
      code: 'csv.binary-unknown',
      params: { text },
      message: `"${text}" is not an answer to a yes/partial/no question: write yes, partial or no (or N/A, unknown, restricted)`
    });
    return null;
  }
  const level = scaleValue(questionnaire, text);
  if (level !== null) return { level };
  report('level', offScale(questionnaire, 'level', text));
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
    report('state', {
      code: 'csv.state-unknown',
      params: { text: stateText },
      message: `"${stateText}" is not a state: write level, na, unknown or restricted, or leave it empty`
    });
    return { state: undefined, ok: false };
  }
  if (state === 'level' && levelText === '') {
    report('level', {
      code: 'csv.level-missing',
      params: { state: stateText },
      message: `the state is "${stateText}" but the level is empty: write the level, or clear the state`
    });
    return { state, ok: false };
  }
  if (implied !== undefined && implied !== state) {
    report('level', {
      code: 'csv.level-contradicts-state',
      params: { level: levelText, state: stateText },
      message: `the level "${levelText}" contradicts the state "${stateText}": make them agree, or clear one of the two cells`
    });
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
    report(
      get('state') ? 'state' : 'level',
      `question "${question.id}" does not allow N/A (it applies to every country): give a level, or "unknown" or "restricted"`
    );
    valid = false;
  } else if (state === 'na' && hasNaReasonColumn) {
    naReason = get('na_reason').trim();
    if (!naReason) {
      report('na_reason', 'N/A needs a reason: write it in the na_reason column');
      valid = false;
    }
  } else if (state === 'na') {
    ({ reason: naReason, comment } = splitNaComment(comment));
    if (!naReason) {
      report('comment', 'N/A needs a reason: write it in the comment column as "N/A: <reason>"');
      valid = false;
    }
  }

  const targetText = get('target');
  let target: number | null = null;
  if (targetText !== '' && question.type === 'binary') {
    report('target', 'a yes/partial/no question has no target (it is always yes): clear the cell');
    valid = false;
  } else if (targetText !== '' && question.type === 'choice') {
    report(
      'target',
      'a question with named options is never scored and has no target: clear the cell'
    );
    valid = false;
  } else if (targetText !== '') {
    target = scaleValue(questionnaire, targetText);
    if (target === null) {
      report('target', orEmpty(offScale(questionnaire, 'target', targetText)));
      valid = false;
    }
  }
  // The same limits as bundles and backups (docs/file-formats.md, "Limits"), told per column.
  const texts: [AnswersColumn, string, TextKind][] = [
    ['regional', get('regional'), 'short'],
    ['evidence', get('evidence'), 'long'],
    ['comment', get('comment'), 'long']
  ];
  for (const [column, value, kind] of texts) {
    if (value.length > TEXT_LIMITS[kind]) {
      report(
        column,
        `the text is longer than ${TEXT_LIMITS[kind].toLocaleString('en')} characters (it has ${value.length.toLocaleString('en')}): shorten it`
      );
      valid = false;
    }
  }
  if (!valid) return 'invalid';

  const answer: Answer = {};
  if (state !== undefined) answer.state = state;
  if (state === 'level' && fromLevel?.level !== undefined) answer.level = fromLevel.level;
  if (state === 'level' && fromLevel?.option !== undefined) answer.option = fromLevel.option;
  if (naReason) answer.naReason = naReason;
  if (target !== null) answer.target = target;
  const regional = get('regional');
  const evidence = get('evidence');
  if (regional !== '') answer.regional = regional;
  if (evidence !== '') answer.evidence = evidence;
  if (comment !== '') answer.comment = comment;
  return Object.keys(answer).length === 0 ? undefined : answer;
}

/**
 * The answers CSV's vocabulary (docs/file-formats.md): its header, the assessment fields it
 * carries, the words it accepts for states and yes/partial/no, and how a first-edition file
 * carried the N/A reason. Writing and reading both use these, so the two sides cannot drift apart.
 *
 * Second edition: the N/A reason has its own column, `na_reason`, and the comment is written
 * as it is. A first-edition file (no `na_reason` column) carried the reason in `comment`:
 * `N/A: <reason>` or `N/A: <reason> — <comment>`; on import, a row whose state is N/A gets its
 * reason back from a comment starting with `N/A:` (text up to the first " — " is the reason, the
 * rest the comment), and a comment without that prefix is taken whole as the reason. When the
 * `na_reason` column exists it always wins and the comment is kept whole, even when it merely
 * starts with "N/A:".
 *
 * Relative imports only: the command line runs this folder with tsx, and a Web Worker imports it.
 */
import type { AnswerMap, AnswerState, Assessment } from '../../domain/assessment/model';
import type { BinaryValue, Questionnaire } from '../../domain/questionnaire/schema';

/** The header, exactly as the file format writes it. */
export const ANSWERS_HEADER = [
  'country',
  'assessment_id',
  'assessment_title',
  'assessment_date',
  'respondent',
  'assessment_target',
  'assessment_scope',
  'questionnaire_id',
  'questionnaire_version',
  'question_id',
  'question_text',
  'level',
  'state',
  'na_reason',
  'target',
  'regional',
  'evidence',
  'comment',
  'rationale',
  'group'
] as const;
export type AnswersColumn = (typeof ANSWERS_HEADER)[number];

/**
 * Columns of free text, read exactly as written so that our own export re-imports identically
 * (an indented list in evidence keeps its indent). Every other column holds an id, a date, a
 * number or a keyword and is trimmed.
 */
export const FREE_TEXT_COLUMNS: ReadonlySet<AnswersColumn> = new Set([
  'assessment_title',
  'respondent',
  'question_text',
  'regional',
  'evidence',
  'comment',
  'na_reason',
  'rationale'
]);

/** The assessment fields the file carries; a whole Assessment fits. */
export type AnswersCsvAssessment = Pick<
  Assessment,
  'id' | 'country' | 'title' | 'date' | 'respondent' | 'target' | 'scope'
> &
  Partial<Pick<Assessment, 'groups'>>;

export interface AnswersExportItem {
  assessment: AnswersCsvAssessment;
  /** The assessment's questionnaires at their pinned versions, in its order. */
  questionnaires: readonly Questionnaire[];
  answers: AnswerMap;
  /** A workshop's group answers, keyed `groupId/questionnaireId/questionId`: written after the consensus. */
  groupAnswers?: Readonly<Record<string, AnswerMap[string]>> | undefined;
}

const NA_PREFIX = /^N\/A:\s*/i;
const NA_SEPARATOR = ' — ';

/**
 * The reason and comment of an N/A row of a first-edition file (no `na_reason` column); see the
 * file comment.
 * @example splitNaComment('N/A: No ports — Checked') // { reason: 'No ports', comment: 'Checked' }
 */
export function splitNaComment(cell: string): { reason: string; comment: string } {
  const prefix = NA_PREFIX.exec(cell);
  if (!prefix) return { reason: cell, comment: '' };
  const rest = cell.slice(prefix[0].length);
  const at = rest.indexOf(NA_SEPARATOR);
  return at === -1
    ? { reason: rest.trim(), comment: '' }
    : { reason: rest.slice(0, at).trim(), comment: rest.slice(at + NA_SEPARATOR.length) };
}

/**
 * Lower-case letters and digits only: `Start-up`, `start up` and `STARTUP` all match.
 * @example fold("Don't know") // 'dontknow'
 */
export function fold(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    folded = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
    // A file repeats a handful of words (levels, states) on every row: remember them.
    if (folds.size >= FOLDS_KEPT) folds.clear();
    folds.set(text, folded);
  }
  return folded;
}

const FOLDS_KEPT = 1000;
const folds = new Map<string, string>();

/** Spellings of a state, folded (`N/A`, `n/a`, `NA`, `don't know`, `dont know`, …). `level`
 * only means something in the state column. Maps, not objects: a cell reading `constructor`
 * must find nothing (docs/file-formats.md, "Limits"). */
export const STATE_WORDS: ReadonlyMap<string, AnswerState> = new Map([
  ['level', 'level'],
  ['na', 'na'],
  ['notapplicable', 'na'],
  ['unknown', 'unknown'],
  ['dontknow', 'unknown'],
  ['restricted', 'restricted']
]);

export const BINARY_WORDS: ReadonlyMap<string, BinaryValue> = new Map([
  ['yes', 'yes'],
  ['partial', 'partial'],
  ['no', 'no']
]);

/** A whole number as a cell may hold it (`3`, `+3`, `-1`). */
export const INTEGER = /^[-+]?\d+$/;

/** Values listed in a message: `1, 2, 3`. */
export function list(values: readonly (string | number)[]): string {
  return values.join(', ');
}

/**
 * The answers CSV and the answer template (DESIGN §5): what a ministry fills in a spreadsheet
 * and sends back. Writing follows the contract exactly; reading is forgiving about spelling,
 * case, delimiter and encoding, strict about meaning, and reports every problem at once with its
 * row, its column and the fix.
 *
 * The N/A reason has no column of its own (the header is a contract), so it travels in
 * `comment`: `N/A: <reason>` when the answer has no comment, `N/A: <reason> — <comment>` when it
 * has one. On import, a row whose state is N/A gets its reason back from a comment starting with
 * `N/A:` (text up to the first " — " is the reason, the rest the comment); a comment without that
 * prefix is taken whole as the reason. The round trip is exact unless the reason itself contains
 * " — ". Keep `commentCell` and `splitNaComment` in sync.
 *
 * Relative imports only: the command line runs this file with tsx, and a Web Worker imports it.
 */
import {
  answerKey,
  answerSchema,
  type Answer,
  type AnswerMap,
  type AnswerState,
  type Assessment
} from '../domain/assessment/model';
import type { BinaryValue, Question, Questionnaire } from '../domain/questionnaire/schema';
import { ISO_3166_CODES } from '../domain/reference/countries';
import {
  DELIMITER_NAMES,
  DELIMITERS,
  decodeCsvBytes,
  detectDelimiter,
  parseCsv,
  serialiseCsv,
  stripBom,
  type Cell,
  type CsvRecord,
  type Delimiter,
  type Problem
} from './csv';

export type { Problem } from './csv';

/** The header, exactly as DESIGN §5 writes it. */
export const ANSWERS_HEADER = [
  'country',
  'assessment_id',
  'assessment_title',
  'assessment_date',
  'respondent',
  'assessment_target',
  'questionnaire_id',
  'questionnaire_version',
  'question_id',
  'question_text',
  'level',
  'state',
  'target',
  'regional',
  'evidence',
  'comment'
] as const;
export type AnswersColumn = (typeof ANSWERS_HEADER)[number];

/** The assessment fields the file carries; a whole Assessment fits. */
export type AnswersCsvAssessment = Pick<
  Assessment,
  'id' | 'country' | 'title' | 'date' | 'respondent' | 'target'
>;

export interface AnswersExportItem {
  assessment: AnswersCsvAssessment;
  /** The assessment's questionnaires at their pinned versions, in its order. */
  questionnaires: readonly Questionnaire[];
  answers: AnswerMap;
}

const NA_PREFIX = /^N\/A:\s*/i;
const NA_SEPARATOR = ' — ';

/** The `comment` cell; see the file comment. Keep in sync with `splitNaComment`. */
function commentCell(answer: Answer | undefined): string {
  if (answer?.state === 'na' && answer.naReason) {
    const reason = `N/A: ${answer.naReason}`;
    return answer.comment ? `${reason}${NA_SEPARATOR}${answer.comment}` : reason;
  }
  return answer?.comment ?? '';
}

/** The reason and comment of an N/A row; see the file comment. Keep in sync with `commentCell`. */
function splitNaComment(cell: string): { reason: string; comment: string } {
  const prefix = NA_PREFIX.exec(cell);
  if (!prefix) return { reason: cell, comment: '' };
  const rest = cell.slice(prefix[0].length);
  const at = rest.indexOf(NA_SEPARATOR);
  return at === -1
    ? { reason: rest.trim(), comment: '' }
    : { reason: rest.slice(0, at).trim(), comment: rest.slice(at + NA_SEPARATOR.length) };
}

function answerRow(
  assessment: AnswersCsvAssessment,
  questionnaire: Questionnaire,
  question: Question,
  answer: Answer | undefined
): Cell[] {
  const cells: Record<AnswersColumn, Cell> = {
    country: assessment.country,
    assessment_id: assessment.id,
    assessment_title: assessment.title,
    assessment_date: assessment.date,
    respondent: assessment.respondent,
    assessment_target: assessment.target,
    questionnaire_id: questionnaire.id,
    questionnaire_version: questionnaire.version,
    question_id: question.id,
    question_text: question.text,
    level: answer?.state === 'level' ? answer.level : null,
    state: answer?.state ?? null,
    // Binary questions always aim at "yes" (DESIGN §4 rule 8): no target cell.
    target: question.type === 'maturity' ? answer?.target : null,
    regional: answer?.regional,
    evidence: answer?.evidence,
    comment: commentCell(answer)
  };
  return ANSWERS_HEADER.map((column) => cells[column]);
}

/**
 * The answers CSV of one or more assessments: one row per question of each questionnaire, in
 * order; unanswered questions have blank level and state. Flags, "to confirm" marks and
 * timestamps have no column and stay in the app (the JSON bundle carries them).
 * @example writeAnswersCsv([{ assessment, questionnaires: [privacy], answers }]) // "\uFEFFcountry,…"
 */
export function writeAnswersCsv(items: readonly AnswersExportItem[]): string {
  const rows: Cell[][] = [[...ANSWERS_HEADER]];
  for (const { assessment, questionnaires, answers } of items) {
    for (const questionnaire of questionnaires) {
      for (const section of questionnaire.sections) {
        for (const question of section.questions) {
          const answer = answers[answerKey(questionnaire.id, question.id)];
          rows.push(answerRow(assessment, questionnaire, question, answer));
        }
      }
    }
  }
  return serialiseCsv(rows);
}

/**
 * The answer template: the same file with every answer empty, to fill in a spreadsheet.
 * @example writeAnswerTemplate([{ assessment, questionnaires: [privacy] }])
 */
export function writeAnswerTemplate(items: readonly Omit<AnswersExportItem, 'answers'>[]): string {
  return writeAnswersCsv(items.map((item) => ({ ...item, answers: {} })));
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReadAnswersOptions {
  /** Overrides the detected delimiter (the preview lets the user change the guess). */
  delimiter?: Delimiter;
  /** Versions an existing assessment pins, by questionnaire id: used where the file names none. */
  pinned?: Readonly<Record<string, string>>;
  /**
   * The file creates assessments: `assessment_id`, `country`, `assessment_title` and
   * `assessment_date` become required. Otherwise they are optional and checked where filled.
   */
  createAssessments?: boolean;
  /** Told now and then how far the reading is (the import worker posts it as progress). */
  onProgress?: (progress: ReadProgress) => void;
}

/** How far `readAnswersCsv` is: `done` of `total` rows checked in the last stage. */
export interface ReadProgress {
  stage: 'decoding' | 'parsing' | 'checking';
  done: number;
  total: number;
}

/** Rows checked between two progress reports: often enough for a smooth bar, rarely enough to
 * cost nothing. */
const PROGRESS_EVERY = 2000;

export interface ParsedAssessmentDetails {
  country: string;
  title: string;
  date: string;
  respondent: string;
  target: number | undefined;
}

export interface ParsedAssessment {
  /** `assessment_id` from the file; null when the file has no such column or the cells are blank. */
  id: string | null;
  /** The assessment columns, when the file fills them (always when creating assessments). */
  details: ParsedAssessmentDetails | null;
  /** Questionnaires named in its rows, in first-appearance order. */
  questionnaires: { id: string; version: string }[];
  answers: AnswerMap;
  /** Spreadsheet row of its first line, and how many rows it has (previews). */
  firstRow: number;
  rowCount: number;
}

export type AnswersCsvResult =
  | {
      ok: true;
      delimiter: Delimiter;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
      notes: string[];
      assessments: ParsedAssessment[];
    }
  | { ok: false; delimiter: Delimiter | null; problems: Problem[] };

// Spellings -------------------------------------------------------------------------------------

/** Lower-case letters and digits only: `Start-up`, `start up` and `STARTUP` all match. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Spellings of a state, folded (`N/A`, `n/a`, `NA`, `don't know`, `dont know`, …). `level`
 * only means something in the state column. */
const STATE_WORDS: Record<string, AnswerState> = {
  level: 'level',
  na: 'na',
  notapplicable: 'na',
  unknown: 'unknown',
  dontknow: 'unknown',
  restricted: 'restricted'
};

const BINARY_WORDS: Record<string, BinaryValue> = { yes: 'yes', partial: 'partial', no: 'no' };

const INTEGER = /^[-+]?\d+$/;

function list(values: readonly (string | number)[]): string {
  return values.join(', ');
}

/** A maturity value from a number or a label in any case, or null when it is not on the scale. */
function scaleValue(q: Questionnaire, text: string): number | null {
  if (INTEGER.test(text)) {
    const value = Number(text);
    return q.scale.some((l) => l.value === value) ? value : null;
  }
  return q.scale.find((l) => fold(l.label) === fold(text))?.value ?? null;
}

/** Why a level or target is not on the scale, with the values and labels that are. */
function offScale(q: Questionnaire, what: string, text: string): string {
  const values = q.scale.map((l) => l.value);
  const where = INTEGER.test(text)
    ? `is outside the scale of "${q.id}" (${values[0]} to ${values[values.length - 1]})`
    : `is not a level of "${q.id}"`;
  const labels = list(q.scale.map((l) => l.label));
  return `${what} "${text}" ${where}: write ${list(values)} or a label (${labels})`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

// Header ----------------------------------------------------------------------------------------

const REQUIRED: readonly AnswersColumn[] = ['questionnaire_id', 'question_id'];
const FOR_CREATION: readonly AnswersColumn[] = [
  'assessment_id',
  'country',
  'assessment_title',
  'assessment_date'
];

interface Header {
  /** Cell position of each known column. */
  index: Map<AnswersColumn, number>;
  /** Each known column as the file spells it (`Level`, ` level `), for messages. */
  spelled: Map<AnswersColumn, string>;
  width: number;
  ignored: string[];
  unnamed: number[];
}

/** `Question ID`, `question-id` and ` question_id ` all name the `question_id` column. */
function headerKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function readHeader(record: CsvRecord, report: (column: string, message: string) => void): Header {
  const header: Header = {
    index: new Map(),
    spelled: new Map(),
    width: record.cells.length,
    ignored: [],
    unnamed: []
  };
  record.cells.forEach((cell, i) => {
    const column = ANSWERS_HEADER.find((c) => c === headerKey(cell));
    const earlier = column && header.index.get(column);
    if (cell === '') {
      header.unnamed.push(i);
    } else if (!column) {
      header.ignored.push(cell);
    } else if (earlier !== undefined) {
      report(
        cell,
        `the column "${cell}" appears twice (columns ${earlier + 1} and ${i + 1}): delete one of them`
      );
    } else {
      header.index.set(column, i);
      header.spelled.set(column, cell);
    }
  });
  return header;
}

function missingColumnProblems(
  header: Header,
  cells: readonly string[],
  delimiter: Delimiter,
  createAssessments: boolean
): { column: AnswersColumn; message: string }[] {
  const missing = [
    ...REQUIRED.filter((c) => !header.index.has(c)),
    ...(createAssessments ? FOR_CREATION.filter((c) => !header.index.has(c)) : [])
  ];
  if (!header.index.has('level') && !header.index.has('state')) missing.push('level');
  // A header read with the wrong delimiter is one long cell full of the right one.
  const others = DELIMITERS.filter((d) => d !== delimiter && cells.join('').includes(d));
  const hint =
    others.length > 0
      ? ` (the header contains ${DELIMITER_NAMES[others[0]!]} characters: is the file ${DELIMITER_NAMES[others[0]!]}-separated? choose that delimiter)`
      : '';
  return missing.map((column) => {
    const add =
      column === 'level'
        ? 'add a "level" column (or a "state" column)'
        : FOR_CREATION.includes(column)
          ? `add a "${column}" column: it is needed to create assessments`
          : `add a "${column}" column`;
    return {
      column,
      message: `the column "${column}" is missing: ${add}, as in the answer template${hint}`
    };
  });
}

function headerNotes(header: Header, records: readonly CsvRecord[]): string[] {
  const notes: string[] = [];
  const plural = (n: number) => (n > 1 ? 's' : '');
  if (header.ignored.length > 0) {
    const n = header.ignored.length;
    notes.push(`Ignored column${plural(n)} not in the format: ${list(header.ignored)}.`);
  }
  const filled = header.unnamed.filter((i) => records.some((r) => (r.cells[i] ?? '') !== ''));
  if (filled.length > 0) {
    const positions = list(filled.map((i) => i + 1));
    notes.push(`Ignored column${plural(filled.length)} without a header: ${positions}.`);
  }
  return notes;
}

// Rows ------------------------------------------------------------------------------------------

type Report = (column: AnswersColumn | null, message: string) => void;
type Get = (column: AnswersColumn) => string;

const DETAIL_COLUMNS: readonly AnswersColumn[] = [
  'country',
  'assessment_title',
  'assessment_date',
  'respondent',
  'assessment_target'
];

/** Why an assessment cell is wrong and how to fix it, or null when it is fine. */
function detailProblem(column: AnswersColumn, text: string): string | null {
  switch (column) {
    case 'country':
      return ISO_3166_CODES.includes(text.toUpperCase())
        ? null
        : `"${text}" is not an ISO 3166-1 alpha-2 country code: write two letters such as KE or GB`;
    case 'assessment_date':
      return isCalendarDate(text)
        ? null
        : `"${text}" is not a date as YYYY-MM-DD: write e.g. 2026-11-01 (if a spreadsheet reformatted it, format the column as text)`;
    case 'assessment_target':
      return INTEGER.test(text)
        ? null
        : `"${text}" is not a scale value: write a whole number such as 3, or leave it empty for each questionnaire's default`;
    default:
      return null;
  }
}

/** `ke` and `KE` are the same country; titles and names keep their case. */
function sameDetail(column: AnswersColumn, a: string, b: string): boolean {
  return column === 'country' ? a.toUpperCase() === b.toUpperCase() : a === b;
}

/** The rows of one assessment_id, gathered as they are read. */
class Group {
  readonly answers: AnswerMap = {};
  rowCount = 0;
  /** First non-blank value of each assessment column and its row: later rows must agree. */
  private readonly values = new Map<AnswersColumn, { text: string; row: number }>();
  /** The version of each questionnaire, in first-appearance order, and its first row. */
  private readonly versions = new Map<string, { version: string; row: number }>();

  constructor(
    readonly id: string | null,
    readonly firstRow: number
  ) {}

  /** Records the row's assessment cells; a blank cell means "as on the other rows". */
  readDetails(row: number, get: Get, report: Report): void {
    this.rowCount++;
    for (const column of DETAIL_COLUMNS) {
      const text = get(column);
      const first = this.values.get(column);
      if (text === '') continue;
      if (!first) {
        this.values.set(column, { text, row });
        const wrong = detailProblem(column, text);
        if (wrong) report(column, wrong);
      } else if (!sameDetail(column, first.text, text)) {
        report(
          column,
          `"${text}" differs from "${first.text}" on row ${first.row} of the same assessment: use one value on all its rows (or leave the cell empty)`
        );
      }
    }
  }

  /** Pins the questionnaire's version; false (and a problem) when the group pinned another. */
  pin(questionnaire: Questionnaire, row: number, report: Report): boolean {
    const pinned = this.versions.get(questionnaire.id);
    if (!pinned) {
      this.versions.set(questionnaire.id, { version: questionnaire.version, row });
    } else if (pinned.version !== questionnaire.version) {
      report(
        'questionnaire_version',
        `"${questionnaire.id}" is at version ${questionnaire.version} here but ${pinned.version} on row ${pinned.row}: an assessment uses one version of each questionnaire — make them the same`
      );
      return false;
    }
    return true;
  }

  /** Assessment columns that creating an assessment needs but no row fills. */
  missingDetails(): AnswersColumn[] {
    const needed: AnswersColumn[] = ['country', 'assessment_title', 'assessment_date'];
    return needed.filter((column) => !this.values.has(column));
  }

  result(): ParsedAssessment {
    const value = (column: AnswersColumn) => this.values.get(column)?.text;
    const [country, title, date] = [
      value('country'),
      value('assessment_title'),
      value('assessment_date')
    ];
    const target = value('assessment_target');
    return {
      id: this.id,
      details:
        country && title && date
          ? {
              country: country.toUpperCase(),
              title,
              date,
              respondent: value('respondent') ?? '',
              target: target === undefined ? undefined : Number(target)
            }
          : null,
      questionnaires: [...this.versions].map(([id, { version }]) => ({ id, version })),
      answers: this.answers,
      firstRow: this.firstRow,
      rowCount: this.rowCount
    };
  }
}

/** The questionnaires a file may name, every version, newest first. */
class Catalogue {
  private readonly byId = new Map<string, Questionnaire[]>();
  private readonly questions = new Map<Questionnaire, Map<string, Question>>();

  constructor(questionnaires: readonly Questionnaire[]) {
    for (const q of questionnaires) {
      this.byId.set(q.id, [...(this.byId.get(q.id) ?? []), q]);
      const entries = q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const));
      this.questions.set(q, new Map(entries));
    }
    for (const versions of this.byId.values()) {
      versions.sort((a, b) => compareVersions(b.version, a.version));
    }
  }

  /**
   * The questionnaire a row names: its version cell, else the version the assessment pins,
   * else the newest available.
   */
  questionnaire(get: Get, pinned: string | undefined, report: Report): Questionnaire | null {
    const id = get('questionnaire_id');
    const versionText = get('questionnaire_version');
    const versions = this.byId.get(id);
    if (id === '') {
      report(
        'questionnaire_id',
        'questionnaire_id is empty: write the id of the questionnaire this question belongs to'
      );
      return null;
    }
    if (!versions) {
      const known = list([...this.byId.keys()]) || '(none loaded)';
      report(
        'questionnaire_id',
        `unknown questionnaire "${id}": use one of ${known}, or add that questionnaire first`
      );
      return null;
    }
    if (versionText && pinned && versionText !== pinned) {
      report(
        'questionnaire_version',
        `the assessment uses version ${pinned} of "${id}", this row is for ${versionText}: answer the questions of version ${pinned} (export its template) or clear the version cell`
      );
      return null;
    }
    const wanted = versionText || pinned;
    const found = wanted ? versions.find((q) => q.version === wanted) : versions[0];
    if (!found) {
      const available = list(versions.map((q) => q.version));
      report(
        versionText ? 'questionnaire_version' : 'questionnaire_id',
        `version ${wanted} of "${id}" is not available (available: ${available}): add that version first${versionText ? ' or correct the version' : ''}`
      );
      return null;
    }
    return found;
  }

  question(questionnaire: Questionnaire, get: Get, report: Report): Question | null {
    const id = get('question_id');
    if (id === '') {
      report(
        'question_id',
        'question_id is empty: write the id of the question (see the answer template)'
      );
      return null;
    }
    const question = this.questions.get(questionnaire)?.get(id);
    if (!question) {
      report(
        'question_id',
        `"${questionnaire.id}" ${questionnaire.version} has no question "${id}": correct the id (the answer template lists them) or delete the row`
      );
      return null;
    }
    return question;
  }
}

/** The level column: a level, a state word, or undefined when blank or wrong (reported). */
function readLevel(
  questionnaire: Questionnaire,
  question: Question,
  text: string,
  report: Report
): { level?: number | BinaryValue; state?: AnswerState } | null {
  if (text === '') return {};
  const word = STATE_WORDS[fold(text)];
  if (word && word !== 'level') return { state: word };
  if (question.type === 'binary') {
    const level = BINARY_WORDS[fold(text)];
    if (level) return { level };
    report(
      'level',
      `"${text}" is not an answer to a yes/partial/no question: write yes, partial or no (or N/A, unknown, restricted)`
    );
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
  fromLevel: { level?: unknown; state?: AnswerState },
  report: Report
): { state: AnswerState | undefined; ok: boolean } {
  const stateText = get('state');
  const levelText = get('level');
  const implied = fromLevel.state ?? (fromLevel.level !== undefined ? 'level' : undefined);
  if (stateText === '') return { state: implied, ok: true };
  const state = STATE_WORDS[fold(stateText)];
  if (!state) {
    report(
      'state',
      `"${stateText}" is not a state: write level, na, unknown or restricted, or leave it empty`
    );
    return { state: undefined, ok: false };
  }
  if (state === 'level' && levelText === '') {
    report(
      'level',
      `the state is "${stateText}" but the level is empty: write the level, or clear the state`
    );
    return { state, ok: false };
  }
  if (implied !== undefined && implied !== state) {
    report(
      'level',
      `the level "${levelText}" contradicts the state "${stateText}": make them agree, or clear one of the two cells`
    );
    return { state, ok: false };
  }
  return { state, ok: true };
}

/**
 * The answer one row gives: undefined when the row says nothing (unanswered and no notes),
 * 'invalid' when it reported a problem.
 */
function readAnswer(
  questionnaire: Questionnaire,
  question: Question,
  get: Get,
  report: Report
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
  } else if (targetText !== '') {
    target = scaleValue(questionnaire, targetText);
    if (target === null) {
      report('target', `${offScale(questionnaire, 'target', targetText)}, or leave it empty`);
      valid = false;
    }
  }
  if (!valid) return 'invalid';

  const answer: Answer = {};
  if (state !== undefined) answer.state = state;
  if (state === 'level' && fromLevel?.level !== undefined) answer.level = fromLevel.level;
  if (naReason) answer.naReason = naReason;
  if (target !== null) answer.target = target;
  const regional = get('regional');
  const evidence = get('evidence');
  if (regional !== '') answer.regional = regional;
  if (evidence !== '') answer.evidence = evidence;
  if (comment !== '') answer.comment = comment;
  return Object.keys(answer).length === 0 ? undefined : answer;
}

// The whole file --------------------------------------------------------------------------------

function decode(
  bytes: Uint8Array | string
):
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; line: number; message: string } {
  return typeof bytes === 'string'
    ? { ok: true, text: stripBom(bytes), encoding: 'utf-8' }
    : decodeCsvBytes(bytes);
}

/**
 * Reads an answers CSV. Every problem is collected; the caller applies the import only when
 * there is none. `bytes` may be the raw file (any supported encoding) or text already decoded.
 * @example readAnswersCsv('answers.csv', bytes, [privacy], { createAssessments: true })
 */
export function readAnswersCsv(
  file: string,
  bytes: Uint8Array | string,
  questionnaires: readonly Questionnaire[],
  options: ReadAnswersOptions = {}
): AnswersCsvResult {
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'decoding', done: 0, total: 1 });
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const problem = { file, row: decoded.line, column: null, message: decoded.message };
    return { ok: false, delimiter: null, problems: [problem] };
  }
  const { text, encoding } = decoded;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const problems: Problem[] = [];
  const fail = (): AnswersCsvResult => ({
    ok: false,
    delimiter,
    problems: problems.sort((a, b) => a.row - b.row)
  });

  progress({ stage: 'parsing', done: 0, total: 1 });
  const parsed = parseCsv(text, delimiter);
  for (const p of parsed.problems) {
    problems.push({ file, row: p.row, column: null, message: p.message });
  }
  const [first, ...records] = parsed.records;
  if (!first) {
    // A quote left open on the first line swallows the whole file: that problem says it all.
    if (problems.length > 0) return fail();
    const message =
      'the file is empty: export an answer template from the app, fill it in and import it';
    problems.push({ file, row: 1, column: null, message });
    return fail();
  }
  const header = readHeader(first, (column, message) =>
    problems.push({ file, row: first.row, column, message })
  );
  const missing = missingColumnProblems(
    header,
    first.cells,
    delimiter,
    Boolean(options.createAssessments)
  );
  for (const { column, message } of missing) {
    problems.push({ file, row: first.row, column, message });
  }
  if (missing.length > 0) return fail();
  if (records.length === 0) {
    const message =
      'the file has a header but no rows: add one row per question (an answer template from the app lists them all)';
    problems.push({ file, row: first.row + 1, column: null, message });
    return fail();
  }

  const name = (column: AnswersColumn) => header.spelled.get(column) ?? column;
  const catalogue = new Catalogue(questionnaires);
  const groups = new Map<string, Group>();
  const seen = new Map<string, number>();

  progress({ stage: 'checking', done: 0, total: records.length });
  for (const [done, { row, cells }] of records.entries()) {
    if (done > 0 && done % PROGRESS_EVERY === 0) {
      progress({ stage: 'checking', done, total: records.length });
    }
    const get: Get = (column) => {
      const i = header.index.get(column);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const report: Report = (column, message) =>
      problems.push({ file, row, column: column === null ? null : name(column), message });

    if (cells.slice(header.width).some((c) => c !== '')) {
      report(
        null,
        `the row has more cells than the header (${header.width}): a cell probably contains a ${DELIMITER_NAMES[delimiter]} without quotes — put double quotes around that cell`
      );
      continue;
    }
    const id = get('assessment_id');
    if (options.createAssessments && id === '') {
      report(
        'assessment_id',
        'assessment_id is empty: give each assessment a short id (such as ke-2026) on every one of its rows'
      );
      continue;
    }
    let group = groups.get(id);
    if (!group) {
      group = new Group(id === '' ? null : id, row);
      groups.set(id, group);
    }
    group.readDetails(row, get, report);

    const questionnaire = catalogue.questionnaire(
      get,
      options.pinned?.[get('questionnaire_id')],
      report
    );
    if (!questionnaire || !group.pin(questionnaire, row, report)) continue;
    const question = catalogue.question(questionnaire, get, report);
    if (!question) continue;
    const key = answerKey(questionnaire.id, question.id);
    const duplicateOf = seen.get(`${id}\u0000${key}`);
    if (duplicateOf !== undefined) {
      report(
        'question_id',
        `"${key}" appears twice for this assessment (also on row ${duplicateOf}): keep one of the rows`
      );
      continue;
    }
    seen.set(`${id}\u0000${key}`, row);

    const answer = readAnswer(questionnaire, question, get, report);
    if (answer === undefined || answer === 'invalid') continue;
    // The last guard: whatever reaches the database is a valid Answer.
    const checked = answerSchema.safeParse(answer);
    if (checked.success) {
      group.answers[key] = checked.data;
    } else {
      for (const issue of checked.error.issues) report(null, `${issue.message}: correct the row`);
    }
  }

  if (options.createAssessments) {
    for (const group of groups.values()) {
      for (const column of group.missingDetails()) {
        problems.push({
          file,
          row: group.firstRow,
          column: name(column),
          message: `${column} is empty for assessment "${group.id}": fill it on at least one of its rows`
        });
      }
    }
  }
  progress({ stage: 'checking', done: records.length, total: records.length });
  if (problems.length > 0) return fail();

  const notes = headerNotes(header, records);
  if (delimiter !== ',') notes.unshift(`Read as ${DELIMITER_NAMES[delimiter]}-separated.`);
  if (encoding !== 'utf-8') notes.unshift(`Read as ${encoding.toUpperCase()} text.`);
  return {
    ok: true,
    delimiter,
    encoding,
    notes,
    assessments: [...groups.values()].map((g) => g.result())
  };
}

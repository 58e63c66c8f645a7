/**
 * Reading a whole answers CSV (docs/file-formats.md): forgiving about spelling, case, delimiter
 * and encoding, strict about meaning. It decodes, parses, reads the header, then checks every
 * row, grouping rows by assessment, and reports every problem at once with its row, its column
 * and the fix. Progress is told now and then so a worker can show a bar.
 */
import { safeParseAnswer } from '../../domain/assessment/answer-check';
import { answerKey } from '../../domain/assessment/model';
import { groupAnswerKey } from '../../domain/workshop/answers';
import type { Group as WorkshopGroup } from '../../domain/workshop/groups';
import type { AssessmentScope } from '../../domain/questionnaire/core';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { collapseRepeated } from '../../domain/problems';
import { schemaIssues } from '../../domain/schema-problems';
import {
  DELIMITER_NAMES,
  decodeCsvBytes,
  detectDelimiter,
  parseCsv,
  stripBom,
  type CsvEncoding,
  type DecodedText,
  type Delimiter,
  type Problem
} from '../csv';
import { MAX_CSV_ROWS } from '../limits';
import { Catalogue } from './catalogue';
import { ANSWERS_HEADER, FREE_TEXT_COLUMNS, type AnswersColumn } from './format';
import { Group, type ParsedAssessment } from './group';
import { headerNotes, missingColumnProblems, readHeader, type CsvNote } from './header';
import { readAnswer, type Get, type Report } from './rows';
import { spreadsheetErrorCells, spreadsheetErrorNotes } from './spreadsheet-errors';

export interface ReadAnswersOptions {
  /** Overrides the detected delimiter (the preview lets the user change the guess). */
  delimiter?: Delimiter;
  /** Reads the bytes as Windows-1252: only when the user chose it after seeing the rows. */
  encoding?: 'windows-1252';
  /** Versions an existing assessment pins, by questionnaire id: used where the file names none. */
  pinned?: Readonly<Record<string, string>>;
  /**
   * The file creates assessments: `assessment_id`, `country`, `assessment_title` and
   * `assessment_date` become required. Otherwise they are optional and checked where filled.
   */
  createAssessments?: boolean;
  /**
   * The scope of the existing assessment the file adds to; when creating, each assessment's
   * `assessment_scope` column says it. Rows of non-core questions of a core assessment are
   * ignored with one note (docs/scoring.md, rule 12).
   */
  scope?: AssessmentScope;
  /**
   * The stakeholder groups of the existing assessment the file adds to: rows with a `group` cell
   * are their answers (docs/file-formats.md). When creating, the file's own values make groups.
   */
  groups?: readonly WorkshopGroup[];
  /** Told now and then how far the reading is (the import worker posts it as progress). */
  onProgress?: (progress: ReadProgress) => void;
}

/** How far `readAnswersCsv` is: `done` of `total` rows checked in the last stage. */
export interface ReadProgress {
  stage: 'decoding' | 'parsing' | 'checking';
  done: number;
  total: number;
}

export type AnswersCsvResult =
  | {
      ok: true;
      delimiter: Delimiter;
      encoding: CsvEncoding;
      notes: CsvNote[];
      assessments: ParsedAssessment[];
    }
  | { ok: false; delimiter: Delimiter | null; problems: Problem[] };

/** Rows checked between two progress reports: often enough for a smooth bar, rarely enough to
 * cost nothing. */
const PROGRESS_EVERY = 2000;

/**
 * Problems said once for all the rows they concern (with a row count): a questionnaire or a
 * version this browser lacks is one thing to fix, however many rows name it.
 */
const SAID_ONCE: ReadonlySet<string> = new Set([
  'csv.questionnaire-unknown',
  'csv.questionnaire-none',
  'csv.version-not-pinned',
  'csv.version-unavailable',
  'csv.pinned-version-unavailable',
  'csv.question-unknown'
]);

/** The slot of a column the header lacks (slots are cell positions, or below -1 for free text). */
const ABSENT = Number.MIN_SAFE_INTEGER;

/** Whether a cell past the header's last column is filled (without copying the row). */
function hasCellsBeyond(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') return true;
  return false;
}

function decode(bytes: Uint8Array | string, encoding?: 'windows-1252'): DecodedText {
  return typeof bytes === 'string'
    ? { ok: true, text: stripBom(bytes), encoding: 'utf-8' }
    : decodeCsvBytes(bytes, encoding);
}

/** What reading the bytes needs to know before any questionnaire is at hand. */
export type ParseAnswersOptions = Pick<
  ReadAnswersOptions,
  'delimiter' | 'encoding' | 'createAssessments' | 'onProgress'
>;

/**
 * A file decoded and parsed, its header read: what `checkAnswerRows` goes on with. The import
 * worker gets this far while the page is still loading the questionnaires.
 */
export interface ParsedAnswersFile {
  file: string;
  delimiter: Delimiter;
  encoding: CsvEncoding;
  header: ReturnType<typeof readHeader>;
  records: ReturnType<typeof parseCsv>['records'];
  /** Problems found so far (the parser's), reported with the rows' own. */
  problems: Problem[];
}

function failed(delimiter: Delimiter | null, problems: Problem[]): AnswersCsvResult {
  return {
    ok: false,
    delimiter,
    problems: (collapseRepeated(problems, SAID_ONCE) as Problem[]).sort((a, b) => a.row - b.row)
  };
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
  const parsed = parseAnswersFile(file, bytes, options);
  return 'header' in parsed ? checkAnswerRows(parsed, questionnaires, options) : parsed;
}

/**
 * The first half of `readAnswersCsv`: decodes, parses and reads the header. Returns the file
 * ready for `checkAnswerRows`, or the result when the file already fails (an encoding, an empty
 * file, missing columns).
 */
export function parseAnswersFile(
  file: string,
  bytes: Uint8Array | string,
  options: ParseAnswersOptions = {}
): ParsedAnswersFile | AnswersCsvResult {
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'decoding', done: 0, total: 1 });
  const decoded = decode(bytes, options.encoding);
  if (!decoded.ok) {
    const { line, code, params } = decoded;
    const problem: Problem = { file, row: line, code, ...(params ? { params } : {}) };
    return { ok: false, delimiter: null, problems: [problem] };
  }
  const { text, encoding } = decoded;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const problems: Problem[] = [];
  const fail = () => failed(delimiter, problems);

  progress({ stage: 'parsing', done: 0, total: 1 });
  const parsed = parseCsv(text, delimiter);
  for (const p of parsed.problems) {
    problems.push({ file, row: p.row, code: p.code });
  }
  if (parsed.records.length > MAX_CSV_ROWS + 1) {
    // Refused here, in the worker, before a million rows cost the page anything later on.
    problems.push({
      file,
      row: parsed.records[MAX_CSV_ROWS + 1]!.row,
      code: 'csv.too-many-rows',
      params: { limit: MAX_CSV_ROWS }
    });
    return fail();
  }
  const [first, ...records] = parsed.records;
  if (!first) {
    // A quote left open on the first line swallows the whole file: that problem says it all.
    if (problems.length > 0) return fail();
    problems.push({ file, row: 1, code: 'csv.empty' });
    return fail();
  }
  const header = readHeader(first, (column, code, params) =>
    problems.push({ file, row: first.row, column, code, params })
  );
  const missing = missingColumnProblems(
    header,
    first.cells,
    delimiter,
    Boolean(options.createAssessments)
  );
  for (const { column, code, params } of missing) {
    problems.push({ file, row: first.row, column, code, params });
  }
  if (missing.length > 0) return fail();
  if (records.length === 0) {
    problems.push({ file, row: first.row + 1, code: 'csv.no-rows' });
    return fail();
  }
  return { file, delimiter, encoding, header, records, problems };
}

/**
 * The second half of `readAnswersCsv`: checks every row of a parsed file against the
 * questionnaires and groups the rows by assessment.
 */
export function checkAnswerRows(
  parsedFile: ParsedAnswersFile,
  questionnaires: readonly Questionnaire[],
  options: Omit<ReadAnswersOptions, 'delimiter' | 'encoding'> = {}
): AnswersCsvResult {
  const { file, delimiter, encoding, header, records } = parsedFile;
  const problems = [...parsedFile.problems];
  const progress = options.onProgress ?? (() => undefined);
  const fail = () => failed(delimiter, problems);

  const name = (column: AnswersColumn) => header.spelled.get(column) ?? column;
  const catalogue = new Catalogue(questionnaires);
  const groups = new Map<string, Group>();
  /** The row of each answer key, per assessment id. */
  const seen = new Map<string, Map<string, number>>();
  const hasNaReason = header.index.has('na_reason');
  let outsideCore = 0;
  /** Group rows whose rationale or target cell was filled: ignored, told in one note. */
  let groupFieldsIgnored = 0;

  // One reader for every row, never a closure per row: a file of 100,000 rows called these
  // about 25 times a row (docs/performance.md, "CSV import: where the time goes").
  // Cell position of each column: `i` for a trimmed column, `-1 - i` for free text, ABSENT when
  // the header lacks it. A plain object holding every column of the format, so that it keeps
  // one shape and reading a column by a constant name is a property load, not a Map lookup.
  const slots = {} as Record<AnswersColumn, number>;
  for (const column of ANSWERS_HEADER) {
    const i = header.index.get(column);
    slots[column] = i === undefined ? ABSENT : FREE_TEXT_COLUMNS.has(column) ? -1 - i : i;
  }
  let row = 0;
  let cells: readonly string[] = [];
  const get: Get = (column) => {
    const slot = slots[column];
    if (slot === ABSENT) return '';
    if (slot < 0) return cells[-1 - slot] ?? '';
    return (cells[slot] ?? '').trim();
  };
  /** A group row's answer: its target belongs to the consensus (see the note below). */
  const getGroupAnswer: Get = (column) => (column === 'target' ? '' : get(column));
  const report: Report = (column, code, params) =>
    problems.push({
      file,
      row,
      ...(column === null ? {} : { column: name(column) }),
      code,
      ...(params ? { params } : {})
    });

  /** The assessment id of the previous row, with its group and the rows of its answers. */
  let current: { id: string; group: Group; rowsOf: Map<string, number> } | null = null;

  progress({ stage: 'checking', done: 0, total: records.length });
  for (let done = 0; done < records.length; done++) {
    ({ row, cells } = records[done]!);
    if (done > 0 && done % PROGRESS_EVERY === 0) {
      progress({ stage: 'checking', done, total: records.length });
    }

    if (hasCellsBeyond(cells, header.width)) {
      report(null, 'csv.row-too-wide', {
        width: header.width,
        delimiter: DELIMITER_NAMES[delimiter]
      });
      continue;
    }
    const id = get('assessment_id');
    if (options.createAssessments && id === '') {
      report('assessment_id', 'csv.assessment-id-empty');
      continue;
    }
    // Rows of one assessment usually follow each other: the previous row's group and answer
    // rows are kept, so most rows look neither up (docs/performance.md, "CSV import: where
    // the time goes").
    if (current === null || current.id !== id) {
      let found = groups.get(id);
      if (!found) {
        found = new Group(id === '' ? null : id, row);
        groups.set(id, found);
      }
      let rows = seen.get(id);
      if (!rows) {
        rows = new Map();
        seen.set(id, rows);
      }
      current = { id, group: found, rowsOf: rows };
    }
    const { group, rowsOf } = current;
    group.readDetails(row, get, report);

    const questionnaire = catalogue.questionnaire(
      get,
      // Own keys only: a cell reading "constructor" must not find Object's prototype.
      options.pinned && Object.hasOwn(options.pinned, get('questionnaire_id'))
        ? options.pinned[get('questionnaire_id')]
        : undefined,
      report
    );
    if (!questionnaire || !group.pin(questionnaire, row, report)) continue;
    const question = catalogue.question(questionnaire, get, report);
    if (!question) continue;
    const groupCell = get('group');
    const groupId =
      groupCell === ''
        ? null
        : group.groupOf(
            groupCell,
            row,
            options.createAssessments ? null : (options.groups ?? []),
            report
          );
    if (groupCell !== '' && groupId === null) continue;
    const scope = options.createAssessments ? group.scope() : (options.scope ?? group.scope());
    if (scope === 'core' && !question.core) {
      outsideCore++;
      continue;
    }
    const key = answerKey(questionnaire.id, question.id);
    // Each group answers a question once, and so does the consensus.
    const seenKey = groupId === null ? key : groupAnswerKey(groupId, questionnaire.id, question.id);
    const duplicateOf = rowsOf.get(seenKey);
    if (duplicateOf !== undefined) {
      report('question_id', 'csv.answered-twice', { key, row: duplicateOf });
      continue;
    }
    rowsOf.set(seenKey, row);

    // A group row's rationale and target belong to the consensus: ignored, with a note.
    const rationale = get('rationale');
    if (groupId !== null && (rationale !== '' || get('target') !== '')) groupFieldsIgnored++;
    const read = readAnswer(
      questionnaire,
      question,
      groupId === null ? get : getGroupAnswer,
      report,
      hasNaReason
    );
    if (read === undefined || read === 'invalid') continue;
    const answer = groupId === null && rationale.trim() !== '' ? { ...read, rationale } : read;
    // The last guard: whatever reaches the database is a valid Answer.
    const checked = safeParseAnswer(answer);
    if (checked.success && groupId !== null) {
      group.groupAnswers[groupAnswerKey(groupId, questionnaire.id, question.id)] = checked.data;
    } else if (checked.success) {
      group.answers[key] = checked.data;
    } else {
      for (const issue of schemaIssues(checked.error.issues, answer)) {
        report(null, issue.code, issue.params);
      }
    }
  }

  if (options.createAssessments) {
    for (const group of groups.values()) {
      // A workshop needs two groups (docs/file-formats.md): one named group cannot make one.
      const lone = group.loneGroup();
      if (lone) {
        problems.push({
          file,
          row: lone.row,
          column: name('group'),
          code: 'workshop.csv-one-group',
          params: { group: lone.name }
        });
      }
      for (const column of group.missingDetails()) {
        problems.push({
          file,
          row: group.firstRow,
          column: name(column),
          code: 'csv.detail-missing',
          params: { column, id: group.id ?? '' }
        });
      }
    }
  }
  progress({ stage: 'checking', done: records.length, total: records.length });
  if (problems.length > 0) return fail();

  const notes = headerNotes(header, records);
  if (groupFieldsIgnored > 0) {
    notes.push({ code: 'workshop.csv-note-group-fields', params: { count: groupFieldsIgnored } });
  }
  if (outsideCore > 0) {
    notes.push({ code: 'csv.note-outside-core', params: { count: outsideCore } });
  }
  const errorValues = spreadsheetErrorCells(
    records,
    header.index,
    header.spelled,
    FREE_TEXT_COLUMNS
  );
  notes.push(...spreadsheetErrorNotes(errorValues));
  if (delimiter !== ',') {
    notes.unshift({
      code: 'csv.note-delimiter',
      params: { delimiter: DELIMITER_NAMES[delimiter] }
    });
  }
  if (encoding !== 'utf-8') {
    notes.unshift({ code: 'csv.note-encoding', params: { encoding: encoding.toUpperCase() } });
  }
  return {
    ok: true,
    delimiter,
    encoding,
    notes,
    assessments: [...groups.values()].map((g) => g.result())
  };
}

/**
 * The header row of an answers CSV as a file spells it: which known column sits where, which
 * required columns are missing (with the fix), and which columns the import ignores.
 */
import { DELIMITER_NAMES, DELIMITERS, type CsvRecord, type Delimiter } from '../csv';
import { ANSWERS_HEADER, list, type AnswersColumn } from './format';

const REQUIRED: readonly AnswersColumn[] = ['questionnaire_id', 'question_id'];
const FOR_CREATION: readonly AnswersColumn[] = [
  'assessment_id',
  'country',
  'assessment_title',
  'assessment_date'
];

export interface Header {
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

/**
 * The known columns of a header row; a column named twice is reported, not read.
 * @example readHeader({ row: 1, cells: ['Question ID', 'Level'] }, report).index.get('level') // 1
 */
export function readHeader(
  record: CsvRecord,
  report: (column: string, code: string, params: Readonly<Record<string, string | number>>) => void
): Header {
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
      report(cell, 'csv.column-twice', { column: cell, first: earlier + 1, second: i + 1 });
    } else {
      header.index.set(column, i);
      header.spelled.set(column, cell);
    }
  });
  return header;
}

/**
 * The columns an import cannot do without and the header lacks, each with its code. A header
 * read with the wrong delimiter gets the code's `-delimiter` form, naming the right one.
 */
export function missingColumnProblems(
  header: Header,
  cells: readonly string[],
  delimiter: Delimiter,
  createAssessments: boolean
): { column: AnswersColumn; code: string; params: Readonly<Record<string, string>> }[] {
  const missing = [
    ...REQUIRED.filter((c) => !header.index.has(c)),
    ...(createAssessments ? FOR_CREATION.filter((c) => !header.index.has(c)) : [])
  ];
  if (!header.index.has('level') && !header.index.has('state')) missing.push('level');
  // A header read with the wrong delimiter is one long cell full of the right one.
  const others = DELIMITERS.filter((d) => d !== delimiter && cells.join('').includes(d));

  return missing.map((column) => {
    const need =
      column === 'level' ? 'level' : FOR_CREATION.includes(column) ? 'creation' : 'required';
    return {
      column,
      code: others[0] === undefined ? 'csv.column-missing' : 'csv.column-missing-delimiter',
      params: {
        column,
        need,
        ...(others[0] === undefined ? {} : { delimiter: DELIMITER_NAMES[others[0]] })
      }
    };
  });
}

/**
 * Notes for an accepted file, as codes and params like problems (the same renderer words
 * them): columns the import ignored, by name or by position.
 */
export function headerNotes(header: Header, records: readonly CsvRecord[]): CsvNote[] {
  const notes: CsvNote[] = [];
  if (header.ignored.length > 0) {
    notes.push({
      code: 'csv.note-ignored-columns',
      params: { count: header.ignored.length, columns: list(header.ignored) }
    });
  }
  const filled = header.unnamed.filter((i) => records.some((r) => (r.cells[i] ?? '') !== ''));
  if (filled.length > 0) {
    notes.push({
      code: 'csv.note-unnamed-columns',
      params: { count: filled.length, positions: list(filled.map((i) => i + 1)) }
    });
  }
  return notes;
}

/** Something an accepted file's reader wants the user to know, worded by the renderer. */
export interface CsvNote {
  code: string;
  params?: Readonly<Record<string, string | number>>;
}

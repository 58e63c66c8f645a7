/**
 * Spreadsheet error values (`#N/A`, `#REF!`, `Err:509` …) left in text cells by a formula that
 * failed. They are not answers the user typed, but nothing can be known about what was meant,
 * so they are imported as written and each cell gets a note (docs/file-formats.md).
 *
 * Relative imports only: the CSV worker loads this file too.
 */
import type { CsvRecord } from '../csv';
import type { AnswersColumn } from './format';
import type { CsvNote } from './header';

/** Excel's error values, LibreOffice's (`#NAME?`, `Err:502` …) and Google Sheets' (`#ERROR!`). */
const ERROR_VALUE =
  /^(#N\/A|#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#SPILL!|#CALC!|#FIELD!|#BLOCKED!|#CONNECT!|#BUSY!|#UNKNOWN!|#GETTING_DATA|#ERROR!|Err:\d{3})$/;

/** The most notes listed one by one; beyond, one note gives the count. */
const MOST = 50;

export interface SpreadsheetErrorCell {
  row: number;
  column: string;
  value: string;
}

/** Whether a cell's text is a spreadsheet error value. @example isSpreadsheetError('#REF!') // true */
export function isSpreadsheetError(text: string): boolean {
  const first = text.charCodeAt(0);
  // '#' or 'E': most cells are rejected here without a regular expression.
  return (first === 0x23 || first === 0x45) && ERROR_VALUE.test(text.trim());
}

/**
 * Every text cell holding a spreadsheet error value, in the order of the file.
 * @example spreadsheetErrorCells(records, index, spelled, ['comment']) // [{ row: 4, column: 'comment', value: '#REF!' }]
 */
export function spreadsheetErrorCells(
  records: readonly CsvRecord[],
  index: ReadonlyMap<AnswersColumn, number>,
  spelled: ReadonlyMap<AnswersColumn, string>,
  textColumns: Iterable<AnswersColumn>
): SpreadsheetErrorCell[] {
  const columns = [...textColumns]
    .map((column) => ({ at: index.get(column), name: spelled.get(column) ?? column }))
    .filter((c): c is { at: number; name: string } => c.at !== undefined)
    .sort((a, b) => a.at - b.at);
  const found: SpreadsheetErrorCell[] = [];
  for (const { row, cells } of records) {
    for (const { at, name } of columns) {
      const cell = cells[at];
      if (cell !== undefined && isSpreadsheetError(cell)) {
        found.push({ row, column: name, value: cell.trim() });
      }
    }
  }
  return found;
}

/** One note per cell (the first fifty), then the count of the others; worded by the renderer. */
export function spreadsheetErrorNotes(cells: readonly SpreadsheetErrorCell[]): CsvNote[] {
  const notes: CsvNote[] = cells.slice(0, MOST).map((c) => ({
    code: 'csv.note-spreadsheet-error',
    params: { row: c.row, column: c.column, value: c.value }
  }));
  if (cells.length > MOST) {
    notes.push({
      code: 'csv.note-spreadsheet-errors-more',
      params: { count: cells.length - MOST }
    });
  }
  return notes;
}

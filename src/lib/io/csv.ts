/**
 * Low-level CSV helpers shared by the answers and results files (docs/file-formats.md): byte
 * decoding, delimiter detection, formula neutralisation and serialisation. No DOM and no Node APIs:
 * the same code runs in the app, in a Web Worker and in the command-line tools.
 */
import Papa from 'papaparse';
import type { FileProblem } from '../domain/problems';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a delimiter is named in a problem's params and the preview (messages say it in words). */
export const DELIMITER_NAMES: Record<Delimiter, 'comma' | 'semicolon' | 'tab'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab'
};

/** A cell to write: a JS number is written as a number, never neutralised (even negative). */
export type Cell = string | number | null | undefined;

/**
 * Characters that make a spreadsheet read text as a formula (or hide a prefix we added), judged
 * by the first character that is not a space: some spreadsheets skip leading spaces, so
 * `" =1+1"` is a formula too. `'` is on the list so that text that really starts with `'`
 * survives the round trip: it is written `''…` and the import removes exactly one.
 */
const FORMULA_START = /^ *[=+\-@\t\r']/;
const NEUTRALISED = /^' *[=+\-@\t\r']/;

/**
 * Text for one cell, made safe to open in a spreadsheet (docs/file-formats.md, "CSV files in
 * general").
 * @example neutraliseFormula('=SUM(A1)') // "'=SUM(A1)"
 * @example neutraliseFormula(' =1+1') // "' =1+1"
 * @example neutraliseFormula(-2) // "-2"
 */
export function neutraliseFormula(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Undoes {@link neutraliseFormula} on import: one leading `'` goes when a formula character
 * follows it. A lone `'` before ordinary text is the user's own and stays.
 * @example restoreFormula("'=SUM(A1)") // "=SUM(A1)"
 * @example restoreFormula("'tis") // "'tis"
 */
export function restoreFormula(text: string): string {
  // The first test is only a shortcut: most cells do not start with a quote.
  return text.charCodeAt(0) === 0x27 && NEUTRALISED.test(text) ? text.slice(1) : text;
}

function quote(text: string, delimiter: Delimiter): string {
  // Surrounding spaces are quoted too, so that tools that trim unquoted cells keep them.
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV file: UTF-8 BOM (so spreadsheets pick UTF-8), CRLF after every row, each cell
 * neutralised and quoted where needed.
 * @example serialiseCsv([['a', 'b'], ['=1', 2]]) // "\uFEFFa,b\r\n'=1,2\r\n"
 */
export function serialiseCsv(
  rows: readonly (readonly Cell[])[],
  delimiter: Delimiter = ','
): string {
  const lines = rows.map((row) =>
    row.map((cell) => quote(neutraliseFormula(cell), delimiter)).join(delimiter)
  );
  return BOM + lines.map((line) => line + CRLF).join('');
}

/** The encodings an imported CSV may be read in; Windows-1252 only when the user chooses it. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText =
  | { ok: true; text: string; encoding: CsvEncoding }
  | {
      ok: false;
      line: number;
      /** `file.not-utf8`, `file.bad-utf16`, `file.nul`, `file.workbook` (docs/file-formats.md). */
      code: string;
      params?: Readonly<Record<string, string | number>>;
      /** The encoding the bytes are probably in, which the user may choose to read them as. */
      likely?: 'windows-1252';
    };

/** 1-based line of the first byte sequence that is not UTF-8. A newline byte (0x0A) never
 * occurs inside a multi-byte UTF-8 character, so each line can be checked on its own. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line++;
  }
  return 1;
}

/** A spreadsheet workbook or another zip file, told by its first bytes (docs/file-formats.md). */
export type WorkbookKind = 'xls' | 'xlsx' | 'ods' | 'zip';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const ASCII = new TextDecoder('latin1');

function startsWithBytes(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * What kind of workbook the bytes are, or null when they are not one. `.xls` (and every other
 * OLE compound file) by its signature; a zip by its entry names: an OpenDocument spreadsheet
 * names its type in its first entry, `mimetype`; an Excel workbook has entries under `xl/`.
 * Any other zip (a Word `.docx`, an `.odt`) is `zip`.
 * @example detectWorkbook(xlsxBytes) // 'xlsx'
 */
export function detectWorkbook(bytes: Uint8Array): WorkbookKind | null {
  if (startsWithBytes(bytes, OLE_SIGNATURE)) return 'xls';
  if (!startsWithBytes(bytes, ZIP_SIGNATURE)) return null;
  // Entry names sit in each entry's header and again in the directory at the end.
  const head = ASCII.decode(bytes.subarray(0, 4096));
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  const names = head + ASCII.decode(bytes.subarray(Math.max(0, bytes.length - 65536)));
  if (names.includes('xl/workbook.xml') || /xl\/worksheets\//.test(names)) return 'xlsx';
  return 'zip';
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG index; the five unassigned
 * bytes stay C1 controls, as browsers decode them).
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Whether this platform's decoder reads 0x80 as € (browsers do; Node 20's decodes Latin-1). */
let platformDecodesWindows1252: boolean | undefined;

/**
 * Windows-1252 bytes as text, with the platform's decoder. Browsers follow the WHATWG
 * Encoding standard; Node 20's `TextDecoder('windows-1252')` decodes ISO-8859-1 instead, so
 * there the bytes 0x80–0x9F (€, “, ”, –, —, œ, Œ, Ÿ…) are put right from the standard's table.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  platformDecodesWindows1252 ??= decoder.decode(Uint8Array.of(0x80)) === '\u20ac';
  const text = decoder.decode(bytes);
  if (platformDecodesWindows1252) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Bytes of an imported file as text. UTF-8 with or without BOM; UTF-16 LE or BE when a BOM says
 * so (spreadsheet "Unicode text" exports); Windows-1252 only when asked (`encoding`), after the
 * user saw the rows it gives. Anything else is reported, never decoded into garbage: text that is
 * not UTF-8 names Windows-1252 as its likely encoding (browsers read ISO-8859-1 as Windows-1252
 * too, so it is the one choice), and a spreadsheet workbook says how to save it as CSV.
 * @example decodeCsvBytes(new Uint8Array([0x61, 0xe9])) // { ok: false, line: 1, likely: 'windows-1252', … }
 * @example decodeCsvBytes(new Uint8Array([0x61, 0xe9]), 'windows-1252') // { ok: true, text: 'aé', … }
 */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: 'windows-1252'): DecodedText {
  const workbook = detectWorkbook(bytes);
  if (workbook) {
    return {
      ok: false,
      line: 1,
      code: 'file.workbook',
      params: { kind: workbook }
    };
  }
  if (encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes), encoding };
  const [b0, b1] = [bytes[0], bytes[1]];
  const unicode =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // The decoder drops the BOM itself (ignoreBOM defaults to false).
    text = new TextDecoder(unicode, { fatal: true }).decode(bytes);
  } catch {
    if (unicode !== 'utf-8') return { ok: false, line: 1, code: 'file.bad-utf16' };
    return {
      ok: false,
      line: firstBadUtf8Line(bytes),
      code: 'file.not-utf8',
      likely: 'windows-1252'
    };
  }
  // UTF-16 without a BOM decodes as "valid" UTF-8 full of NUL characters.
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    return { ok: false, line, code: 'file.nul' };
  }
  return { ok: true, text, encoding: unicode };
}

/** Text given as a string (already decoded) may still carry a BOM from the file it came from. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The first line that is not blank, with quoted parts removed so quoted delimiters don't count. */
function headerLine(text: string): string {
  // Line by line from the top, not a split of the whole file (tens of megabytes at times).
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  let line = '';
  while (start <= text.length) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    const candidate = text.slice(start, end);
    if (candidate.trim() !== '') {
      line = candidate;
      break;
    }
    if (!found) break;
    start = breaks.lastIndex;
  }
  return line.replace(/"[^"]*"/g, '');
}

/**
 * The delimiter the header line uses: the most frequent of comma, semicolon and tab, comma on a
 * tie or when none occurs. Exported so an import preview can show the guess and let the user
 * change it.
 * @example detectDelimiter('question_id;level\r\na;3') // ";"
 */
export function detectDelimiter(text: string): Delimiter {
  const line = headerLine(stripBom(text));
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * One thing wrong with an imported CSV file: a `FileProblem` whose row is always known (STYLE:
 * an import reports every problem with file, row, field and the fix).
 */
export interface Problem extends FileProblem {
  /** The row a spreadsheet shows: 1-based, header = 1. */
  row: number;
}

export interface CsvRecord {
  /** The row a spreadsheet shows: 1-based, header = 1, blank lines counted. */
  row: number;
  /** Cells as written, with the formula prefix undone; readers trim the columns that hold
   * ids and keywords, never free text (docs/file-formats.md). */
  cells: string[];
}

export interface CsvParseProblem {
  row: number;
  code: 'csv.quote-unclosed' | 'csv.quote-stray';
}

/**
 * Splits decoded text into records (papaparse handles quotes, quoted delimiters and quoted line
 * breaks). Blank records and records of empty cells (`,,,` from spreadsheets) are dropped but
 * keep their row numbers counted.
 * @example parseCsv('a,b\r\n\r\n1, 2', ',').records[1] // { row: 3, cells: ['1', ' 2'] }
 */
export function parseCsv(
  text: string,
  delimiter: Delimiter
): { records: CsvRecord[]; problems: CsvParseProblem[] } {
  const parsed = Papa.parse<string[]>(stripBom(text), { delimiter, skipEmptyLines: false });
  const broken = new Set<number>();
  const problems: CsvParseProblem[] = [];
  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1;
    if (error.type !== 'Quotes' || broken.has(row)) continue;
    broken.add(row);
    problems.push({
      row,
      code: error.code === 'MissingQuotes' ? 'csv.quote-unclosed' : 'csv.quote-stray'
    });
  }
  const records: CsvRecord[] = [];
  parsed.data.forEach((raw, index) => {
    const row = index + 1;
    if (broken.has(row)) return;
    // In place: papaparse's row array is ours, and a copy per row costs a large file dearly.
    // Cells are kept as written (free text keeps its spaces); blank means only spaces.
    let blank = true;
    for (let i = 0; i < raw.length; i++) {
      const cell = restoreFormula(raw[i]!);
      raw[i] = cell;
      if (blank && cell.trim() !== '') blank = false;
    }
    if (blank) return;
    records.push({ row, cells: raw });
  });
  return { records, problems };
}

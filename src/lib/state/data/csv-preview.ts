/**
 * The first rows of a CSV file, decoded and split as the import will, so the user can check the
 * delimiter before the whole file is read.
 */
import {
  DELIMITER_NAMES,
  DELIMITERS,
  decodeCsvBytes,
  detectDelimiter,
  parseCsv,
  type CsvEncoding,
  type Delimiter,
  type Problem
} from '$lib/io/csv';

export { DELIMITER_NAMES, DELIMITERS };
export type { CsvEncoding, Delimiter, Problem };

/** Bytes read for the preview: enough for many rows of any sensible file. */
const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 6;

export interface CsvPreview {
  /** null when the bytes cannot be read as chosen (see `problem`). */
  encoding: CsvEncoding | null;
  /**
   * The bytes are not UTF-8 and are probably Windows-1252: the preview proposes it, and the
   * user may switch between it and UTF-8 (which then shows why it cannot be read).
   */
  notUtf8: boolean;
  detected: Delimiter;
  delimiter: Delimiter;
  /** The first rows as cells, header first. */
  rows: string[][];
  /** Why the file cannot be read, with its row and the fix; null when it can. */
  problem: Problem | null;
}

/** The bytes up to the end of the last complete line, so no character or row is cut in two. */
function wholeLines(bytes: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return bytes;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) {
    // In UTF-8 the bytes 0x0A and 0x0D are only ever line breaks, never part of a character.
    const end = Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d));
    return end < 0 ? bytes : bytes.subarray(0, end + 1);
  }
  const isBreak = (unit: number | undefined) => unit === 0x0a || unit === 0x0d;
  for (let i = bytes.length - 2 - (bytes.length % 2); i >= 2; i -= 2) {
    if (le ? isBreak(bytes[i]) && bytes[i + 1] === 0 : bytes[i] === 0 && isBreak(bytes[i + 1])) {
      return bytes.subarray(0, i + 2);
    }
  }
  return bytes.subarray(0, bytes.length - (bytes.length % 2));
}

/**
 * The first rows of a CSV, read as the import will read them, for the preview where the user
 * checks the delimiter. Reads only the start of the file, so it is instant for any size.
 * @example const preview = await previewCsv(file); preview.detected // ';'
 */
export async function previewCsv(
  file: File,
  delimiter?: Delimiter,
  encoding?: 'windows-1252' | 'utf-8'
): Promise<CsvPreview> {
  const start = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const bytes = wholeLines(start, file.size <= PREVIEW_BYTES);
  let decoded = decodeCsvBytes(bytes);
  const notUtf8 = !decoded.ok && decoded.likely === 'windows-1252';
  // Not UTF-8: shown as Windows-1252 unless the user chose UTF-8 to see why it is refused.
  if (notUtf8 && encoding !== 'utf-8') decoded = decodeCsvBytes(bytes, 'windows-1252');
  if (!decoded.ok) {
    const { line, code, params } = decoded;
    const problem: Problem = { file: file.name, row: line, code, ...(params ? { params } : {}) };
    return { encoding: null, notUtf8, detected: ',', delimiter: ',', rows: [], problem };
  }
  const detected = detectDelimiter(decoded.text);
  const chosen = delimiter ?? detected;
  const rows = parseCsv(decoded.text, chosen)
    .records.slice(0, PREVIEW_ROWS)
    .map((record) => record.cells.map((cell) => cell.trim()));
  return { encoding: decoded.encoding, notUtf8, detected, delimiter: chosen, rows, problem: null };
}

export function isDelimiter(value: string): value is Delimiter {
  return (DELIMITERS as readonly string[]).includes(value);
}

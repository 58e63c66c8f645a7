/**
 * How large a file the app agrees to read, per kind (docs/file-formats.md, "Limits"). Each
 * limit is several times the largest real file — an advisor's backup of 2,000 assessments is
 * tens of megabytes — and small enough that reading it cannot exhaust the page's memory: a
 * browser cannot hold a text of more than about 500 million characters at all.
 *
 * Relative imports only: the CSV worker loads this file too.
 */
import type { FileProblem } from '../domain/problems';

const MB = 1024 * 1024;

export const FILE_SIZE_LIMITS = {
  'answers-csv': 100 * MB,
  bundle: 200 * MB,
  backup: 500 * MB,
  questionnaire: 5 * MB
} as const;
export type FileKind = keyof typeof FILE_SIZE_LIMITS;

/**
 * Rows an answers CSV may have: twice the 100,000 answer rows the app is measured with (a
 * million-row file took seconds of the page's time after the worker had read it).
 * Checked in the worker right after parsing, before any row is validated.
 */
export const MAX_CSV_ROWS = 200_000;

/**
 * A problem when a file is too large to read as `kind`, else null. Checked before the file is
 * read, so a huge file costs nothing.
 * @example fileSizeProblem({ name: 'a.csv', size: 2e9 }, 'answers-csv')?.code // 'file.too-large'
 */
export function fileSizeProblem(
  file: { name: string; size: number },
  kind: FileKind
): FileProblem | null {
  const limit = FILE_SIZE_LIMITS[kind];
  if (file.size <= limit) return null;
  // Megabytes with one decimal; the message says what each kind of file may be and what to do.
  return {
    file: file.name,
    code: 'file.too-large',
    params: {
      kind: kind === 'answers-csv' ? 'csv' : kind,
      size: Math.round((file.size / MB) * 10) / 10,
      limit: limit / MB
    }
  };
}

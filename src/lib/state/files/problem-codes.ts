/**
 * The words of the problems the file-handling work added (encodings, workbooks, spreadsheet
 * error values), for `problem-text.ts`: one message per code, from the `files` message area.
 */
import { m } from '$lib/paraglide/messages.js';

type Params = Readonly<Record<string, string | number>>;

const WORKBOOKS: Readonly<Record<string, () => string>> = {
  xls: m.files_problem_workbook_xls,
  xlsx: m.files_problem_workbook_xlsx,
  ods: m.files_problem_workbook_ods,
  zip: m.files_problem_zip
};

/** Messages by code; looked up after the problems area's own (`problem-text.ts`). */
export function filesCodes(): Record<string, (p: Params) => string> {
  const s = (v: string | number | undefined) => String(v ?? '');
  return {
    'file.workbook': (p) => (WORKBOOKS[s(p.kind)] ?? m.files_problem_zip)(),
    'file.not-utf8': () => m.files_problem_not_utf8()
  };
}

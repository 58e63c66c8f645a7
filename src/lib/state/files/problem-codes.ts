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

export function filesCodes(): Record<string, (p: Params) => string> {
  const s = (v: string | number | undefined) => String(v ?? '');
  return {
    'csv.workbook': (p) => (WORKBOOKS[s(p.kind)] ?? m.files_problem_zip)(),
    'csv.not-utf8': () => m.files_problem_not_utf8(),
    'csv.spreadsheet-error': (p) => m.files_problem_spreadsheet_error({ value: s(p.value) })
  };
}

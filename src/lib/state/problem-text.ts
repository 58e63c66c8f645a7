/**
 * Problems as words: domain, io and storage describe what is wrong in a file as data (a code and
 * its params, see `FileProblem`); this module turns one into a sentence in the interface
 * language. The command line keeps the English `message` the problem carries.
 * See docs/languages.md ("Problems").
 */
import type { FileProblem } from '$lib/domain/problems';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';

type Params = Readonly<Record<string, string | number>>;

/**
 * One message per problem code. The message's key is `problems_` and the code with every `.`
 * and `-` written `_` (`age.passphrase-empty` → `problems_age_passphrase_empty`); its params are
 * the problem's params. A code missing here falls back to the problem's English message, so
 * codes can be translated one area at a time.
 */
const byCode: Readonly<Record<string, (p: Params) => string>> = {
  'age.passphrase-empty': () => m.problems_age_passphrase_empty(),
  'age.cancelled': () => m.problems_age_cancelled(),
  'age.work-factor-too-high': (p) =>
    m.problems_age_work_factor_too_high({
      workFactor: String(p.workFactor),
      limit: String(p.limit)
    })
};

/** The codes this module translates (for tests and for the area files' authors). */
export const translatedProblemCodes: readonly string[] = Object.keys(byCode);

/**
 * What is wrong and what to do, in the interface language.
 * @example problemMessage({ file: 'a.age', code: 'age.cancelled', message: 'Cancelled: …' })
 * // 'Opération annulée : rien n’a été enregistré.' when the interface is in French
 */
export function problemMessage(p: FileProblem): string {
  const render = byCode[p.code];
  return render ? render(p.params ?? {}) : p.message;
}

/**
 * Where the problem is, in words: "answers.csv, row 3, column “level”".
 * @example problemPlaceText({ file: 'a.csv', row: 3, code: 'x', message: '' }) // 'a.csv, row 3'
 */
export function problemPlaceText(p: FileProblem): string {
  if (p.row !== undefined) {
    const row = formatNumber(p.row);
    return p.column
      ? m.problems_place_row_column({ file: p.file, row, column: p.column })
      : m.problems_place_row({ file: p.file, row });
  }
  if (p.path !== undefined) return m.problems_place_path({ file: p.file, path: p.path });
  return m.problems_place_file({ file: p.file });
}

/** Place and message as one line, for lists of problems. */
export function problemText(p: FileProblem): string {
  return m.problems_line({ place: problemPlaceText(p), message: problemMessage(p) });
}

/**
 * A problem found in an answers CSV file, in the interface language: its code's message when it
 * has one, else the English message it carries. The place is shown in the table's own columns.
 */
export function csvProblemMessage(p: {
  code?: string | undefined;
  params?: Params | undefined;
  message: string;
}): string {
  const render = p.code === undefined ? undefined : byCode[p.code];
  return render ? render(p.params ?? {}) : p.message;
}

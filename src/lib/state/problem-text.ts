/**
 * Problems as words: domain, io and storage describe what is wrong in a file as data (a code and
 * its params, see `FileProblem`); this module turns one into a sentence in the interface
 * language. The command line keeps the English `message` the problem carries.
 * See docs/languages.md ("Problems").
 */
import type { FileProblem } from '$lib/domain/problems';
import { formatNumber } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages.js';
import { filesCodes } from './files/problem-codes';

type Params = Readonly<Record<string, string | number>>;

/**
 * One message per problem code. The message's key is `problems_` and the code with every `.`
 * and `-` written `_` (`age.passphrase-empty` → `problems_age_passphrase_empty`); its params are
 * the problem's params. A code missing here falls back to the problem's English message, so
 * codes can be translated one area at a time.
 */
const byCode: Readonly<Record<string, (p: Params) => string>> = {
  ...ageCodes(),
  ...csvCodes()
};

/** Codes of the files area (encodings, workbooks), with their messages in that area. */
const filesByCode = filesCodes();

/** The words an age problem puts in its sentence (`part`, `kind`), in the interface language. */
const AGE_PARTS: Readonly<Record<string, () => string>> = {
  header: m.problems_age_part_header,
  contents: m.problems_age_part_contents,
  'text armour': m.problems_age_part_armour
};

function ageKind(kind: string): string {
  return kind.includes('SSH') ? m.problems_age_kind_ssh() : m.problems_age_kind_plugin();
}

function ageCodes(): Record<string, (p: Params) => string> {
  const s = (v: string | number | undefined) => String(v ?? '');
  const recipient = (p: Params) => ({ position: s(p.position), recipient: s(p.recipient) });
  return {
    'age.not-age': () => m.problems_age_not_age(),
    'age.truncated': () => m.problems_age_truncated(),
    'age.damaged': (p) => m.problems_age_damaged({ part: AGE_PARTS[s(p.part)]?.() ?? s(p.part) }),
    'age.wrong-passphrase': () => m.problems_age_wrong_passphrase(),
    'age.wrong-identity': (p) =>
      m.problems_age_wrong_identity({ recipients: Number(p.recipients ?? 1) }),
    'age.needs-passphrase': () => m.problems_age_needs_passphrase(),
    'age.needs-identity': () => m.problems_age_needs_identity(),
    'age.unsupported-stanza': (p) => m.problems_age_unsupported_stanza({ types: s(p.types) }),
    'age.work-factor-too-high': (p) =>
      m.problems_age_work_factor_too_high({ workFactor: s(p.workFactor), limit: s(p.limit) }),
    'age.identity-invalid': () => m.problems_age_identity_invalid(),
    'age.identity-file-invalid': () => m.problems_age_identity_file_invalid(),
    'age.no-key': () => m.problems_age_no_key(),
    'age.passphrase-and-recipients': () => m.problems_age_passphrase_and_recipients(),
    'age.passphrase-empty': () => m.problems_age_passphrase_empty(),
    'age.recipient-post-quantum': (p) => m.problems_age_recipient_post_quantum(recipient(p)),
    'age.recipient-invalid': (p) => m.problems_age_recipient_invalid(recipient(p)),
    'age.recipient-unsupported': (p) =>
      m.problems_age_recipient_unsupported({ ...recipient(p), kind: ageKind(s(p.kind)) }),
    'age.recipient-is-secret': (p) =>
      m.problems_age_recipient_is_secret({ position: s(p.position) }),
    'age.cancelled': () => m.problems_age_cancelled(),
    'age.failed': (p) => m.problems_age_failed({ detail: s(p.detail) })
  };
}

/** Answers CSV problems (src/lib/io/answers-csv); the params are the file's own words. */
function csvCodes(): Record<string, (p: Params) => string> {
  const s = (v: string | number | undefined) => String(v ?? '');
  const scale = (p: Params) => ({
    text: s(p.text),
    questionnaire: s(p.questionnaire),
    min: s(p.min),
    max: s(p.max),
    values: s(p.values),
    labels: s(p.labels)
  });
  return {
    'csv.level-off-scale': (p) => m.problems_csv_level_off_scale(scale(p)),
    'csv.level-unknown': (p) => m.problems_csv_level_unknown(scale(p)),
    'csv.target-off-scale-or-empty': (p) => m.problems_csv_target_off_scale_or_empty(scale(p)),
    'csv.target-unknown-or-empty': (p) => m.problems_csv_target_unknown_or_empty(scale(p)),
    'csv.binary-unknown': (p) => m.problems_csv_binary_unknown({ text: s(p.text) }),
    'csv.state-unknown': (p) => m.problems_csv_state_unknown({ text: s(p.text) }),
    'csv.level-missing': (p) => m.problems_csv_level_missing({ state: s(p.state) }),
    'csv.level-contradicts-state': (p) =>
      m.problems_csv_level_contradicts_state({ level: s(p.level), state: s(p.state) })
  };
}

/** The codes this module translates (for tests and for the area files' authors). */
export const translatedProblemCodes: readonly string[] = Object.keys(byCode);

/**
 * What is wrong and what to do, in the interface language.
 * @example problemMessage({ file: 'a.age', code: 'age.cancelled', message: 'Cancelled: …' })
 * // 'Opération annulée : rien n’a été enregistré.' when the interface is in French
 */
export function problemMessage(p: FileProblem): string {
  const render = byCode[p.code] ?? filesByCode[p.code];
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
  const render = p.code === undefined ? undefined : (byCode[p.code] ?? filesByCode[p.code]);
  return render ? render(p.params ?? {}) : p.message;
}

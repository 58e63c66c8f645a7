/**
 * Problems as words: domain, io and storage describe what is wrong in a file as data (a code and
 * its params, see `FileProblem`); this module is the one renderer that turns one into a
 * sentence, in the interface language on screens and in English on the command line.
 * See docs/languages.md ("Problems").
 *
 * A code's message is `problems_<code>` with every `.` and `-` written `_`
 * (`age.passphrase-empty` → `problems_age_passphrase_empty`), or, for a code that belongs to
 * another message area, the code itself written that way (`format.core-missing` →
 * `format_core_missing`). A new code needs only its message in both languages: nothing here
 * lists codes. Every number in the params is also passed formatted for the language as
 * `<name>Text` (`row` → `rowText`: "1,203" / "1 203"), so a message may use either.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import { problemPlace, type FileProblem, type ProblemParams } from '../domain/problems';
import { formatNumber } from '../format/numbers';
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';

type Locale = 'en' | 'fr';
type Render = (params: Record<string, unknown>, options?: { locale?: Locale }) => string;

const messages = m as unknown as Readonly<Record<string, Render | undefined>>;

/**
 * The message key of a code (see the module comment).
 * @example problemMessageKeys('csv.level-unknown') // ['problems_csv_level_unknown', 'csv_level_unknown']
 */
export function problemMessageKeys(code: string): [string, string] {
  const key = code.replace(/[.-]/g, '_');
  return [`problems_${key}`, key];
}

function messageFor(code: string): Render | undefined {
  const [own, area] = problemMessageKeys(code);
  return messages[own] ?? (own === area ? undefined : messages[area]);
}

/** Params whose words come from messages too (a part of an age file, a kind of key). */
const WORDS: Readonly<Record<string, (params: ProblemParams, locale: Locale) => ProblemParams>> = {
  'age.damaged': (p, locale) => {
    const parts: Record<string, Render> = {
      header: m.problems_age_part_header,
      contents: m.problems_age_part_contents,
      'text armour': m.problems_age_part_armour
    };
    const part = parts[String(p.part)];
    return { ...p, part: part ? part({}, { locale }) : String(p.part ?? '') };
  },
  'age.recipient-unsupported': (p, locale) => ({
    ...p,
    kind: String(p.kind ?? '').includes('SSH')
      ? m.problems_age_kind_ssh({}, { locale })
      : m.problems_age_kind_plugin({}, { locale })
  })
};

function inputs(
  p: Pick<FileProblem, 'code' | 'params'>,
  locale: Locale | undefined
): Record<string, unknown> {
  const params = p.params ?? {};
  const worded = WORDS[p.code]?.(params, locale ?? getLocale()) ?? params;
  const out: Record<string, unknown> = { ...worded };
  for (const [name, value] of Object.entries(worded)) {
    if (typeof value === 'number') out[`${name}Text`] = formatNumber(value, locale);
  }
  return out;
}

/**
 * What is wrong and what to do, in the interface language (or the one given).
 * @example problemMessage({ file: 'a.age', code: 'age.cancelled' })
 * // 'Opération annulée : rien n’a été enregistré.' when the interface is in French
 */
export function problemMessage(p: Pick<FileProblem, 'code' | 'params'>, locale?: Locale): string {
  const render = messageFor(p.code);
  const options = locale ? { locale } : {};
  if (!render) return m.problems_unknown({ code: p.code }, options);
  return render(inputs(p, locale), options);
}

/** True when a code has its message (tests; an unknown code still renders a sentence). */
export function hasProblemMessage(code: string): boolean {
  return messageFor(code) !== undefined;
}

/**
 * Where the problem is, in words: "answers.csv, row 3, column “level”".
 * @example problemPlaceText({ file: 'a.csv', row: 3, code: 'x' }) // 'a.csv, row 3'
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

/** Place and message as one line, for lists of problems and the downloaded list. */
export function problemText(p: FileProblem): string {
  return m.problems_line({ place: problemPlaceText(p), message: problemMessage(p) });
}

/**
 * A problem as the command line prints it, in English: `file:row:column: sentence`.
 * @example problemLine({ file: 'a.csv', row: 3, column: 'level', code: 'csv.level-missing', params: { state: 'level' } })
 * // 'a.csv:3:level: the state is "level" but the level is empty: …'
 */
export function problemLine(p: FileProblem): string {
  return `${problemPlace(p)}: ${problemMessage(p, 'en')}`;
}

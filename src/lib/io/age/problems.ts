/**
 * Every way encrypting or opening an age file can fail, as data: a stable code and the values
 * that fill the sentence in (messages/problems; state/problem-text.ts words it). Messages never repeat the file name (the renderer puts it in front) and
 * never contain a secret: a pasted secret key or a passphrase is never echoed back.
 *
 * Relative imports only: the worker and the command-line tools load this file too.
 */
import type { FileProblem } from '../../domain/problems';

/**
 * The highest scrypt work factor (log2 of N) a file may ask for when it is opened; anything
 * higher is refused from the header, before scrypt runs, so a hostile file cannot keep the
 * computer busy for minutes. The app's rule is 2^22 (the standard `age` tool's own limit), but
 * age-encryption 0.3.1 refuses anything above 2^20 itself, so 2^21 and 2^22 cannot be opened
 * either: the lower of the two is the limit. The standard `age` tool writes 2^18.
 */
const APP_WORK_FACTOR_LIMIT = 22;
const LIBRARY_WORK_FACTOR_LIMIT = 20;
export const WORK_FACTOR_LIMIT = Math.min(APP_WORK_FACTOR_LIMIT, LIBRARY_WORK_FACTOR_LIMIT);

/** Every age problem code (each has its message in messages/problems). */
export const AGE_PROBLEM_CODES = [
  'age.not-age',
  'age.truncated',
  'age.damaged',
  'age.wrong-passphrase',
  'age.wrong-identity',
  'age.needs-passphrase',
  'age.needs-identity',
  'age.unsupported-stanza',
  'age.work-factor-too-high',
  'age.identity-invalid',
  'age.identity-file-invalid',
  'age.no-key',
  'age.passphrase-and-recipients',
  'age.passphrase-empty',
  'age.recipient-post-quantum',
  'age.recipient-invalid',
  'age.recipient-unsupported',
  'age.recipient-is-secret',
  'age.cancelled',
  'age.failed'
] as const;
export type AgeProblemCode = (typeof AGE_PROBLEM_CODES)[number];

/** An age problem: a `FileProblem` whose code is one of the codes above. */
export interface AgeProblem extends FileProblem {
  code: AgeProblemCode;
}

type Params = Readonly<Record<string, string | number>>;

/**
 * Builds the problem for `code`; its sentence is the code's message (docs/languages.md,
 * "Problems").
 * @example ageProblem('a.json.age', 'age.wrong-passphrase')
 * // { file: 'a.json.age', code: 'age.wrong-passphrase', params: {} }
 */
export function ageProblem(file: string, code: AgeProblemCode, params: Params = {}): AgeProblem {
  return { file, code, params };
}

/**
 * How a key is named in a message: short enough to read, long enough to tell which one.
 * @example shortKey('age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq')
 * // 'age1qyqszqgp…3290gq'
 */
export function shortKey(key: string): string {
  const oneLine = key.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 24 ? oneLine : `${oneLine.slice(0, 12)}…${oneLine.slice(-6)}`;
}

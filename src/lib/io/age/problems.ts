/**
 * Every way encrypting or opening an age file can fail, as data: a stable code, the values that
 * fill the sentence in, and the English sentence itself. Screens translate by code; the command
 * line prints `message`. Messages never repeat the file name (the renderer puts it in front) and
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

export type AgeProblemCode =
  // opening a file
  | 'age.not-age'
  | 'age.truncated'
  | 'age.damaged'
  | 'age.wrong-passphrase'
  | 'age.wrong-identity'
  | 'age.needs-passphrase'
  | 'age.needs-identity'
  | 'age.unsupported-stanza'
  | 'age.work-factor-too-high'
  | 'age.identity-invalid'
  | 'age.identity-file-invalid'
  // encrypting a file
  | 'age.no-key'
  | 'age.passphrase-and-recipients'
  | 'age.passphrase-empty'
  | 'age.recipient-post-quantum'
  | 'age.recipient-invalid'
  | 'age.recipient-unsupported'
  | 'age.recipient-is-secret'
  // either way
  | 'age.cancelled'
  | 'age.failed';

/** An age problem: a `FileProblem` whose code is one of the codes above. */
export interface AgeProblem extends FileProblem {
  code: AgeProblemCode;
}

type Params = Readonly<Record<string, string | number>>;

const ASK_AGAIN = 'Ask the sender for a fresh copy.';

/** One English sentence per code; `p` holds the params named in each. */
const MESSAGES: Record<AgeProblemCode, (p: Params) => string> = {
  'age.not-age': () =>
    'This is not an age encrypted file: it starts neither with "age-encryption.org/v1" nor ' +
    'with "-----BEGIN AGE ENCRYPTED FILE-----".',
  'age.truncated': () =>
    `This encrypted file ends too early: it was cut short, perhaps while it was copied or ` +
    `downloaded. ${ASK_AGAIN}`,
  'age.damaged': (p) =>
    `This encrypted file is damaged or was changed after it was encrypted (the damage is in ` +
    `its ${String(p.part)}), so it cannot be opened. ${ASK_AGAIN}`,
  'age.wrong-passphrase': () =>
    'This passphrase does not open the file. Check it and type it again: capitals, spaces ' +
    'and accents count. If you are sure of it, the file may be damaged: ask for a fresh copy.',
  'age.wrong-identity': (p) => {
    const others =
      p.recipients === 1 ? 'another public key' : `${String(p.recipients)} other public keys`;
    return (
      `Your key cannot open this file: it was encrypted to ${others} (or damaged on the way). ` +
      'Ask the sender to encrypt it to your public key, and check by phone that the fingerprint ' +
      'they have matches yours.'
    );
  },
  'age.needs-passphrase': () =>
    'This file is protected by a passphrase, not encrypted to a key: enter its passphrase.',
  'age.needs-identity': () =>
    'This file is encrypted to a public key, not protected by a passphrase: open it with the ' +
    'matching key.',
  'age.unsupported-stanza': (p) =>
    `This file was encrypted for a kind of key this app cannot use (${String(p.types)}). Ask ` +
    'the sender to encrypt it to your age public key (age1…) or with a passphrase.',
  'age.work-factor-too-high': (p) =>
    `This file asks for a passphrase work factor of 2^${String(p.workFactor)}, above the ` +
    `2^${String(p.limit)} this app accepts (opening it could keep the computer busy for ` +
    'minutes). Ask the sender to encrypt it again with this app or the standard age tool.',
  'age.identity-invalid': () =>
    'This is not a valid age secret key: it should be one line starting "AGE-SECRET-KEY-1".',
  'age.identity-file-invalid': () =>
    'This file opened, but it holds no age secret key (a line starting "AGE-SECRET-KEY-1"): ' +
    'choose the key file this app saved for you.',
  'age.no-key': () =>
    'Choose a passphrase or at least one recipient public key to encrypt the file with.',
  'age.passphrase-and-recipients': () =>
    'Choose either a passphrase or recipient public keys, not both: an age file protected by ' +
    'a passphrase cannot have other recipients.',
  'age.passphrase-empty': () => 'The passphrase is empty: type a passphrase.',
  'age.recipient-post-quantum': (p) =>
    `Recipient ${String(p.position)} (${String(p.recipient)}) is a post-quantum key: the common ` +
    'age 1.1 tools cannot read post-quantum keys. Ask for the X25519 public key, which starts ' +
    'with "age1" but not "age1pq".',
  'age.recipient-invalid': (p) =>
    `Recipient ${String(p.position)} (${String(p.recipient)}) is not a valid age public key: ` +
    'check that it was copied whole, one key per line, starting with "age1".',
  'age.recipient-unsupported': (p) =>
    `Recipient ${String(p.position)} (${String(p.recipient)}) is ${String(p.kind)}: this app ` +
    'encrypts only to age X25519 public keys, which start with "age1".',
  'age.recipient-is-secret': (p) =>
    `Recipient ${String(p.position)} is a secret key, which must never be shared or pasted ` +
    'here: paste the public key, which starts with "age1".',
  'age.cancelled': () => 'Cancelled: nothing was saved.',
  'age.failed': (p) =>
    `The encryption library stopped unexpectedly (${String(p.detail)}). Nothing was saved; ` +
    'try again, and report the problem if it happens again.'
};

/** Every age problem code, for renderers and their tests. */
export const AGE_PROBLEM_CODES = Object.keys(MESSAGES) as readonly AgeProblemCode[];

/**
 * Builds the problem for `code` with its English message.
 * @example ageProblem('a.json.age', 'age.wrong-passphrase')
 * // { file: 'a.json.age', code: 'age.wrong-passphrase', params: {}, message: 'This passphrase…' }
 */
export function ageProblem(file: string, code: AgeProblemCode, params: Params = {}): AgeProblem {
  return { file, code, params, message: MESSAGES[code](params) };
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

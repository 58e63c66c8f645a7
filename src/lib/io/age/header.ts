/**
 * Recognises an age file and reads its header — the plain-text lines before the encrypted
 * contents — without decrypting anything, to tell what opens it: a passphrase (one `scrypt`
 * stanza, whose work factor is read here so an excessive one is refused before scrypt runs) or
 * a key (one `X25519` stanza per recipient).
 *
 * The format (age-encryption.org/v1): a version line, stanzas (`-> type args…` followed by the
 * base64 body in lines of 64 characters, the last one shorter), then a `--- mac` line and the
 * binary contents (a 16-byte nonce, then chunks of at most 64 KiB each sealed with a 16-byte
 * tag). The armoured form is the same bytes in base64 between PEM-style lines; the library's own
 * `armor.decode` unwraps it. The library checks every detail again when it decrypts; this file
 * only reads enough to choose the question to ask and to name what is wrong in plain words.
 *
 * Relative imports only: the worker and the command line load this file too.
 */
import { armor } from 'age-encryption';
import { ageProblem, WORK_FACTOR_LIMIT, type AgeProblem } from './problems';

/** How an age file is written: the binary format or its ASCII armour. */
export type AgeFormat = 'binary' | 'armored';

export type AgeInspection =
  | { ok: true; format: AgeFormat; needs: 'passphrase'; workFactor: number }
  | { ok: true; format: AgeFormat; needs: 'identity'; recipients: number }
  | { ok: false; problem: AgeProblem };

const VERSION_LINE = 'age-encryption.org/v1';
const BINARY_MAGIC = new TextEncoder().encode(`${VERSION_LINE}\n`);
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
/** A stanza body line holds 48 bytes, 64 base64 characters; a shorter line ends the body. */
const FULL_BODY_LINE = 64;
/** After the header: the 16-byte nonce, then at least one 16-byte tag (an empty file). */
const SMALLEST_CONTENTS = 32;
const ASCII = new TextDecoder('ascii');

/**
 * Tells whether the bytes are an age file, and which form, from their first line only.
 * Leading blank space (and a byte-order mark) before the armour is allowed, as the library does.
 * @example detectAge(new TextEncoder().encode('age-encryption.org/v1\n-> X25519 …')) // 'binary'
 */
export function detectAge(data: Uint8Array): AgeFormat | null {
  if (startsWith(data, BINARY_MAGIC)) return 'binary';
  const head = new TextDecoder().decode(data.subarray(0, 256)).trimStart();
  return head.startsWith(ARMOR_BEGIN) ? 'armored' : null;
}

/** The binary age file inside the bytes: the bytes themselves, or the armour decoded. */
export type Unarmored =
  { ok: true; format: AgeFormat; binary: Uint8Array } | { ok: false; problem: AgeProblem };

/** Recognises the file and, for the armoured form, decodes the armour with the library. */
export function unarmor(file: string, data: Uint8Array): Unarmored {
  const format = detectAge(data);
  if (format === null) return { ok: false, problem: ageProblem(file, 'age.not-age') };
  if (format === 'binary') return { ok: true, format, binary: data };
  const text = new TextDecoder().decode(data);
  try {
    return { ok: true, format, binary: armor.decode(text) };
  } catch {
    const cut = !text.trimEnd().endsWith(ARMOR_END);
    const problem = cut
      ? ageProblem(file, 'age.truncated')
      : ageProblem(file, 'age.damaged', { part: 'text armour' });
    return { ok: false, problem };
  }
}

/**
 * Reads the header of an age file (either form) and says what opens it, or what is wrong.
 * @example inspectAge('a.age', bytes) // { ok: true, format: 'binary', needs: 'passphrase', workFactor: 18 }
 */
export function inspectAge(file: string, data: Uint8Array): AgeInspection {
  const opened = unarmor(file, data);
  if (!opened.ok) return opened;
  return inspectBinary(file, opened.format, opened.binary);
}

/** The header of a binary age file; `format` is only passed through to the answer. */
export function inspectBinary(file: string, format: AgeFormat, binary: Uint8Array): AgeInspection {
  const header = readStanzas(binary);
  if (header === 'cut') return { ok: false, problem: ageProblem(file, 'age.truncated') };
  if (header === 'bad') {
    return { ok: false, problem: ageProblem(file, 'age.damaged', { part: 'header' }) };
  }
  const { stanzas } = header;
  const damagedHeader: AgeInspection = {
    ok: false,
    problem: ageProblem(file, 'age.damaged', { part: 'header' })
  };
  const scrypt = stanzas.filter((args) => args[0] === 'scrypt');
  if (scrypt.length > 0) {
    // A passphrase file has exactly one stanza, `scrypt <salt> <log2 N>`.
    const args = scrypt[0] ?? [];
    const factor = args[2] ?? '';
    if (stanzas.length !== 1 || args.length !== 3 || !/^[1-9][0-9]*$/.test(factor)) {
      return damagedHeader;
    }
    const workFactor = Number(factor);
    if (workFactor > WORK_FACTOR_LIMIT) {
      // An absurd number is named by its first digits, not printed whole.
      const named = factor.length > 3 ? `${factor.slice(0, 3)}…` : workFactor;
      const params = { workFactor: named, limit: WORK_FACTOR_LIMIT };
      return { ok: false, problem: ageProblem(file, 'age.work-factor-too-high', params) };
    }
    return { ok: true, format, needs: 'passphrase', workFactor };
  }
  if (stanzas.some((args) => args[0] === 'X25519')) {
    return { ok: true, format, needs: 'identity', recipients: stanzas.length };
  }
  if (stanzas.length === 0) return damagedHeader;
  const types = [...new Set(stanzas.map((args) => args[0] ?? ''))]
    .map((type) => (type.length > 24 ? `${type.slice(0, 24)}…` : type))
    .join(', ');
  return { ok: false, problem: ageProblem(file, 'age.unsupported-stanza', { types }) };
}

/**
 * The arguments of each stanza, `'cut'` when the bytes end before the header (or right after
 * it, with no room for the contents), `'bad'` when a line is not what the format allows.
 */
function readStanzas(binary: Uint8Array): { stanzas: string[][] } | 'cut' | 'bad' {
  let offset = 0;
  /** The next line without its newline; null at the end of the bytes; undefined if not ASCII. */
  const nextLine = (): string | null | undefined => {
    const end = binary.indexOf(0x0a, offset);
    if (end < 0) return null;
    const line = binary.subarray(offset, end);
    offset = end + 1;
    if (line.some((byte) => byte < 0x20 || byte > 0x7e)) return undefined;
    return ASCII.decode(line);
  };
  if (nextLine() !== VERSION_LINE) return 'bad';
  const stanzas: string[][] = [];
  for (;;) {
    const line = nextLine();
    if (line === null) return 'cut';
    if (line === undefined) return 'bad';
    if (line.startsWith('---')) {
      if (!line.startsWith('--- ')) return 'bad';
      return binary.length - offset < SMALLEST_CONTENTS ? 'cut' : { stanzas };
    }
    if (!line.startsWith('-> ')) return 'bad';
    const args = line.slice(3).split(' ');
    if (args.some((arg) => arg === '')) return 'bad';
    stanzas.push(args);
    for (;;) {
      const body = nextLine();
      if (body === null) return 'cut';
      if (body === undefined || body.length > FULL_BODY_LINE) return 'bad';
      if (body.length < FULL_BODY_LINE) break;
    }
  }
}

function startsWith(data: Uint8Array, prefix: Uint8Array): boolean {
  if (data.length < prefix.length) return false;
  return prefix.every((byte, index) => data[index] === byte);
}

/**
 * An age file in its ASCII armour (the armoured form of binary bytes; armoured bytes unchanged),
 * written by the library, so it can be kept as text.
 * @example armorAge(binaryAgeBytes) // '-----BEGIN AGE ENCRYPTED FILE-----\n…'
 */
export function armorAge(data: Uint8Array): string {
  if (detectAge(data) === 'armored') return new TextDecoder().decode(data);
  return armor.encode(data);
}

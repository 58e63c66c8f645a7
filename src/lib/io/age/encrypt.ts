/**
 * Encrypts a file's bytes (or text, as UTF-8) in the age format with the age-encryption library:
 * either with a passphrase (scrypt) or to one or more X25519 public keys — never both, because
 * an age file protected by a passphrase may have no other recipient.
 *
 * Runs where it is called: in the browser, call it through the worker client (`client.ts`) so
 * scrypt does not freeze the page. Relative imports only: the worker and the command line load
 * this file too.
 */
import { armor, Encrypter } from 'age-encryption';
import { ageProblem, WORK_FACTOR_LIMIT, type AgeProblem } from './problems';
import { checkRecipients } from './recipients';
import { ensureSubtle } from './subtle-shim';

/** What a file is encrypted with: a passphrase, or the public keys of its recipients. */
export type AgeEncryptKey =
  | { passphrase: string; recipients?: undefined }
  | { recipients: readonly string[]; passphrase?: undefined };

/** What the user waits for: scrypt, then the contents. */
export type AgeStage = 'deriving-key' | 'encrypting' | 'decrypting';

export interface AgeEncryptOptions {
  /** Write the ASCII armour (`-----BEGIN AGE ENCRYPTED FILE-----`) instead of binary. */
  armor?: boolean;
  /**
   * scrypt work factor as log2 of N, for passphrases: 18 (the age tool's own, about 1 to 2
   * seconds here) unless set; tests use 10. A whole number from 1 to the limit this app opens.
   */
  workFactor?: number;
  onStage?: (stage: AgeStage) => void;
}

export type AgeEncryptResult =
  { ok: true; bytes: Uint8Array } | { ok: false; problems: AgeProblem[] };

/** The work factor the standard age tool writes, and this app by default. */
export const DEFAULT_WORK_FACTOR = 18;

/**
 * Encrypts `content`; `file` is the name the result will be saved under, for messages. Refusals
 * (no key, both kinds, an empty passphrase, bad recipients) come back as problems; only an
 * out-of-range `workFactor`, a mistake in the calling code, throws a RangeError.
 * @example await encryptAge('brief.pdf.age', pdfBytes, { recipients: ['age1…'] })
 * // { ok: true, bytes: Uint8Array [0x61, 0x67, 0x65, …] }
 */
export async function encryptAge(
  file: string,
  content: Uint8Array | string,
  key: AgeEncryptKey,
  options: AgeEncryptOptions = {}
): Promise<AgeEncryptResult> {
  const workFactor = options.workFactor ?? DEFAULT_WORK_FACTOR;
  if (!Number.isInteger(workFactor) || workFactor < 1 || workFactor > WORK_FACTOR_LIMIT) {
    throw new RangeError(`workFactor must be a whole number from 1 to ${WORK_FACTOR_LIMIT}.`);
  }
  const prepared = prepare(file, key);
  if (!prepared.ok) return prepared;
  ensureSubtle();
  const encrypter = new Encrypter();
  if (prepared.passphrase !== undefined) {
    encrypter.setPassphrase(prepared.passphrase);
    encrypter.setScryptWorkFactor(workFactor);
  } else {
    for (const recipient of prepared.recipients) encrypter.addRecipient(recipient);
  }
  try {
    options.onStage?.(prepared.passphrase !== undefined ? 'deriving-key' : 'encrypting');
    // Given a stream, the library returns once the header is made (scrypt included), so the
    // stages the user sees follow the real work.
    const sealed = await encrypter.encrypt(streamOf(content));
    if (prepared.passphrase !== undefined) options.onStage?.('encrypting');
    const binary = await readAll(sealed);
    const bytes = options.armor ? new TextEncoder().encode(armor.encode(binary)) : binary;
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, problems: [failed(file, error)] };
  }
}

type Prepared =
  | { ok: true; passphrase: string; recipients?: undefined }
  | { ok: true; passphrase?: undefined; recipients: string[] }
  | { ok: false; problems: AgeProblem[] };

/** Checks the key before any work: one kind only, a passphrase, valid recipients. */
function prepare(file: string, key: AgeEncryptKey): Prepared {
  // The type forbids both, but keys come from forms and storage: check again.
  const passphrase: unknown = key.passphrase;
  const recipients: unknown = key.recipients;
  if (passphrase !== undefined && recipients !== undefined) {
    return { ok: false, problems: [ageProblem(file, 'age.passphrase-and-recipients')] };
  }
  if (typeof passphrase === 'string') {
    if (passphrase === '') {
      return { ok: false, problems: [ageProblem(file, 'age.passphrase-empty')] };
    }
    return { ok: true, passphrase };
  }
  if (!Array.isArray(recipients)) return { ok: false, problems: [ageProblem(file, 'age.no-key')] };
  const checked = checkRecipients(file, recipients as readonly string[]);
  return checked.ok ? { ok: true, recipients: checked.recipients } : checked;
}

/** A problem for an error the library was not expected to raise. */
export function failed(file: string, error: unknown): AgeProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return ageProblem(file, 'age.failed', { detail: detail.slice(0, 200) });
}

/** The bytes as a one-chunk stream, the form the library reads without copying. */
export function streamOf(content: Uint8Array | string): ReadableStream<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
}

/**
 * Everything a stream holds, as one array. Read chunk by chunk rather than through `Response`,
 * so an error inside the stream reaches the caller as the library raised it.
 */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

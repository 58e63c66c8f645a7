/**
 * Opens an age file (binary or armoured) with a passphrase or with the user's secret keys,
 * through the age-encryption library. Every failure comes back as a problem — never thrown —
 * named for what the user can do about it: the wrong passphrase, a file for someone else's key,
 * a file cut short, a changed byte, a file that is not age at all.
 *
 * The header is read first (`header.ts`): a passphrase file asking for more scrypt work than
 * the app allows is refused before scrypt runs, and asking for a passphrase when the file needs
 * a key (or the reverse) is answered without any work.
 *
 * Runs where it is called: in the browser, call it through the worker client (`client.ts`).
 * Relative imports only: the worker and the command line load this file too.
 */
import { Decrypter } from 'age-encryption';
import { failed, readAll, streamOf, type AgeStage } from './encrypt';
import { inspectBinary, unarmor, type AgeFormat } from './header';
import { ageProblem, type AgeProblem } from './problems';
import { ensureSubtle } from './subtle-shim';

/** What opens a file: its passphrase, or the user's secret keys (`AGE-SECRET-KEY-1…`). */
export type AgeDecryptKey =
  | { passphrase: string; identities?: undefined }
  | { identities: readonly string[]; passphrase?: undefined };

export interface AgeDecryptOptions {
  onStage?: (stage: AgeStage) => void;
}

export type AgeDecryptResult =
  { ok: true; bytes: Uint8Array; format: AgeFormat } | { ok: false; problem: AgeProblem };

/** The library's words when no passphrase or key fits (recipients.js / index.js, 0.3.1). */
const NO_MATCH = "no identity matched any of the file's recipients";

/**
 * Decrypts `data`, the bytes of the file the user chose (`file` is its name, for messages).
 * @example await decryptAge('kit.json.age', bytes, { passphrase: 'correct horse' })
 * // { ok: false, problem: { code: 'age.wrong-passphrase', … } } or { ok: true, bytes, format }
 */
export async function decryptAge(
  file: string,
  data: Uint8Array,
  key: AgeDecryptKey,
  options: AgeDecryptOptions = {}
): Promise<AgeDecryptResult> {
  const opened = unarmor(file, data);
  if (!opened.ok) return opened;
  const header = inspectBinary(file, opened.format, opened.binary);
  if (!header.ok) return header;
  const usesPassphrase = typeof key.passphrase === 'string';
  if (header.needs === 'passphrase' && !usesPassphrase) {
    return { ok: false, problem: ageProblem(file, 'age.needs-passphrase') };
  }
  if (header.needs === 'identity' && usesPassphrase) {
    return { ok: false, problem: ageProblem(file, 'age.needs-identity') };
  }
  const decrypter = new Decrypter();
  if (key.passphrase !== undefined) {
    if (key.passphrase === '') {
      return { ok: false, problem: ageProblem(file, 'age.passphrase-empty') };
    }
    decrypter.addPassphrase(key.passphrase);
  } else {
    for (const identity of key.identities ?? []) {
      try {
        decrypter.addIdentity(identity.trim());
      } catch {
        return { ok: false, problem: ageProblem(file, 'age.identity-invalid') };
      }
    }
  }
  ensureSubtle();
  let contents: ReadableStream<Uint8Array>;
  try {
    options.onStage?.(usesPassphrase ? 'deriving-key' : 'decrypting');
    // Given a stream, the library returns once the header is open (scrypt and the header's
    // MAC included); the contents are decrypted as they are read below.
    contents = await decrypter.decrypt(streamOf(opened.binary));
  } catch (error) {
    return { ok: false, problem: headerProblem(file, error, usesPassphrase, header) };
  }
  try {
    if (usesPassphrase) options.onStage?.('decrypting');
    return { ok: true, bytes: await readAll(contents), format: opened.format };
  } catch (error) {
    // The header opened with the right key, so a failure here is in the contents: a chunk that
    // fails its tag was changed, or the file was cut short (its last chunk then fails too).
    if (!isLibraryRefusal(error)) return { ok: false, problem: failed(file, error) };
    return { ok: false, problem: ageProblem(file, 'age.damaged', { part: 'contents' }) };
  }
}

/** Names a failure while the header was opened. */
function headerProblem(
  file: string,
  error: unknown,
  usesPassphrase: boolean,
  header: { needs: 'passphrase' } | { needs: 'identity'; recipients: number }
): AgeProblem {
  if (!isLibraryRefusal(error)) return failed(file, error);
  if (error.message === NO_MATCH) {
    if (usesPassphrase) return ageProblem(file, 'age.wrong-passphrase');
    const recipients = header.needs === 'identity' ? header.recipients : 1;
    return ageProblem(file, 'age.wrong-identity', { recipients });
  }
  // Everything else the library refuses in a header it could parse is damage: a MAC that does
  // not match, a stanza of the wrong size, base64 that is not canonical.
  return ageProblem(file, 'age.damaged', { part: 'header' });
}

/**
 * The library and @noble refuse bad input with plain `Error`s, and WebCrypto refuses a bad X25519
 * share (a low-order point) with an `OperationError` or `DataError`. A TypeError, RangeError or
 * ReferenceError means a defect (here or in the platform) and is reported as such, not as damage.
 */
function isLibraryRefusal(error: unknown): error is Error {
  if (error instanceof DOMException) {
    return error.name === 'OperationError' || error.name === 'DataError';
  }
  return error instanceof Error && error.constructor === Error;
}

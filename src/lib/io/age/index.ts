/**
 * Encrypted files in the age format (age-encryption.org/v1), through the `age-encryption`
 * package: no cryptography is written here. Files made here open with the standard `age` tool,
 * and files the tool makes open here. See docs/file-formats.md ("Encrypted files").
 *
 * Load this module lazily (`await import('$lib/io/age')`): the age code must stay out of the
 * first load. Nothing here throws for bad input; results are `{ ok: true, … }` or carry
 * problems shaped like `FileProblem` (`{ file, code, params, message }`, codes `age.*` listed in
 * `AgeProblemCode`), so a screen renders them like any import problem.
 *
 * In the browser — scrypt and large files, off the main thread (`client.ts`):
 * - `encryptInWorker(file, content: Uint8Array | string, key, options?)` → `AgeEncryptResult`
 *   `key` is `{ passphrase }` or `{ recipients: ['age1…', …] }`, never both;
 *   options `{ armor?, workFactor?, onStage?, signal? }`.
 *   `AgeEncryptResult` = `{ ok: true, bytes }` | `{ ok: false, problems: AgeProblem[] }`.
 * - `decryptInWorker(file, data: Uint8Array, key, options?)` → `AgeDecryptResult`
 *   `key` is `{ passphrase }` or `{ identities: ['AGE-SECRET-KEY-1…'] }`.
 *   `AgeDecryptResult` = `{ ok: true, bytes, format }` | `{ ok: false, problem: AgeProblem }`.
 * - `wrapIdentityInWorker(file, pair, passphrase, options?)` → `AgeEncryptResult`: the identity
 *   file (as `age-keygen` writes it) encrypted with a passphrase; `age -d` opens it.
 * - `unwrapIdentityInWorker(file, data, passphrase, options?)` → `AgeKeyPairResult`
 *   (`{ ok: true, pair }` | `{ ok: false, problem }`).
 *   Stages for a progress line: 'deriving-key' (scrypt), then 'encrypting' or 'decrypting'.
 *   Aborting `signal` stops the worker and answers `age.cancelled`.
 *
 * Anywhere (fast, same thread):
 * - `detectAge(bytes)` → 'binary' | 'armored' | null — route a chosen file to the age dialog.
 * - `inspectAge(file, bytes)` → `{ ok, format, needs: 'passphrase', workFactor }` |
 *   `{ ok, format, needs: 'identity', recipients }` | `{ ok: false, problem }` — what to ask for,
 *   read from the header without decrypting (an excessive work factor is refused here).
 * - `checkRecipient(file, key, position?)`, `checkRecipients(file, keys)`,
 *   `parseRecipientList(file, text)` — validate pasted public keys (one problem per bad key).
 * - `createIdentity()` → `AgeKeyPair` `{ identity, recipient, fingerprint }`;
 *   `keyPairOf(file, identity)`, `readIdentityText(file, text)` → `AgeKeyPairResult`;
 *   `recipientFingerprint(recipient)` → 'XXXX XXXX XXXX XXXX'; `identityFileText(pair, date)`.
 * - `ensureSubtle()` — on plain-http pages, makes the library use its pure-JavaScript X25519
 *   (every function here calls it; the page may call it once at start-up too).
 *
 * In Node (command line, tests, benchmarks) the same work runs on the calling thread:
 * `encryptAge`, `decryptAge`, `wrapIdentity`, `unwrapIdentity`, same arguments and results.
 */
export {
  encryptInWorker,
  decryptInWorker,
  wrapIdentityInWorker,
  unwrapIdentityInWorker,
  type AgeWorkerOptions
} from './client';
export {
  encryptAge,
  DEFAULT_WORK_FACTOR,
  type AgeEncryptKey,
  type AgeEncryptOptions,
  type AgeEncryptResult,
  type AgeStage
} from './encrypt';
export {
  decryptAge,
  type AgeDecryptKey,
  type AgeDecryptOptions,
  type AgeDecryptResult
} from './decrypt';
export { armorAge, detectAge, inspectAge, type AgeFormat, type AgeInspection } from './header';
export {
  createIdentity,
  identityFileText,
  keyPairOf,
  readIdentityText,
  recipientFingerprint,
  unwrapIdentity,
  wrapIdentity,
  type AgeKeyPair,
  type AgeKeyPairResult,
  type WrapIdentityOptions
} from './identity';
export {
  AGE_PROBLEM_CODES,
  ageProblem,
  WORK_FACTOR_LIMIT,
  type AgeProblem,
  type AgeProblemCode
} from './problems';
export {
  checkRecipient,
  checkRecipients,
  parseRecipientList,
  type RecipientResult,
  type RecipientsResult
} from './recipients';
export { ensureSubtle } from './subtle-shim';

/**
 * An advisor's key pair: the secret identity (`AGE-SECRET-KEY-1…`), its public key
 * (`age1…`, the recipient others encrypt to) and a short fingerprint of the public key to read
 * over the phone.
 *
 * The identity is never kept bare: `wrapIdentity` writes the standard age identity file (the
 * text `age-keygen` writes) and encrypts it with a passphrase, making an age scrypt file that
 * the standard tool opens (`age -d key.age`, or directly as `age -d -i key.age file.age`);
 * `unwrapIdentity` opens it again. Keys are made and read by the age library.
 *
 * Relative imports only: the worker and the command line load this file too.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptAge, type AgeDecryptOptions } from './decrypt';
import { encryptAge, type AgeEncryptOptions, type AgeEncryptResult } from './encrypt';
import { ageProblem, type AgeProblem } from './problems';
import { ensureSubtle } from './subtle-shim';

export interface AgeKeyPair {
  /** The secret key, `AGE-SECRET-KEY-1…`: whoever holds it opens every file sent to it. */
  identity: string;
  /** The public key, `age1…`: published, and pasted by whoever encrypts to its owner. */
  recipient: string;
  /** `recipientFingerprint(recipient)`, e.g. `3F2A 9C01 77BE D410`. */
  fingerprint: string;
}

export type AgeKeyPairResult = { ok: true; pair: AgeKeyPair } | { ok: false; problem: AgeProblem };

/**
 * A new X25519 key pair, from the library's generator (the platform's secure random numbers).
 * @example const { identity, recipient, fingerprint } = await createIdentity()
 */
export async function createIdentity(): Promise<AgeKeyPair> {
  ensureSubtle();
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  return { identity, recipient, fingerprint: recipientFingerprint(recipient) };
}

/**
 * The key pair of a secret key (its public key computed by the library), or why it is not one.
 * `file` names where the key came from, for the message; the key itself is never echoed.
 * @example await keyPairOf('pasted key', 'AGE-SECRET-KEY-1…') // { ok: true, pair: { recipient: 'age1…', … } }
 */
export async function keyPairOf(file: string, identity: string): Promise<AgeKeyPairResult> {
  const key = identity.trim();
  if (!key.startsWith('AGE-SECRET-KEY-1')) {
    return { ok: false, problem: ageProblem(file, 'age.identity-invalid') };
  }
  ensureSubtle();
  try {
    const recipient = await identityToRecipient(key);
    return {
      ok: true,
      pair: { identity: key, recipient, fingerprint: recipientFingerprint(recipient) }
    };
  } catch {
    return { ok: false, problem: ageProblem(file, 'age.identity-invalid') };
  }
}

/**
 * A short fingerprint of a public key, for two people to compare by phone: the first 8 bytes of
 * the SHA-256 of the key as written (`age1…`, ASCII), as 16 capital hex digits in 4 groups of 4.
 * Hex rather than base32: its 16 symbols are digits and the letters A to F, which read aloud
 * the same way in English and French and cannot be confused with each other (base32 mixes
 * letters and digits that sound or look alike). 64 bits are far more than a phone check needs:
 * making another key with the same fingerprint takes about 2^64 tries.
 * @example recipientFingerprint('age1…') // '3F2A 9C01 77BE D410'
 */
export function recipientFingerprint(recipient: string): string {
  const digest = sha256(new TextEncoder().encode(recipient.trim()));
  const hex = bytesToHex(digest.subarray(0, 8)).toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/**
 * The standard age identity file, as `age-keygen` writes it: two comment lines and the key.
 * @example identityFileText(pair, new Date('2025-03-01T09:30:00Z'))
 * // '# created: 2025-03-01T09:30:00Z\n# public key: age1…\nAGE-SECRET-KEY-1…\n'
 */
export function identityFileText(
  pair: Pick<AgeKeyPair, 'identity' | 'recipient'>,
  createdAt: Date
): string {
  const created = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `# created: ${created}\n# public key: ${pair.recipient}\n${pair.identity}\n`;
}

/**
 * The key in an identity file's text: the first line starting `AGE-SECRET-KEY-1` (comments and
 * blank lines are skipped, as the age tool does). Accepts what `age-keygen` writes, too.
 * @example await readIdentityText('key.txt', '# created: …\nAGE-SECRET-KEY-1…\n')
 */
export async function readIdentityText(file: string, text: string): Promise<AgeKeyPairResult> {
  const line = text
    .split(/\r?\n/)
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate.startsWith('AGE-SECRET-KEY-1'));
  if (line === undefined) {
    return { ok: false, problem: ageProblem(file, 'age.identity-file-invalid') };
  }
  return keyPairOf(file, line);
}

export interface WrapIdentityOptions extends AgeEncryptOptions {
  /** The date written in the file's `# created:` line; now unless given. */
  createdAt?: Date;
}

/**
 * The identity file, encrypted with `passphrase`: the only form in which the app keeps or saves
 * an identity. `file` is the name it will be saved under, for messages.
 * @example await wrapIdentity('ncs-key.age', pair, 'a long passphrase') // { ok: true, bytes }
 */
export function wrapIdentity(
  file: string,
  pair: Pick<AgeKeyPair, 'identity' | 'recipient'>,
  passphrase: string,
  options: WrapIdentityOptions = {}
): Promise<AgeEncryptResult> {
  const { createdAt = new Date(), ...encryptOptions } = options;
  return encryptAge(file, identityFileText(pair, createdAt), { passphrase }, encryptOptions);
}

/**
 * Opens a wrapped identity with its passphrase and returns the key pair inside. Also opens an
 * identity file encrypted by the age tool (`age -p key.txt`).
 * @example await unwrapIdentity('ncs-key.age', bytes, 'a long passphrase') // { ok: true, pair }
 */
export async function unwrapIdentity(
  file: string,
  data: Uint8Array,
  passphrase: string,
  options: AgeDecryptOptions = {}
): Promise<AgeKeyPairResult> {
  const opened = await decryptAge(file, data, { passphrase }, options);
  if (!opened.ok) return opened;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(opened.bytes);
  return readIdentityText(file, text);
}

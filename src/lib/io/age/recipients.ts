/**
 * Checks the public keys a file is encrypted to. Only X25519 age keys (`age1…`) are accepted:
 * they are what `age-keygen` and this app make, and what every age 1.x tool reads. Post-quantum
 * keys (`age1pq1…`) are refused because the age 1.1 tools most people have cannot open files
 * made for them; plugin, hardware and SSH keys need software the receiver may not have.
 *
 * The key itself is checked by the age library (bech32 checksum and a 32-byte key), never by code
 * written here. Relative imports only: the worker and the command line load this file too.
 */
import { Encrypter } from 'age-encryption';
import { ageProblem, shortKey, type AgeProblem } from './problems';

export type RecipientResult = { ok: true; recipient: string } | { ok: false; problem: AgeProblem };

export type RecipientsResult =
  { ok: true; recipients: string[] } | { ok: false; problems: AgeProblem[] };

/** Post-quantum recipients: native hybrid keys and hybrid hardware-tag keys. */
const POST_QUANTUM = /^age1(pq|tagpq)1/;
/**
 * bech32 puts a "1" between the name and the data, and the data never holds a "1": a key with
 * a second "1" after "age1" belongs to a plugin (`age1yubikey1…`) or another kind of recipient.
 */
const PLUGIN = /^age1[a-z0-9]*1/;
const SSH = /^(ssh-|ecdsa-sha2-|sk-ssh-|sk-ecdsa-)/;
const SECRET = /^AGE-(PLUGIN-[A-Z0-9]+-)?SECRET-KEY-/i;

/**
 * Checks one public key, as pasted or stored; `position` (1-based) names it in the message.
 * Surrounding spaces are ignored and an all-capitals key (bech32 allows it) is lowered.
 * @example checkRecipient('keys', 'age1pq1…', 2) // { ok: false, problem: { code: 'age.recipient-post-quantum', … } }
 */
export function checkRecipient(file: string, key: string, position = 1): RecipientResult {
  const trimmed = key.trim();
  const text = trimmed === trimmed.toUpperCase() ? trimmed.toLowerCase() : trimmed;
  const params = { position, recipient: shortKey(text) };
  if (SECRET.test(text)) {
    // Never echo a secret key back, not even shortened.
    return { ok: false, problem: ageProblem(file, 'age.recipient-is-secret', { position }) };
  }
  if (POST_QUANTUM.test(text)) {
    return { ok: false, problem: ageProblem(file, 'age.recipient-post-quantum', params) };
  }
  if (PLUGIN.test(text)) {
    const kind = 'a key for an age plugin or a hardware key';
    return {
      ok: false,
      problem: ageProblem(file, 'age.recipient-unsupported', { ...params, kind })
    };
  }
  if (SSH.test(text)) {
    const kind = 'an SSH public key';
    return {
      ok: false,
      problem: ageProblem(file, 'age.recipient-unsupported', { ...params, kind })
    };
  }
  if (!text.startsWith('age1')) {
    return { ok: false, problem: ageProblem(file, 'age.recipient-invalid', params) };
  }
  try {
    // The library checks the checksum and the key's length when it accepts a recipient.
    new Encrypter().addRecipient(text);
  } catch {
    return { ok: false, problem: ageProblem(file, 'age.recipient-invalid', params) };
  }
  return { ok: true, recipient: text };
}

/**
 * Checks every key; on success returns them normalised, each once, in their first order. On
 * failure returns one problem per bad key, so the user can fix them all at once.
 * @example checkRecipients('brief.pdf', ['age1…a', 'age1…a']) // { ok: true, recipients: ['age1…a'] }
 */
export function checkRecipients(file: string, keys: readonly string[]): RecipientsResult {
  const recipients: string[] = [];
  const problems: AgeProblem[] = [];
  keys.forEach((key, index) => {
    const result = checkRecipient(file, key, index + 1);
    if (!result.ok) problems.push(result.problem);
    else if (!recipients.includes(result.recipient)) recipients.push(result.recipient);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (recipients.length === 0) return { ok: false, problems: [ageProblem(file, 'age.no-key')] };
  return { ok: true, recipients };
}

/**
 * Reads pasted text or a recipients file as the age tool does: one key per line, blank lines and
 * lines starting with "#" ignored. Positions in messages count the keys, not the lines.
 * @example parseRecipientList('pasted', '# ministry\nage1…\n') // { ok: true, recipients: ['age1…'] }
 */
export function parseRecipientList(file: string, text: string): RecipientsResult {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return checkRecipients(file, keys);
}

/**
 * The advisor's key pair and the recipients a ministry encrypts to (docs/file-formats.md,
 * "Encrypted files"). The secret key is never kept bare: it lives only inside an age file
 * encrypted with its own passphrase, which the user must save before the app keeps the key; the
 * standard `age -d` opens that file too. Keys are made and checked by the age library, loaded
 * only here.
 */
import { m } from '$lib/paraglide/messages.js';
import {
  readOwnKey,
  readRecipients,
  writeOwnKey,
  writeRecipients,
  type StoredOwnKey
} from '$lib/storage/file-keys';
import { downloadClear } from '../download';
import { problemMessage } from '../problem-text';
import { MIN_PASSPHRASE, saving } from './saving.svelte';
import { forgetUnlockedKey } from './unlock.svelte';

export type KeyOutcome = { ok: true } | { ok: false; problem: string };

/** A key made and saved to a file, waiting for the user to say the file is kept safe. */
export interface PendingKey {
  stored: StoredOwnKey;
  fileName: string;
}

function keyFileName(): string {
  return `${m.files_key_file_name()}.age`;
}

function passphraseProblem(passphrase: string, repeated: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE) {
    return m.files_passphrase_too_short({ min: MIN_PASSPHRASE });
  }
  if (passphrase !== repeated) return m.files_passphrase_mismatch();
  return null;
}

/**
 * Makes a key pair, encrypts its identity file with `passphrase` (scrypt, in a worker) and saves
 * that file. The key is not kept yet: `keepKey` does it once the user confirms the file is safe.
 */
export async function createKey(
  passphrase: string,
  repeated: string
): Promise<{ ok: true; pending: PendingKey } | { ok: false; problem: string }> {
  const weak = passphraseProblem(passphrase, repeated);
  if (weak) return { ok: false, problem: weak };
  const age = await import('$lib/io/age');
  const pair = await age.createIdentity();
  const fileName = keyFileName();
  const createdAt = new Date();
  try {
    const wrapped = await age.wrapIdentityInWorker(fileName, pair, passphrase, {
      armor: true,
      createdAt,
      onStage: (stage) => (saving.work = stage)
    });
    if (!wrapped.ok) {
      return { ok: false, problem: wrapped.problems.map((p) => problemMessage(p)).join(' ') };
    }
    const text = new TextDecoder().decode(wrapped.bytes);
    downloadClear(fileName, text, 'application/octet-stream');
    return {
      ok: true,
      pending: {
        fileName,
        stored: {
          wrapped: text,
          recipient: pair.recipient,
          fingerprint: pair.fingerprint,
          createdAt: createdAt.toISOString()
        }
      }
    };
  } finally {
    saving.work = null;
  }
}

/** Keeps a key the user saved; it replaces any key this browser had. */
export function keepKey(pending: PendingKey): KeyOutcome {
  if (!writeOwnKey(pending.stored)) return { ok: false, problem: m.files_browser_refused() };
  forgetUnlockedKey();
  saving.reload();
  return { ok: true };
}

/**
 * Opens a key file (this app's, or an identity file encrypted with `age -p`) with its passphrase
 * and keeps it, still encrypted, in this browser.
 */
export async function loadKeyFile(file: File, passphrase: string): Promise<KeyOutcome> {
  const age = await import('$lib/io/age');
  const data = new Uint8Array(await file.arrayBuffer());
  try {
    const opened = await age.unwrapIdentityInWorker(file.name, data, passphrase, {
      onStage: (stage) => (saving.work = stage)
    });
    if (!opened.ok) return { ok: false, problem: problemMessage(opened.problem) };
    // Kept as the file was given, armoured so it fits in text storage.
    const wrapped = age.armorAge(data);
    const stored: StoredOwnKey = {
      wrapped,
      recipient: opened.pair.recipient,
      fingerprint: opened.pair.fingerprint,
      createdAt: new Date().toISOString()
    };
    return keepKey({ stored, fileName: file.name });
  } finally {
    saving.work = null;
  }
}

/** Saves the key file again, once its passphrase proves the user may have it. */
export async function saveKeyAgain(passphrase: string): Promise<KeyOutcome> {
  const own = readOwnKey();
  if (!own) return { ok: false, problem: m.files_open_no_key() };
  const age = await import('$lib/io/age');
  try {
    const opened = await age.unwrapIdentityInWorker(
      keyFileName(),
      new TextEncoder().encode(own.wrapped),
      passphrase,
      { onStage: (stage) => (saving.work = stage) }
    );
    if (!opened.ok) {
      return {
        ok: false,
        problem:
          opened.problem.code === 'age.wrong-passphrase'
            ? m.files_key_wrong_passphrase()
            : problemMessage(opened.problem)
      };
    }
    downloadClear(keyFileName(), own.wrapped, 'application/octet-stream');
    return { ok: true };
  } finally {
    saving.work = null;
  }
}

/** Removes this browser's key (its file, if saved, still opens everything sent to it). */
export function forgetKey(): void {
  writeOwnKey(null);
  forgetUnlockedKey();
  saving.reload();
}

/** Adds (or renames) a recipient from a pasted public key; the key is checked first. */
export async function addRecipient(name: string, pasted: string): Promise<KeyOutcome> {
  const label = name.trim();
  if (!label) return { ok: false, problem: m.files_recipient_needs_name() };
  const age = await import('$lib/io/age');
  const checked = age.checkRecipient(label, pasted);
  if (!checked.ok) return { ok: false, problem: problemMessage(checked.problem) };
  const key = checked.recipient;
  const others = readRecipients().filter((r) => r.key !== key);
  const list = [...others, { name: label, key, fingerprint: age.recipientFingerprint(key) }];
  if (!writeRecipients(list)) return { ok: false, problem: m.files_browser_refused() };
  saving.reload();
  return { ok: true };
}

export function removeRecipient(key: string): void {
  writeRecipients(readRecipients().filter((r) => r.key !== key));
  saving.choose(key, false);
  saving.reload();
}

/** Saves a new key's file once more (the first download was lost), before it is kept. */
export function savePendingAgain(pending: PendingKey): void {
  downloadClear(pending.fileName, pending.stored.wrapped, 'application/octet-stream');
}

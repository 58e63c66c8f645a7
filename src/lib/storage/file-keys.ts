/**
 * What this browser remembers for encrypted files, in `localStorage` (not IndexedDB, so a
 * backup — which reads the database only — never holds any of it; see docs/file-formats.md,
 * "Encrypted files"):
 *
 * - the advisor's own key, only as the age file that encrypts it under its passphrase, with its
 *   public key and fingerprint (public, shown on screen);
 * - the recipients the user added (a name and a public key each);
 * - how files are saved: in clear, with a passphrase, or to chosen recipients (the passphrase
 *   itself is never stored), and the CSV delimiter of exports.
 */

const KEY = 'ncs-files/own-key';
const RECIPIENTS = 'ncs-files/recipients';
const SAVING = 'ncs-files/saving';

export interface StoredOwnKey {
  /** The identity file encrypted with its passphrase, armoured (text). */
  wrapped: string;
  recipient: string;
  fingerprint: string;
  createdAt: string;
}

export interface StoredRecipient {
  name: string;
  key: string;
  fingerprint: string;
}

export interface SavingChoice {
  mode: 'clear' | 'passphrase' | 'recipients';
  /** Public keys of the chosen recipients (mode 'recipients'). */
  recipients: string[];
  delimiter: ',' | ';';
}

export const DEFAULT_SAVING: SavingChoice = { mode: 'clear', recipients: [], delimiter: ',' };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when site data is blocked.
    return null;
  }
}

function read(name: string): unknown {
  try {
    const text = storage()?.getItem(name);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function write(name: string, value: unknown): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (value === null) store.removeItem(name);
    else store.setItem(name, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

export function readOwnKey(): StoredOwnKey | null {
  const v = read(KEY) as Partial<StoredOwnKey> | null;
  if (!v || !isText(v.wrapped) || !isText(v.recipient) || !isText(v.fingerprint)) return null;
  return {
    wrapped: v.wrapped,
    recipient: v.recipient,
    fingerprint: v.fingerprint,
    createdAt: isText(v.createdAt) ? v.createdAt : ''
  };
}

/** Keeps (or with null forgets) the wrapped key; false when the browser refused. */
export function writeOwnKey(key: StoredOwnKey | null): boolean {
  return write(KEY, key);
}

export function readRecipients(): StoredRecipient[] {
  const v = read(RECIPIENTS);
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is StoredRecipient =>
      typeof r === 'object' &&
      r !== null &&
      isText((r as StoredRecipient).name) &&
      isText((r as StoredRecipient).key) &&
      isText((r as StoredRecipient).fingerprint)
  );
}

export function writeRecipients(list: readonly StoredRecipient[]): boolean {
  return write(RECIPIENTS, list);
}

export function readSaving(): SavingChoice {
  const v = read(SAVING) as Partial<SavingChoice> | null;
  if (!v) return { ...DEFAULT_SAVING };
  return {
    // A passphrase is never remembered, so a saved choice is clear or recipients.
    mode: v.mode === 'recipients' ? 'recipients' : 'clear',
    recipients: Array.isArray(v.recipients) ? v.recipients.filter(isText) : [],
    delimiter: v.delimiter === ';' ? ';' : ','
  };
}

export function writeSaving(choice: SavingChoice): boolean {
  return write(SAVING, {
    mode: choice.mode === 'passphrase' ? 'clear' : choice.mode,
    recipients: choice.recipients,
    delimiter: choice.delimiter
  });
}

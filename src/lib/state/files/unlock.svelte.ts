/**
 * Opening encrypted files the user chose to import. Every import screen passes its chosen files
 * through `openChosenFiles`: a file in the age format (binary or armoured) is recognised, the
 * dialog of the layout (`UnlockDialog.svelte`) asks for its passphrase or for the passphrase of
 * this browser's key, and the decrypted file goes on to the same checks as a file in clear.
 * Nothing is written while a file is opened. See docs/file-formats.md ("Encrypted files").
 */
import { m } from '$lib/paraglide/messages.js';
import { readOwnKey } from '$lib/storage/file-keys';
import { saving } from './saving.svelte';

export interface UnlockRequest {
  file: string;
  /** What opens it; 'refused' when it cannot be opened at all (`problem` says why). */
  needs: 'passphrase' | 'identity' | 'refused';
  /** Why the last try failed (or why it is refused), in the interface language. */
  problem: string;
  busy: boolean;
}

/** The key pair opened in this page, kept in memory only until the page closes. */
let unlockedIdentity: { recipient: string; identity: string } | null = null;

class Unlocking {
  request = $state<UnlockRequest | null>(null);
  #data: Uint8Array = new Uint8Array();
  #settle: ((bytes: Uint8Array | null) => void) | null = null;

  /** Asks the user, resolves with the decrypted bytes or null when cancelled. */
  ask(request: UnlockRequest, data: Uint8Array): Promise<Uint8Array | null> {
    this.#settle?.(null);
    this.#data = data;
    this.request = request;
    return new Promise((settle) => (this.#settle = settle));
  }

  /** Tries the typed passphrase (the file's, or the key's). */
  async submit(secret: string): Promise<void> {
    const request = this.request;
    if (!request || request.busy || request.needs === 'refused') return;
    request.busy = true;
    request.problem = '';
    const opened = await decrypt(request.file, this.#data, request.needs, secret);
    if (this.request !== request) return;
    request.busy = false;
    if (opened.ok) this.#finish(opened.bytes);
    else request.problem = opened.problem;
  }

  cancel(): void {
    this.#finish(null);
  }

  #finish(bytes: Uint8Array | null): void {
    const settle = this.#settle;
    this.#settle = null;
    this.request = null;
    this.#data = new Uint8Array();
    settle?.(bytes);
  }
}

export const unlocking = new Unlocking();

type Opened = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

async function decrypt(
  file: string,
  data: Uint8Array,
  needs: 'passphrase' | 'identity',
  secret: string
): Promise<Opened> {
  const [age, { problemMessage }] = await Promise.all([
    import('$lib/io/age'),
    import('../problem-text')
  ]);
  const onStage = (stage: 'deriving-key' | 'encrypting' | 'decrypting') => (saving.work = stage);
  try {
    if (needs === 'passphrase') {
      const result = await age.decryptInWorker(file, data, { passphrase: secret }, { onStage });
      return result.ok ? result : { ok: false, problem: problemMessage(result.problem) };
    }
    const own = readOwnKey();
    if (!own) return { ok: false, problem: m.files_open_no_key() };
    if (unlockedIdentity?.recipient !== own.recipient) {
      const pair = await age.unwrapIdentityInWorker(
        m.files_key_file_name(),
        new TextEncoder().encode(own.wrapped),
        secret,
        { onStage }
      );
      if (!pair.ok) {
        return {
          ok: false,
          problem:
            pair.problem.code === 'age.wrong-passphrase'
              ? m.files_key_wrong_passphrase()
              : problemMessage(pair.problem)
        };
      }
      unlockedIdentity = { recipient: pair.pair.recipient, identity: pair.pair.identity };
    }
    const result = await age.decryptInWorker(
      file,
      data,
      { identities: [unlockedIdentity.identity] },
      { onStage }
    );
    return result.ok ? result : { ok: false, problem: problemMessage(result.problem) };
  } finally {
    saving.work = null;
  }
}

/** Forgets the key opened in this page (the key was removed or replaced). */
export function forgetUnlockedKey(): void {
  unlockedIdentity = null;
}

/** True when this page already opened this browser's key. */
export function keyIsOpen(): boolean {
  const own = readOwnKey();
  return own !== null && unlockedIdentity?.recipient === own.recipient;
}

/**
 * The chosen files, each encrypted one opened (its name without `.age`). Null when the user
 * cancelled or a file cannot be opened (the dialog said why); files in clear pass unchanged.
 */
export async function openChosenFiles(files: readonly File[]): Promise<File[] | null> {
  const opened: File[] = [];
  for (const file of files) {
    const start = new Uint8Array(await file.slice(0, 512).arrayBuffer());
    if (!looksLikeAge(start)) {
      opened.push(file);
      continue;
    }
    const bytes = await openAgeFile(file);
    if (!bytes) return null;
    const name = file.name.replace(/\.age$/i, '') || file.name;
    opened.push(new File([bytes as BlobPart], name, { lastModified: file.lastModified }));
  }
  return opened;
}

/**
 * A quick look at a file's start, so files in clear never load the age code: the binary
 * version line, or the armour's first line after blank space. The age code checks again.
 */
function looksLikeAge(start: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(start)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return (
    head.startsWith('age-encryption.org/') || head.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')
  );
}

async function openAgeFile(file: File): Promise<Uint8Array | null> {
  const [age, { problemMessage }, buffer] = await Promise.all([
    import('$lib/io/age'),
    import('../problem-text'),
    file.arrayBuffer()
  ]);
  const data = new Uint8Array(buffer);
  const inspected = age.inspectAge(file.name, data);
  const base = { file: file.name, busy: false };
  if (!inspected.ok) {
    return unlocking.ask(
      { ...base, needs: 'refused', problem: problemMessage(inspected.problem) },
      data
    );
  }
  if (inspected.needs === 'passphrase') {
    return unlocking.ask({ ...base, needs: 'passphrase', problem: '' }, data);
  }
  if (!readOwnKey()) {
    return unlocking.ask({ ...base, needs: 'refused', problem: m.files_open_no_key() }, data);
  }
  if (keyIsOpen() && unlockedIdentity) {
    const result = await age.decryptInWorker(file.name, data, {
      identities: [unlockedIdentity.identity]
    });
    if (result.ok) return result.bytes;
    return unlocking.ask(
      { ...base, needs: 'refused', problem: problemMessage(result.problem) },
      data
    );
  }
  return unlocking.ask({ ...base, needs: 'identity', problem: '' }, data);
}

/**
 * Encrypting a file as the user chose to save it (`saving`): loaded only when a file is saved
 * encrypted, with the age code and the problem texts.
 */
import type { FileProblem } from '$lib/domain/problems';
import { m } from '$lib/paraglide/messages.js';
import { problemMessage } from '../problem-text';
import { MIN_PASSPHRASE, saving } from './saving.svelte';

/** A file as it will be saved. */
export interface SavedFile {
  name: string;
  blob: Blob;
}

/**
 * The file as the current choice saves it: unchanged in clear, else encrypted (binary age,
 * `.age` added to the name). Throws an Error with the reason, in the interface language, when
 * the choice is incomplete or encrypting fails; nothing is saved then.
 */
export async function protectForSaving(name: string, blob: Blob): Promise<SavedFile> {
  if (saving.mode === 'clear') return { name, blob };
  if (!saving.encrypting) {
    throw new Error(
      saving.mode === 'passphrase'
        ? m.files_save_needs_passphrase({ min: MIN_PASSPHRASE })
        : m.files_save_needs_recipients()
    );
  }
  const file = `${name}.age`;
  const key =
    saving.mode === 'passphrase'
      ? { passphrase: saving.passphrase }
      : { recipients: [...saving.chosen] };
  const [{ encryptInWorker }, bytes] = await Promise.all([
    import('$lib/io/age'),
    blob.arrayBuffer()
  ]);
  try {
    const result = await encryptInWorker(file, new Uint8Array(bytes), key, {
      onStage: (stage) => (saving.work = stage)
    });
    if (!result.ok) throw new Error(problemsText(result.problems));
    return {
      name: file,
      blob: new Blob([result.bytes as BlobPart], { type: 'application/octet-stream' })
    };
  } finally {
    saving.work = null;
  }
}

/** Problems as one text, each in the interface language. */
export function problemsText(problems: readonly FileProblem[]): string {
  return problems.map((p) => problemMessage(p)).join(' ');
}

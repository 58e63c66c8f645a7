/**
 * Saves text or bytes as a file through the browser's download (works offline, no server).
 * Every export goes through `download`, which encrypts the file first when the user chose to
 * save files encrypted (see `files/saving.svelte.ts`); `downloadClear` is for the one file that
 * is already encrypted on its own terms, the advisor's key file.
 */
import { saving } from './files/saving.svelte';

function toBlob(content: string | Blob | Uint8Array, type: string): Blob {
  return content instanceof Blob
    ? content
    : new Blob([content as BlobPart], { type: `${type};charset=utf-8` });
}

/** Hands the file to the browser's download. */
export function downloadClear(
  name: string,
  content: string | Blob | Uint8Array,
  type = 'text/plain'
): void {
  const url = URL.createObjectURL(toBlob(content, type));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a file as the user chose: in clear, or encrypted (`.age` added). Returns the name it was
 * saved under; throws with the reason when it could not be encrypted (nothing is saved then).
 * @example await download('Kenya_answers.csv', csv, 'text/csv') // 'Kenya_answers.csv.age'
 */
export async function download(
  name: string,
  content: string | Blob | Uint8Array,
  type = 'text/plain'
): Promise<string> {
  const blob = toBlob(content, type);
  if (saving.mode === 'clear') {
    downloadClear(name, blob);
    return name;
  }
  const { protectForSaving } = await import('./files/protect');
  const saved = await protectForSaving(name, blob);
  downloadClear(saved.name, saved.blob);
  return saved.name;
}

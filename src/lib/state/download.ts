/** Saves text or bytes as a file through the browser's download (works offline, no server). */
export function download(
  name: string,
  content: string | Blob | Uint8Array,
  type = 'text/plain'
): void {
  const blob =
    content instanceof Blob
      ? content
      : new Blob([content as BlobPart], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from free text: "Côte d’Ivoire" → "Cote-dIvoire". */
export function fileSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

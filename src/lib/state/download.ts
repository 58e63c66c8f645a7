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

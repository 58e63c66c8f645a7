/**
 * The embedded fonts. jsPDF's built-in fonts only know Windows-1252 and silently corrupt
 * Łódź, Greek and Cyrillic (docs/file-formats.md, "PDF reports"), so every report embeds Noto
 * Sans, shipped in static/fonts (SIL OFL, see OFL.txt there), as a Unicode (Identity-H) font in both weights.
 */
import { asset } from '$app/paths';
import type { jsPDF } from 'jspdf';
import { m } from '$lib/paraglide/messages.js';

export const FONT_FAMILY = 'NotoSans';

const FILES = {
  normal: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf'
} as const;

export type FontFiles = Record<keyof typeof FILES, string>;

let loading: Promise<FontFiles> | null = null;

async function fetchBase64(file: string): Promise<string> {
  const response = await fetch(asset(`/fonts/${file}` as '/'));
  if (!response.ok) {
    throw new Error(m.reports_font_failed({ file, status: String(response.status) }));
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  // btoa needs a binary string; build it in chunks (spreading 100 KB at once overflows the stack).
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Both faces as base64, fetched from the app's own files once per page load. */
export function loadFonts(): Promise<FontFiles> {
  loading ??= Promise.all([fetchBase64(FILES.normal), fetchBase64(FILES.bold)]).then(
    ([normal, bold]) => ({ normal, bold })
  );
  loading.catch(() => (loading = null));
  return loading;
}

/** Registers both faces with a document (jsPDF keeps fonts per document) and selects regular. */
export function embedFonts(doc: jsPDF, fonts: FontFiles): void {
  for (const style of ['normal', 'bold'] as const) {
    doc.addFileToVFS(FILES[style], fonts[style]);
    doc.addFont(FILES[style], FONT_FAMILY, style, undefined, 'Identity-H');
  }
  doc.setFont(FONT_FAMILY, 'normal');
}

/**
 * Build step for the built-in translation overlays (docs/languages.md, "Questionnaire
 * translations"): reads every `questionnaires/i18n/<language>/<id>.yaml`, checks it against the
 * current edition of `<id>`, and stops the build on an invalid one (bad YAML, the format, another
 * questionnaire's id, a stale base version, a key the base lacks). Strings left in English do
 * not stop it: they fall back, and `npm run validate` lists them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemPlace, type FileProblem } from '../src/lib/domain/problems.ts';
import {
  OVERLAY_LANGUAGES,
  type QuestionnaireOverlay
} from '../src/lib/domain/questionnaire/overlay-schema.ts';
import type { Questionnaire } from '../src/lib/domain/questionnaire/schema';
import { parseOverlayText } from '../src/lib/io/overlay-file.ts';

export class OverlayBuildError extends Error {}

export interface OverlayFile {
  /** As shown to people: `questionnaires/i18n/fr/<id>.yaml`. */
  shown: string;
  language: string;
  /** The questionnaire id the file name gives. */
  id: string;
  text: string;
}

/** Every overlay file under `questionnaires/i18n/`, in language then name order. */
export function overlayFiles(root: string): OverlayFile[] {
  const dir = join(root, 'questionnaires', 'i18n');
  if (!existsSync(dir)) return [];
  const files: OverlayFile[] = [];
  for (const language of readdirSync(dir).sort()) {
    const langDir = join(dir, language);
    for (const name of readdirSync(langDir).sort()) {
      if (!/\.ya?ml$/i.test(name)) continue;
      files.push({
        shown: `questionnaires/i18n/${language}/${name}`,
        language,
        id: name.replace(/\.ya?ml$/i, ''),
        text: readFileSync(join(langDir, name), 'utf8')
      });
    }
  }
  return files;
}

export type CheckedOverlay =
  | { file: OverlayFile; ok: true; overlay: QuestionnaireOverlay; warnings: FileProblem[] }
  | { file: OverlayFile; ok: false; problems: FileProblem[] };

/** One overlay file checked against the current edition its name gives. */
export function checkOverlayFile(
  file: OverlayFile,
  current: readonly Questionnaire[]
): CheckedOverlay {
  const refuse = (code: string, params: Record<string, string>): CheckedOverlay => ({
    file,
    ok: false,
    problems: [{ file: file.shown, code, params }]
  });
  if (!(OVERLAY_LANGUAGES as readonly string[]).includes(file.language)) {
    return refuse('overlay.unknown-language', { language: file.language });
  }
  const base = current.find((q) => q.id === file.id);
  if (!base) return refuse('overlay.no-base', { id: file.id });
  const result = parseOverlayText(base, file.shown, file.text);
  if (!result.ok) return { file, ok: false, problems: result.problems };
  if (result.overlay.language !== file.language) {
    return refuse('overlay.wrong-language', {
      language: result.overlay.language,
      expected: file.language
    });
  }
  return { file, ok: true, overlay: result.overlay, warnings: result.warnings };
}

function line(p: FileProblem): string {
  return `${problemPlace(p)}: ${p.code}${p.params ? ` ${JSON.stringify(p.params)}` : ''}`;
}

/**
 * The built-in overlays by `id@version/language`, or an error naming every refused file and
 * the path inside it.
 */
export function compileOverlays(
  root: string,
  current: readonly Questionnaire[]
): Map<string, QuestionnaireOverlay> {
  const out = new Map<string, QuestionnaireOverlay>();
  const problems: string[] = [];
  for (const file of overlayFiles(root)) {
    const checked = checkOverlayFile(file, current);
    if (checked.ok) {
      const o = checked.overlay;
      out.set(`${o.id}@${o.baseVersion}/${o.language}`, o);
    } else problems.push(...checked.problems.map(line));
  }
  if (problems.length > 0) {
    throw new OverlayBuildError(
      `Invalid translation file(s) (run npm run validate for the sentences):\n${problems.join('\n')}`
    );
  }
  return out;
}

/**
 * Reads a questionnaire's translation overlay (docs/file-formats.md, "Translation overlay"):
 * the YAML or JSON text, the overlay format, then the base it translates. Shared by the build,
 * `npm run validate`, the content rules and the bundle import, so a translator sees the same
 * problems everywhere. Relative imports only: the Vite config loads this file.
 */
import type { FileProblem } from '../domain/problems';
import {
  isBlockingOverlayProblem,
  overlayProblems,
  validateOverlay,
  type QuestionnaireOverlay
} from '../domain/questionnaire/overlay.ts';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { readDocumentText } from './questionnaire-file.ts';

export type OverlayFileResult =
  | {
      ok: true;
      overlay: QuestionnaireOverlay;
      /** Strings left in English (`overlay.untranslated`): reported, never refused. */
      warnings: FileProblem[];
    }
  | { ok: false; problems: FileProblem[] };

/**
 * Checks already-read overlay data against the format and against `base`: refused on a format
 * problem, another questionnaire's id, a stale base version or a key the base lacks.
 * @example checkOverlayData(privacy, data, 'fr/privacy.yaml').ok // true
 */
export function checkOverlayData(
  base: Questionnaire,
  data: unknown,
  file: string
): OverlayFileResult {
  const valid = validateOverlay(data, file);
  if (!valid.ok) return valid;
  const problems = overlayProblems(base, valid.overlay, file);
  const blocking = problems.filter(isBlockingOverlayProblem);
  return blocking.length > 0
    ? { ok: false, problems: blocking }
    : { ok: true, overlay: valid.overlay, warnings: problems };
}

/**
 * Parses an overlay file's text and checks it against `base`.
 * @example parseOverlayText(privacy, 'questionnaires/i18n/fr/privacy.yaml', text)
 */
export function parseOverlayText(
  base: Questionnaire,
  file: string,
  text: string
): OverlayFileResult {
  const read = readDocumentText(file, text);
  return read.ok ? checkOverlayData(base, read.data, file) : read;
}

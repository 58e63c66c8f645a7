/**
 * The translation overlays a bundle carries (docs/file-formats.md, "Assessment bundle"): each
 * one translates a questionnaire version of the same bundle, and is checked against it as the
 * build checks a built-in one (docs/languages.md). Strings an overlay leaves out fall back to
 * English, so a partial translation is accepted; anything else wrong refuses the whole file.
 *
 * Relative imports only: the command-line tools load this file too.
 */
import type { FileProblem } from '../domain/problems';
import {
  isBlockingOverlayProblem,
  overlayFits,
  overlayProblems,
  validateOverlay,
  type QuestionnaireOverlay
} from '../domain/questionnaire/overlay.ts';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { versionKey } from '../domain/questionnaire/version';

type Sink = (path: readonly PropertyKey[], code: string, params?: FileProblem['params']) => void;

/**
 * The overlays of `raw` (the content's `overlays`, absent in files made before overlays
 * existed), each reported at `at` + its index + the path inside it; undefined when one is wrong.
 * @example parseBundleOverlays(content.overlays, questionnaires, ['content', 'overlays'], issue)
 */
export function parseBundleOverlays(
  raw: unknown,
  questionnaires: readonly Questionnaire[],
  at: readonly PropertyKey[],
  issue: Sink
): QuestionnaireOverlay[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issue(at, 'bundle.overlays-shape');
    return undefined;
  }
  const out: QuestionnaireOverlay[] = [];
  const seen = new Set<string>();
  let ok = true;
  raw.forEach((value, i) => {
    const where = [...at, i];
    const valid = validateOverlay(value, '');
    if (!valid.ok) {
      // The schema's problems hold the path inside the overlay, formatted; keep it readable.
      for (const p of valid.problems) {
        issue(p.path ? [...where, ...p.path.split('.')] : where, p.code, p.params);
      }
      ok = false;
      return;
    }
    const o = valid.overlay;
    const base = questionnaires.find((q) => q.id === o.id && q.version === o.baseVersion);
    if (!base || !overlayFits(base, o)) {
      issue(where, 'bundle.overlay-no-questionnaire', { id: o.id, version: o.baseVersion });
      ok = false;
      return;
    }
    const key = `${versionKey(o.id, o.baseVersion)}/${o.language}`;
    if (seen.has(key)) {
      issue(where, 'bundle.overlay-twice', { key });
      ok = false;
      return;
    }
    seen.add(key);
    const blocking = overlayProblems(base, o, '').filter(isBlockingOverlayProblem);
    for (const p of blocking) {
      issue(p.path ? [...where, ...p.path.split('.')] : where, p.code, p.params);
    }
    if (blocking.length > 0) ok = false;
    else out.push(o);
  });
  return ok ? out : undefined;
}

/**
 * The overlays to write into a bundle: those of the versions it carries, once each.
 * @example bundleOverlays(overlays, included) // the French overlay of privacy 2.0.0
 */
export function overlaysOfVersions(
  overlays: readonly QuestionnaireOverlay[],
  questionnaires: readonly Questionnaire[]
): QuestionnaireOverlay[] {
  const wanted = new Set(questionnaires.map((q) => versionKey(q.id, q.version)));
  const seen = new Set<string>();
  return overlays.filter((o) => {
    const key = `${versionKey(o.id, o.baseVersion)}/${o.language}`;
    if (!wanted.has(versionKey(o.id, o.baseVersion)) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

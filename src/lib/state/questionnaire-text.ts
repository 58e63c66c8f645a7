/**
 * Questionnaire text in a language (docs/languages.md, "Questionnaire translations"). A
 * built-in overlay is a chunk of its own, loaded the first time its questionnaire is shown in
 * that language, never with the first load; an overlay stored with the version (from a bundle or
 * kit) serves the versions the app does not ship a translation for.
 */
import builtinOverlays, { titles as builtinTitles } from 'virtual:questionnaire-overlays';
import {
  applyOverlay,
  type LocalizedQuestionnaire,
  type QuestionnaireOverlay,
  type TextLanguage
} from '$lib/domain/questionnaire/overlay';
import { OVERLAY_LANGUAGES } from '$lib/domain/questionnaire/overlay-schema';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { versionKey } from '$lib/domain/questionnaire/version';
import { storedOverlay } from '$lib/storage/overlays';

export type { LocalizedQuestionnaire, TextLanguage };

/** The key of a built-in overlay in `virtual:questionnaire-overlays`: `id@version/language`. */
export function overlayKey(id: string, version: string, language: TextLanguage): string {
  return `${versionKey(id, version)}/${language}`;
}

const loaded = new Map<string, Promise<QuestionnaireOverlay | undefined>>();

async function findOverlay(
  q: Questionnaire,
  language: Exclude<TextLanguage, 'en'>
): Promise<QuestionnaireOverlay | undefined> {
  const builtin = builtinOverlays[overlayKey(q.id, q.version, language)];
  if (builtin) return (await builtin()).default;
  return storedOverlay(q.id, q.version, language);
}

/**
 * `q` in `language`: English is `q` itself, at once; another language takes the built-in
 * overlay of `q.id` at `q.version`, else one stored with that version, else none (every string
 * then stays English and is listed in `untranslated`, for the screens to mark).
 * @example (await loadQuestionnaireText(privacy, 'fr')).questionnaire.title
 */
export async function loadQuestionnaireText(
  q: Questionnaire,
  language: TextLanguage
): Promise<LocalizedQuestionnaire> {
  if (language === 'en') return applyOverlay(q, undefined, 'en');
  const key = overlayKey(q.id, q.version, language);
  let overlay = loaded.get(key);
  if (!overlay) {
    overlay = findOverlay(q, language);
    overlay.catch(() => loaded.delete(key));
    loaded.set(key, overlay);
  }
  return applyOverlay(q, await overlay, language);
}

export interface LocalizedTitle {
  title: string;
  /** The English title, for want of a translation. */
  untranslated: boolean;
}

/**
 * The titles of questionnaire versions in `language`, by `id@version`, without loading whole
 * translations: built-in titles come with the list of built-in overlays, stored ones from the
 * database.
 * @example (await loadQuestionnaireTitles(entries, 'fr')).get('privacy-data-protection@2.0.0')
 */
export async function loadQuestionnaireTitles(
  entries: readonly { id: string; version: string; title: string }[],
  language: TextLanguage
): Promise<Map<string, LocalizedTitle>> {
  const out = new Map<string, LocalizedTitle>();
  await Promise.all(
    entries.map(async (e) => {
      let title: string | undefined;
      if (language !== 'en') {
        const key = overlayKey(e.id, e.version, language);
        title = builtinOverlays[key]
          ? builtinTitles[key]
          : (await storedOverlay(e.id, e.version, language))?.title;
      }
      const translated = language === 'en' || (title !== undefined && title.trim() !== '');
      out.set(versionKey(e.id, e.version), {
        title: translated && title ? title : e.title,
        untranslated: !translated
      });
    })
  );
  return out;
}

/**
 * The app's own translations of these versions, for a bundle to carry (docs/file-formats.md).
 * @example await builtinOverlaysOf([privacy]) // [the French overlay of privacy 2.0.0]
 */
export async function builtinOverlaysOf(
  questionnaires: readonly Questionnaire[]
): Promise<QuestionnaireOverlay[]> {
  const loads = questionnaires.flatMap((q) =>
    OVERLAY_LANGUAGES.flatMap((language) => {
      const load = builtinOverlays[overlayKey(q.id, q.version, language)];
      return load ? [load().then((module) => module.default)] : [];
    })
  );
  return Promise.all(loads);
}

/** Forgets loaded overlays (after an import stored new ones). */
export function forgetQuestionnaireText(): void {
  loaded.clear();
}

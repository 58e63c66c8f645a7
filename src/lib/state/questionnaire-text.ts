/**
 * Questionnaire text in a language (docs/languages.md, "Questionnaire translations"). A
 * built-in overlay is a chunk of its own, loaded the first time its questionnaire is shown in
 * that language, never with the first load; an overlay stored with the version (from a bundle),
 * or carried by the workshop kit a group session reads, serves the versions the app does not ship
 * a translation for.
 */
import builtinOverlays, { titles as builtinTitles } from 'virtual:questionnaire-overlays';
import {
  applyOverlay,
  isUntranslated,
  questionPath,
  sectionPath,
  type LocalizedQuestionnaire,
  type QuestionTextField,
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
 * overlay of `q.id` at `q.version`, else one stored with that version — or, when `carried` is
 * given (a group session: nothing of the kit is stored in the database), the one of `carried` —
 * else none (every string then stays English and is listed in `untranslated`, for the screens
 * to mark).
 * @example (await loadQuestionnaireText(privacy, 'fr')).questionnaire.title
 */
export async function loadQuestionnaireText(
  q: Questionnaire,
  language: TextLanguage,
  carried?: readonly QuestionnaireOverlay[]
): Promise<LocalizedQuestionnaire> {
  if (language === 'en') return applyOverlay(q, undefined, 'en');
  if (carried) {
    const builtin = builtinOverlays[overlayKey(q.id, q.version, language)];
    const overlay = builtin
      ? (await builtin()).default
      : carried.find(
          (o) => o.id === q.id && o.baseVersion === q.version && o.language === language
        );
    return applyOverlay(q, overlay, language);
  }
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
 * Copies of `questionnaires` with the title in `language` (everything else as written): for a
 * reader that names questionnaires in its problems (the answers CSV), so the sentence shows the
 * title the user reads on screen, while the labels it matches stay the file format's English.
 * @example (await titledIn([privacy], 'fr'))[0].title // 'Protection de la vie privée et des données'
 */
export async function titledIn(
  questionnaires: readonly Questionnaire[],
  language: TextLanguage
): Promise<Questionnaire[]> {
  if (language === 'en') return [...questionnaires];
  const titles = await loadQuestionnaireTitles(questionnaires, language);
  return questionnaires.map((q) => {
    const title = titles.get(versionKey(q.id, q.version));
    return title && !title.untranslated ? { ...q, title: title.title } : q;
  });
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

/**
 * Which strings a screen shows stayed English, asked by what the screen holds — a questionnaire
 * id, a section id, a question id (a result row, an action) — rather than by path. Everything is
 * translated for a questionnaire not among `texts`.
 */
export interface UntranslatedLookup {
  title(questionnaireId: string): boolean;
  section(questionnaireId: string, sectionId: string): boolean;
  /** A field of a question (its text by default), or one entry of it (`levels`, `3`). */
  question(
    questionnaireId: string,
    questionId: string,
    field?: QuestionTextField,
    key?: string
  ): boolean;
  /**
   * The name another string gives a question (a cap's condition): its short title, else its
   * text.
   */
  name(questionnaireId: string, questionId: string): boolean;
  /** The recommendation shown beside an answer at `level` (docs/scoring.md: the gap list). */
  recommendation(
    questionnaireId: string,
    questionId: string,
    level: number | string | null
  ): boolean;
}

/**
 * @example untranslatedLookup(data.texts).question('privacy', 'data-law') // true: still English
 */
export function untranslatedLookup(texts: readonly LocalizedQuestionnaire[]): UntranslatedLookup {
  const byId = new Map(texts.map((t) => [t.questionnaire.id, t]));
  const placeOf = new Map(
    texts.flatMap((t) =>
      t.questionnaire.sections.flatMap((s) =>
        s.questions.map(
          (q) =>
            [
              `${t.questionnaire.id}/${q.id}`,
              { sectionId: s.id, shortTitle: q.shortTitle !== undefined }
            ] as const
        )
      )
    )
  );
  const at = (questionnaireId: string, path: string | undefined): boolean => {
    const text = byId.get(questionnaireId);
    return text !== undefined && path !== undefined && isUntranslated(text, path);
  };
  const question: UntranslatedLookup['question'] = (qid, questionId, field = 'text', key) => {
    const place = placeOf.get(`${qid}/${questionId}`);
    return at(qid, place && questionPath(place.sectionId, questionId, field, key));
  };
  return {
    title: (qid) => at(qid, 'title'),
    section: (qid, sectionId) => at(qid, sectionPath(sectionId, 'title')),
    question,
    name: (qid, questionId) =>
      question(
        qid,
        questionId,
        placeOf.get(`${qid}/${questionId}`)?.shortTitle ? 'shortTitle' : 'text'
      ),
    recommendation: (qid, questionId, level) =>
      level !== null && question(qid, questionId, 'recommendations', String(level))
  };
}

/** Forgets loaded overlays (after an import stored new ones). */
export function forgetQuestionnaireText(): void {
  loaded.clear();
}

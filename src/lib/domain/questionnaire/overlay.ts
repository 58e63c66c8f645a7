/**
 * Questionnaire text in another language (docs/languages.md, "Questionnaire translations"): an
 * overlay gives, by the base's ids, the translated strings; `applyOverlay` puts them into a copy
 * of the base and lists the strings that stay English. Ids, weights, caps, types, scale values
 * and option ids never change, so an assessment scores the same whatever its language.
 *
 * Paths name a string by ids, as the overlay file's keys do:
 * `title`, `summary`, `scale.3.label`, `references.coe-108`, `sections.law.title`,
 * `sections.law.questions.in-force.levels.2`, `sections.law.questions.in-force.evidence.0`.
 *
 * Relative imports only: the Vite config and the command-line tools load this file too.
 */
import type { FileProblem } from '../problems';
import { schemaProblems } from '../schema-problems.ts';
import {
  questionnaireOverlaySchema,
  type OverlayQuestion,
  type OverlaySection,
  type QuestionnaireOverlay
} from './overlay-schema.ts';
import type { Question, Questionnaire, Section } from './schema';
import { PATTERN_CODES, formatPath } from './validate.ts';

export type { QuestionnaireOverlay } from './overlay-schema.ts';

/** A language questionnaire text can be shown in: the base's English, or an overlay's. */
export type TextLanguage = 'en' | 'fr';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['en', 'fr'];

export interface LocalizedQuestionnaire {
  /** The base with every translated string replaced; everything else is the base's. */
  questionnaire: Questionnaire;
  language: TextLanguage;
  /** Paths of the strings left in English (always empty for English). */
  untranslated: ReadonlySet<string>;
}

/** The fields of a question that hold text. */
export type QuestionTextField =
  | 'text'
  | 'shortTitle'
  | 'guidance'
  | 'weightReason'
  | 'levels'
  | 'recommendations'
  | 'evidence'
  | 'options';

/** @example questionPath('law', 'in-force', 'levels', 2) // 'sections.law.questions.in-force.levels.2' */
export function questionPath(
  sectionId: string,
  questionId: string,
  field: QuestionTextField,
  key?: string | number
): string {
  const at = `sections.${sectionId}.questions.${questionId}.${field}`;
  return key === undefined ? at : `${at}.${key}`;
}

/** @example sectionPath('law', 'title') // 'sections.law.title' */
export function sectionPath(
  sectionId: string,
  field: 'title' | 'description' | 'weightReason'
): string {
  return `sections.${sectionId}.${field}`;
}

/** @example scalePath(3, 'label') // 'scale.3.label' */
export function scalePath(value: number, field: 'label' | 'description'): string {
  return `scale.${value}.${field}`;
}

/** @example referencePath('coe-108') // 'references.coe-108' */
export function referencePath(referenceId: string): string {
  return `references.${referenceId}`;
}

/** Whether the string at `path` fell back to English (docs/languages.md). */
export function isUntranslated(l: LocalizedQuestionnaire, path: string): boolean {
  return l.untranslated.has(path);
}

/** An overlay's own key (never one inherited from Object.prototype). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

/** Whether an overlay was written for this base: same id and the version it translates. */
export function overlayFits(base: Questionnaire, overlay: QuestionnaireOverlay): boolean {
  return overlay.id === base.id && overlay.baseVersion === base.version;
}

type Translate = (path: string, english: string, translated: string | undefined) => string;

function localizeRecord<R extends Record<string, string | undefined>>(
  english: R,
  translated: Readonly<Record<string, string>> | undefined,
  path: (key: string) => string,
  tr: Translate
): R {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(english)) {
    if (value !== undefined) out[key] = tr(path(key), value, own(translated, key));
  }
  return out as R;
}

function localizeQuestion(
  sectionId: string,
  q: Question,
  o: OverlayQuestion | undefined,
  tr: Translate
): Question {
  const at = (field: QuestionTextField, key?: string | number) =>
    questionPath(sectionId, q.id, field, key);
  const common = {
    text: tr(at('text'), q.text, o?.text),
    evidence: q.evidence.map((e, i) => tr(at('evidence', i), e, o?.evidence?.[i])),
    ...(q.shortTitle !== undefined && {
      shortTitle: tr(at('shortTitle'), q.shortTitle, o?.shortTitle)
    }),
    ...(q.guidance !== undefined && { guidance: tr(at('guidance'), q.guidance, o?.guidance) }),
    ...(q.weightReason !== undefined && {
      weightReason: tr(at('weightReason'), q.weightReason, o?.weightReason)
    })
  };
  if (q.type === 'choice') {
    return {
      ...q,
      ...common,
      options: q.options.map((opt) => ({
        ...opt,
        label: tr(at('options', opt.id), opt.label, own(o?.options, opt.id))
      }))
    };
  }
  const levels = localizeRecord(q.levels, o?.levels, (k) => at('levels', k), tr);
  const recommendations = localizeRecord(
    q.recommendations,
    o?.recommendations,
    (k) => at('recommendations', k),
    tr
  );
  return q.type === 'binary'
    ? { ...q, ...common, levels: levels as typeof q.levels, recommendations }
    : { ...q, ...common, levels, recommendations };
}

function localizeSection(s: Section, o: OverlaySection | undefined, tr: Translate): Section {
  return {
    ...s,
    title: tr(sectionPath(s.id, 'title'), s.title, o?.title),
    ...(s.description !== undefined && {
      description: tr(sectionPath(s.id, 'description'), s.description, o?.description)
    }),
    ...(s.weightReason !== undefined && {
      weightReason: tr(sectionPath(s.id, 'weightReason'), s.weightReason, o?.weightReason)
    }),
    questions: s.questions.map((q) => localizeQuestion(s.id, q, own(o?.questions, q.id), tr))
  };
}

/**
 * The base questionnaire in `language`. English (the default when no overlay is given) is the
 * base itself. Another language takes each string from the overlay; a string the overlay lacks
 * or leaves blank, or every string when the overlay is missing, is for another questionnaire or
 * translates another base version, stays English and is listed in `untranslated`.
 * @example applyOverlay(privacy, frOverlay).questionnaire.title // 'Protection de la vie privée…'
 */
export function applyOverlay(
  base: Questionnaire,
  overlay: QuestionnaireOverlay | undefined,
  language: TextLanguage = overlay?.language ?? 'en'
): LocalizedQuestionnaire {
  if (language === 'en') return { questionnaire: base, language, untranslated: new Set() };
  const o =
    overlay && overlay.language === language && overlayFits(base, overlay) ? overlay : undefined;
  const untranslated = new Set<string>();
  const tr: Translate = (path, english, translated) => {
    if (translated !== undefined && translated.trim() !== '') return translated;
    untranslated.add(path);
    return english;
  };
  const questionnaire: Questionnaire = {
    ...base,
    title: tr('title', base.title, o?.title),
    summary: tr('summary', base.summary, o?.summary),
    scale: base.scale.map((level) => {
      const ol = own(o?.scale, String(level.value));
      return {
        ...level,
        label: tr(scalePath(level.value, 'label'), level.label, ol?.label),
        description: tr(scalePath(level.value, 'description'), level.description, ol?.description)
      };
    }),
    references: base.references.map((r) => ({
      ...r,
      title: tr(referencePath(r.id), r.title, own(o?.references, r.id))
    })),
    sections: base.sections.map((s) => localizeSection(s, own(o?.sections, s.id), tr))
  };
  return { questionnaire, language, untranslated };
}

export type OverlayResult =
  { ok: true; overlay: QuestionnaireOverlay } | { ok: false; problems: FileProblem[] };

/**
 * Checks already-parsed data against the overlay format (not yet against its base).
 * @example validateOverlay(YAML.parse(text), 'fr/privacy.yaml').ok // true
 */
export function validateOverlay(data: unknown, file: string): OverlayResult {
  const parsed = questionnaireOverlaySchema.safeParse(data);
  return parsed.success
    ? { ok: true, overlay: parsed.data }
    : {
        ok: false,
        problems: schemaProblems(file, parsed.error.issues, {
          input: data,
          formatPath,
          patterns: PATTERN_CODES
        })
      };
}

/** Problems that do not stop a build or an import: the string falls back to English. */
export const OVERLAY_WARNING_CODES: ReadonlySet<string> = new Set(['overlay.untranslated']);

/** Whether a problem of an overlay refuses the file (anything but an untranslated string). */
export function isBlockingOverlayProblem(p: FileProblem): boolean {
  return !OVERLAY_WARNING_CODES.has(p.code);
}

function unknownKeys(
  present: object | undefined,
  allowed: readonly string[],
  path: (key: string) => string,
  file: string,
  out: FileProblem[]
): void {
  if (!present) return;
  for (const key of Object.keys(present)) {
    if (!allowed.includes(key)) {
      out.push({ file, path: path(key), code: 'overlay.unknown-key', params: { key } });
    }
  }
}

/** Keys of a question's overlay that its base question has no string for. */
function questionUnknownKeys(
  sectionId: string,
  q: Question,
  o: OverlayQuestion,
  file: string,
  out: FileProblem[]
): void {
  const at = (field: QuestionTextField, key?: string | number) =>
    questionPath(sectionId, q.id, field, key);
  const fields = ['text', 'evidence'];
  if (q.shortTitle !== undefined) fields.push('shortTitle');
  if (q.guidance !== undefined) fields.push('guidance');
  if (q.weightReason !== undefined) fields.push('weightReason');
  if (q.type === 'choice') fields.push('options');
  else fields.push('levels', 'recommendations');
  unknownKeys(o, fields, (k) => at(k as QuestionTextField), file, out);
  if (q.type === 'choice') {
    const ids = q.options.map((opt) => opt.id);
    unknownKeys(o.options, ids, (k) => at('options', k), file, out);
  } else {
    const levels = Object.keys(q.levels);
    const recs = Object.entries(q.recommendations)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    unknownKeys(o.levels, levels, (k) => at('levels', k), file, out);
    unknownKeys(o.recommendations, recs, (k) => at('recommendations', k), file, out);
  }
  (o.evidence ?? []).forEach((_, i) => {
    if (i >= q.evidence.length) {
      out.push({ file, path: at('evidence', i), code: 'overlay.unknown-key', params: { key: i } });
    }
  });
}

/**
 * Everything wrong with an overlay against its base, in reading order: an overlay for another
 * questionnaire (`overlay.wrong-id`) or another base version (`overlay.stale-version`) alone;
 * otherwise every key the base has no string for (`overlay.unknown-key`), then every string
 * left in English (`overlay.untranslated`, a warning: see `isBlockingOverlayProblem`).
 * @example overlayProblems(privacy, overlay, 'fr/privacy.yaml') // [] when complete
 */
export function overlayProblems(
  base: Questionnaire,
  overlay: QuestionnaireOverlay,
  file: string
): FileProblem[] {
  if (overlay.id !== base.id) {
    return [
      { file, path: 'id', code: 'overlay.wrong-id', params: { id: overlay.id, expected: base.id } }
    ];
  }
  if (overlay.baseVersion !== base.version) {
    return [
      {
        file,
        path: 'baseVersion',
        code: 'overlay.stale-version',
        params: { baseVersion: overlay.baseVersion, version: base.version }
      }
    ];
  }
  const out: FileProblem[] = [];
  const values = base.scale.map((l) => String(l.value));
  unknownKeys(overlay.scale, values, (k) => `scale.${k}`, file, out);
  const refs = base.references.map((r) => r.id);
  unknownKeys(overlay.references, refs, referencePath, file, out);
  const sectionIds = base.sections.map((s) => s.id);
  unknownKeys(overlay.sections, sectionIds, (k) => `sections.${k}`, file, out);
  for (const s of base.sections) {
    const os = own(overlay.sections, s.id);
    if (!os) continue;
    const fields = ['title', 'questions'];
    if (s.description !== undefined) fields.push('description');
    if (s.weightReason !== undefined) fields.push('weightReason');
    unknownKeys(os, fields, (k) => `sections.${s.id}.${k}`, file, out);
    const questionIds = s.questions.map((q) => q.id);
    unknownKeys(os.questions, questionIds, (k) => `sections.${s.id}.questions.${k}`, file, out);
    for (const q of s.questions) {
      const oq = own(os.questions, q.id);
      if (oq) questionUnknownKeys(s.id, q, oq, file, out);
    }
  }
  for (const path of applyOverlay(base, overlay).untranslated) {
    out.push({ file, path, code: 'overlay.untranslated' });
  }
  return out;
}

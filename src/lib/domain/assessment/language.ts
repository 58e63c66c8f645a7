/**
 * The language of an assessment's questionnaire text and reports (docs/languages.md, "An
 * assessment's language"). Records and files written before it existed have none: they read as
 * English. Apart from the schema (model.ts), so reports and screens can read it without zod.
 */
export const ASSESSMENT_LANGUAGES = ['en', 'fr'] as const;
export type AssessmentLanguage = (typeof ASSESSMENT_LANGUAGES)[number];

/** @example languageOf({}) // 'en' */
export function languageOf(a: { language?: AssessmentLanguage | undefined }): AssessmentLanguage {
  return a.language ?? 'en';
}

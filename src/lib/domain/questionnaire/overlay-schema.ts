/**
 * The translation overlay of a questionnaire (docs/languages.md, "Questionnaire translations";
 * docs/file-formats.md, "Translation overlay"): the base's ids as keys, and in their place the
 * text in another language. Every text is optional (a missing one falls back to the base's
 * English); which ids and keys may appear is checked against the base in `overlay.ts`, since a
 * schema alone cannot know them. Strict objects, so a misspelt field is a problem.
 *
 * Relative imports only: the Vite config and the command-line tools load this file too.
 */
import { z } from '../zod';
import { TEXT_LIMITS } from '../field-rules.ts';
import { SEMVER_PATTERN } from './schema.ts';

/** The languages an overlay may be written in; English is the base's own. */
export const OVERLAY_LANGUAGES = ['fr'] as const;
export type OverlayLanguage = (typeof OVERLAY_LANGUAGES)[number];

/**
 * A translated string. Empty strings parse (a translator's file in progress stays readable) and
 * count as untranslated; the content rules refuse them in a finished file.
 */
function translated(max: number) {
  return z.string().max(max, `is longer than ${max.toLocaleString('en')} characters: shorten it`);
}
const short = translated(TEXT_LIMITS.short);
const text = translated(TEXT_LIMITS.text);
const texts = z.record(z.string(), text);
/**
 * A translated citation keeps the instrument's official English name in brackets where readers
 * search for it by that name (docs/languages.md), so it may run to twice a title's length.
 */
const citation = translated(2 * TEXT_LIMITS.short);

export const overlayScaleLevelSchema = z.strictObject({
  label: short.optional(),
  description: text.optional()
});

export const overlayQuestionSchema = z.strictObject({
  text: text.optional(),
  shortTitle: short.optional(),
  guidance: text.optional(),
  weightReason: text.optional(),
  levels: texts.optional(),
  recommendations: texts.optional(),
  evidence: z.array(text).optional(),
  options: z.record(z.string(), short).optional()
});

export const overlaySectionSchema = z.strictObject({
  title: short.optional(),
  description: text.optional(),
  weightReason: text.optional(),
  questions: z.record(z.string(), overlayQuestionSchema).optional()
});

export const questionnaireOverlaySchema = z.strictObject({
  /** The base questionnaire's id. */
  id: z.string().max(TEXT_LIMITS.id),
  language: z.enum(OVERLAY_LANGUAGES),
  /** The base version this file translates; another version of the base ignores it. */
  baseVersion: z
    .string()
    .max(50, 'is longer than 50 characters: use a version such as 1.0.0')
    .regex(SEMVER_PATTERN, 'use a semantic version such as 1.0.0'),
  title: short.optional(),
  summary: text.optional(),
  /** Scale value → label and description. */
  scale: z.record(z.string(), overlayScaleLevelSchema).optional(),
  /** Reference id → title. */
  references: z.record(z.string(), citation).optional(),
  sections: z.record(z.string(), overlaySectionSchema).optional()
});

export type QuestionnaireOverlay = z.infer<typeof questionnaireOverlaySchema>;
export type OverlayQuestion = z.infer<typeof overlayQuestionSchema>;
export type OverlaySection = z.infer<typeof overlaySectionSchema>;

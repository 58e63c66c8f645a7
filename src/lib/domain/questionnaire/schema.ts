/**
 * The questionnaire file format (docs/file-formats.md, "Questionnaire file"). Key names are a
 * contract with authors: the JSON Schema in `questionnaires/schema.json` is generated from this
 * file (`npm run schema`) and a unit test fails when the two drift apart.
 *
 * Imported with relative paths only: the Vite config and the command-line tools load it too.
 */
import { z } from 'zod';
import { TEXT_LIMITS } from '../field-rules.ts';

/** Lower-case words joined by single hyphens; no dots, because ids become keys in records. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const idSchema = z
  .string()
  .max(TEXT_LIMITS.id, `is longer than ${TEXT_LIMITS.id} characters: shorten it`)
  .regex(ID_PATTERN, 'use lower-case letters, digits and single hyphens, e.g. "legal-framework"');

/** Non-empty text of at most the given length (docs/file-formats.md, "Limits"). */
function bounded(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max.toLocaleString('en')} characters: shorten it`);
}
/** Titles and labels: one line on a screen or a PDF heading. */
const title = bounded(TEXT_LIMITS.short);
/** Question texts, descriptors, guidance, recommendations. */
const text = bounded(TEXT_LIMITS.text);

/**
 * Weights lie between 0.01 and 100: every weighted sum then stays finite and exact enough (a
 * weight of 1e308 overflowed to NaN; one of 5e-324 rounded a score of 0.6 to 0).
 */
export const MIN_WEIGHT = 0.01;
export const MAX_WEIGHT = 100;
/** Most levels a scale may have, and the largest scale value either side of zero. */
export const MAX_SCALE_LEVELS = 20;
export const MAX_SCALE_VALUE = 1000;

const weightSchema = z
  .number()
  .min(MIN_WEIGHT, `must be between ${MIN_WEIGHT} and ${MAX_WEIGHT}`)
  .max(MAX_WEIGHT, `must be between ${MIN_WEIGHT} and ${MAX_WEIGHT}`)
  .default(1);

export const scaleLevelSchema = z.strictObject({
  value: z
    .number()
    .int('must be a whole number')
    .min(-MAX_SCALE_VALUE, `must be between -${MAX_SCALE_VALUE} and ${MAX_SCALE_VALUE}`)
    .max(MAX_SCALE_VALUE, `must be between -${MAX_SCALE_VALUE} and ${MAX_SCALE_VALUE}`),
  label: title,
  description: text
});

export const referenceSchema = z.strictObject({
  id: idSchema,
  title,
  url: z.string().max(2000, 'is longer than 2,000 characters: shorten it').optional()
});

/** `legal-framework#4.2`: a reference id declared by the questionnaire, optionally an item. */
export const REFERENCE_LINK_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(#.+)?$/;
const referenceLinkSchema = z
  .string()
  .max(TEXT_LIMITS.short, `is longer than ${TEXT_LIMITS.short} characters: shorten it`)
  .regex(REFERENCE_LINK_PATTERN, 'write a reference id, optionally followed by #item');

const questionBase = {
  id: idSchema,
  text,
  guidance: text.optional(),
  weight: weightSchema,
  weightReason: text.optional(),
  naAllowed: z.boolean().default(false),
  scored: z.boolean().default(true),
  evidence: z.array(text).default([]),
  references: z.array(referenceLinkSchema).default([])
};

export const LEVEL_KEY_PATTERN = /^-?\d+$/;
const levelKey = z.string().regex(LEVEL_KEY_PATTERN, 'level keys are the scale values');

export const maturityQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('maturity'),
  levels: z.record(levelKey, text),
  recommendations: z.record(levelKey, text).default({})
});

export const binaryQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('binary'),
  levels: z.strictObject({ no: text, partial: text, yes: text }),
  recommendations: z.strictObject({ no: text.optional(), partial: text.optional() }).default({})
});

export const questionSchema = z.discriminatedUnion('type', [
  maturityQuestionSchema,
  binaryQuestionSchema
]);

export const sectionSchema = z.strictObject({
  id: idSchema,
  title,
  description: text.optional(),
  weight: weightSchema,
  weightReason: text.optional(),
  questions: z.array(questionSchema).min(1, 'a section needs at least one question')
});

const questionnaireShape = z.strictObject({
  id: idSchema,
  version: z
    .string()
    .max(50, 'is longer than 50 characters: use a version such as 1.0.0')
    .regex(SEMVER_PATTERN, 'use a semantic version such as 1.0.0'),
  title,
  theme: idSchema,
  summary: text,
  scale: z
    .array(scaleLevelSchema)
    .min(2, 'a scale needs at least two levels')
    .max(MAX_SCALE_LEVELS, `a scale has at most ${MAX_SCALE_LEVELS} levels`),
  defaultTarget: z.number().int(),
  references: z.array(referenceSchema).default([]),
  sections: z.array(sectionSchema).min(1, 'a questionnaire needs at least one section')
});

type Shape = z.output<typeof questionnaireShape>;

/** Cross-field rules that a JSON Schema cannot express; each issue points at the offending key. */
function checkConsistency(q: Shape, ctx: z.RefinementCtx): void {
  // Each rule names its problem (a code and params, docs/languages.md "Problems"); the English
  // message is zod's own, never shown to users.
  const issue = (
    path: (string | number)[],
    message: string,
    code: string,
    params: Record<string, string | number> = {}
  ) => ctx.addIssue({ code: 'custom', path, message, params: { code, ...params } });

  const values = q.scale.map((l) => l.value);
  for (let i = 1; i < values.length; i++) {
    if (values[i]! <= values[i - 1]!) {
      issue(
        ['scale', i, 'value'],
        'scale values must be in ascending order, each used once',
        'questionnaire.scale-order'
      );
    }
  }
  if (!values.includes(q.defaultTarget)) {
    issue(
      ['defaultTarget'],
      `must be one of the scale values (${values.join(', ')})`,
      'questionnaire.target-off-scale',
      { values: values.join(', ') }
    );
  }
  const top = Math.max(...values);
  const refIds = new Set<string>();
  q.references.forEach((r, i) => {
    if (refIds.has(r.id)) {
      issue(
        ['references', i, 'id'],
        `duplicate reference id "${r.id}"`,
        'questionnaire.reference-twice',
        {
          id: r.id
        }
      );
    }
    refIds.add(r.id);
  });

  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  q.sections.forEach((section, si) => {
    if (sectionIds.has(section.id)) {
      issue(
        ['sections', si, 'id'],
        `duplicate section id "${section.id}"`,
        'questionnaire.section-twice',
        {
          id: section.id
        }
      );
    }
    sectionIds.add(section.id);
    if (section.weight !== 1 && !section.weightReason) {
      issue(
        ['sections', si, 'weightReason'],
        'explain why the weight is not 1',
        'questionnaire.weight-reason'
      );
    }
    section.questions.forEach((question, qi) => {
      const at = (...rest: (string | number)[]) => ['sections', si, 'questions', qi, ...rest];
      if (questionIds.has(question.id)) {
        issue(
          at('id'),
          `duplicate question id "${question.id}" (ids are unique in a questionnaire)`,
          'questionnaire.question-twice',
          { id: question.id }
        );
      }
      questionIds.add(question.id);
      if (question.weight !== 1 && !question.weightReason) {
        issue(at('weightReason'), 'explain why the weight is not 1', 'questionnaire.weight-reason');
      }
      question.references.forEach((link, ri) => {
        const refId = link.split('#')[0]!;
        if (!refIds.has(refId)) {
          issue(
            at('references', ri),
            `unknown reference "${refId}": declare it under references`,
            'questionnaire.reference-unknown',
            { id: refId }
          );
        }
      });
      if (question.type === 'maturity') {
        for (const v of values) {
          if (!question.levels[String(v)]) {
            issue(
              at('levels', String(v)),
              `describe level ${v}`,
              'questionnaire.level-undescribed',
              {
                level: v
              }
            );
          }
          if (question.scored && v < top && !question.recommendations[String(v)]) {
            issue(
              at('recommendations', String(v)),
              `give the next step for level ${v}`,
              'questionnaire.next-step-missing',
              { level: String(v) }
            );
          }
        }
        for (const key of Object.keys(question.levels)) {
          if (!values.includes(Number(key))) {
            issue(
              at('levels', key),
              `${key} is not a scale value`,
              'questionnaire.level-key-off-scale',
              {
                key
              }
            );
          }
        }
        for (const key of Object.keys(question.recommendations)) {
          if (!values.includes(Number(key)) || Number(key) === top) {
            issue(
              at('recommendations', key),
              `${key} is not a scale value below the top`,
              'questionnaire.next-step-key',
              { key }
            );
          }
        }
      } else if (question.scored) {
        if (!question.recommendations.no) {
          issue(
            at('recommendations', 'no'),
            'give the next step for "no"',
            'questionnaire.next-step-missing',
            {
              level: 'no'
            }
          );
        }
        if (!question.recommendations.partial) {
          issue(
            at('recommendations', 'partial'),
            'give the next step for "partial"',
            'questionnaire.next-step-missing',
            { level: 'partial' }
          );
        }
      }
    });
  });
}

export const questionnaireSchema = questionnaireShape.superRefine(checkConsistency);

export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type MaturityQuestion = z.infer<typeof maturityQuestionSchema>;
export type BinaryQuestion = z.infer<typeof binaryQuestionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

export const BINARY_VALUES = ['no', 'partial', 'yes'] as const;
export type BinaryValue = (typeof BINARY_VALUES)[number];

/**
 * The questionnaire file format (docs/file-formats.md, "Questionnaire file"). Key names are a
 * contract with authors: the JSON Schema in `questionnaires/schema.json` is generated from this
 * file (`npm run schema`) and a unit test fails when the two drift apart.
 *
 * Imported with relative paths only: the Vite config and the command-line tools load it too.
 */
import { z } from '../zod';
import { TEXT_LIMITS } from '../field-rules.ts';

import { ID_PATTERN } from './id-pattern.ts';

export { ID_PATTERN };
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

/** Most characters of a `shortTitle`: gap cards, the brief and action titles have one line. */
export const SHORT_TITLE_MAX = 60;

const questionBase = {
  id: idSchema,
  text,
  shortTitle: bounded(SHORT_TITLE_MAX).optional(),
  core: z.boolean().default(false),
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

/**
 * The schema's own advice for the JSON Schema and zod's output; problems carry the code beside
 * each (worded by messages, see `ADVICE_CODES` in validate.ts).
 */
export const SCHEMA_ADVICE = {
  capAtLeastForm: 'write a scale value above the lowest, or partial or yes for a yes/no question',
  capConditionsNone: 'name at least one condition: { question: <id>, atLeast: <level> }',
  binaryLevels: 'a yes/no question needs levels: { no: …, partial: …, yes: … }',
  choiceScored: 'a choice question is never scored: write scored: false or leave it out',
  choiceOptionsFew: 'a choice question needs at least two options: - { id: ..., label: ... }'
} as const;

/** One condition of a safeguard cap (docs/scoring.md, rule 11). */
export const capConditionSchema = z.strictObject({
  question: idSchema,
  atLeast: z.union([z.number().int(), z.enum(['partial', 'yes'])], {
    error: SCHEMA_ADVICE.capAtLeastForm
  })
});

/** A safeguard cap: the level counts at most `atMost` unless every condition holds. */
export const capSchema = z.strictObject({
  atMost: z.number().int('must be a whole number (a scale value)'),
  unless: z.array(capConditionSchema).min(1, SCHEMA_ADVICE.capConditionsNone)
});

export const maturityQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('maturity'),
  cap: capSchema.optional(),
  levels: z.record(levelKey, text),
  recommendations: z.record(levelKey, text).default({})
});

const BINARY_LEVELS_HINT = SCHEMA_ADVICE.binaryLevels;
const binaryLevel = z
  .string({ error: (iss) => (iss.input === undefined ? BINARY_LEVELS_HINT : undefined) })
  .trim()
  .min(1, 'must not be empty')
  .max(
    TEXT_LIMITS.text,
    `is longer than ${TEXT_LIMITS.text.toLocaleString('en')} characters: shorten it`
  );

export const binaryQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('binary'),
  levels: z.strictObject(
    { no: binaryLevel, partial: binaryLevel, yes: binaryLevel },
    { error: BINARY_LEVELS_HINT }
  ),
  recommendations: z.strictObject({ no: text.optional(), partial: text.optional() }).default({})
});

/** Answer-state words an option id may not be: a CSV `level` column could not tell them apart. */
export const RESERVED_OPTION_IDS = [
  'na',
  'n-a',
  'unknown',
  'restricted',
  'yes',
  'partial',
  'no',
  'oui',
  'non',
  'partiel',
  'partiellement',
  'inconnu',
  'level',
  'none'
] as const;

export const choiceOptionSchema = z.strictObject({ id: idSchema, label: title });

/** A context fact with named options (e.g. treaty status): shown and exported, never scored. */
export const choiceQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('choice'),
  scored: z
    .literal(false, {
      error: SCHEMA_ADVICE.choiceScored
    })
    .default(false),
  options: z.array(choiceOptionSchema).min(2, SCHEMA_ADVICE.choiceOptionsFew)
});

export const questionSchema = z.discriminatedUnion('type', [
  maturityQuestionSchema,
  binaryQuestionSchema,
  choiceQuestionSchema
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
      } else if (question.type === 'binary' && question.scored) {
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
      if (question.type === 'choice') checkOptions(question, at, issue);
    });
  });
  checkCaps(q, values, issue);
}

type Issue = (
  path: (string | number)[],
  message: string,
  code: string,
  params?: Record<string, string | number>
) => void;
type At = (...rest: (string | number)[]) => (string | number)[];

/** Option ids are unique and are never an answer-state word (docs/file-formats.md). */
function checkOptions(question: ChoiceQuestion, at: At, issue: Issue): void {
  const seen = new Set<string>();
  question.options.forEach((option, oi) => {
    if (seen.has(option.id)) {
      issue(
        at('options', oi, 'id'),
        `duplicate option id "${option.id}"`,
        'questionnaire.option-twice',
        {
          id: option.id
        }
      );
    }
    seen.add(option.id);
    if ((RESERVED_OPTION_IDS as readonly string[]).includes(option.id)) {
      issue(
        at('options', oi, 'id'),
        `"${option.id}" is an answer word: name the option itself`,
        'questionnaire.option-reserved',
        { id: option.id }
      );
    }
  });
}

/** Rule 11's format rules: where a cap may sit and what its conditions may name. */
function checkCaps(q: Shape, values: number[], issue: Issue): void {
  const byId = new Map<string, Question>();
  for (const section of q.sections) {
    for (const question of section.questions) {
      if (!byId.has(question.id)) byId.set(question.id, question);
    }
  }
  const bottom = Math.min(...values);
  const top = Math.max(...values);
  q.sections.forEach((section, si) => {
    section.questions.forEach((question, qi) => {
      if (question.type !== 'maturity' || !question.cap) return;
      const at = (...rest: (string | number)[]) => [
        'sections',
        si,
        'questions',
        qi,
        'cap',
        ...rest
      ];
      const { atMost, unless } = question.cap;
      if (!values.includes(atMost) || atMost >= top) {
        const below = values.filter((v) => v < top).join(', ');
        issue(
          at('atMost'),
          `write a scale value below the top (${below})`,
          'questionnaire.cap-at-most',
          {
            values: below
          }
        );
      }
      unless.forEach((condition, ci) => {
        const where = at('unless', ci, 'question');
        const named = byId.get(condition.question);
        if (condition.question === question.id) {
          issue(where, 'a cap cannot depend on its own question', 'questionnaire.cap-own-question');
          return;
        }
        if (!named) {
          issue(
            where,
            `no question "${condition.question}" in this questionnaire`,
            'questionnaire.cap-unknown-question',
            { id: condition.question }
          );
          return;
        }
        if (named.type === 'choice' || !named.scored) {
          issue(
            where,
            `"${named.id}" is a context question`,
            'questionnaire.cap-context-question',
            { id: named.id }
          );
          return;
        }
        if (named.naAllowed) {
          issue(where, `"${named.id}" allows N/A`, 'questionnaire.cap-allows-na', { id: named.id });
        }
        if (question.core && !named.core) {
          issue(where, `"${named.id}" must be core too`, 'questionnaire.cap-not-core', {
            id: named.id
          });
        }
        const levelAt = at('unless', ci, 'atLeast');
        if (named.type === 'binary') {
          if (typeof condition.atLeast !== 'string') {
            issue(levelAt, `"${named.id}" is a yes/no question`, 'questionnaire.cap-binary-level', {
              id: named.id
            });
          }
        } else if (
          typeof condition.atLeast !== 'number' ||
          !values.includes(condition.atLeast) ||
          condition.atLeast <= bottom
        ) {
          const above = values.filter((v) => v > bottom).join(', ');
          issue(
            levelAt,
            `write a scale value above the lowest (${above})`,
            'questionnaire.cap-at-least',
            {
              values: above
            }
          );
        }
      });
    });
  });
}

export const questionnaireSchema = questionnaireShape.superRefine(checkConsistency);

export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type MaturityQuestion = z.infer<typeof maturityQuestionSchema>;
export type BinaryQuestion = z.infer<typeof binaryQuestionSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type Cap = z.infer<typeof capSchema>;
export type CapCondition = z.infer<typeof capConditionSchema>;
/** A question that can carry a level and a score: maturity or yes/no. */
export type LevelQuestion = MaturityQuestion | BinaryQuestion;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

export const BINARY_VALUES = ['no', 'partial', 'yes'] as const;
export type BinaryValue = (typeof BINARY_VALUES)[number];

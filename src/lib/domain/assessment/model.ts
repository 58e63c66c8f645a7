/**
 * Assessments and answers (docs/architecture.md, "Storage shape"). zod schemas first, types
 * inferred from them: the same schemas validate bundles and backups on the way in.
 */
import { z } from '../zod';
import {
  assessmentIdSchema,
  boundedText,
  calendarDateSchema,
  countryCodeSchema
} from '../field-rules';
import { BINARY_VALUES, idSchema } from '../questionnaire/schema';
import { ASSESSMENT_SCOPES } from '../questionnaire/core';
import { groupSchema } from '../workshop/group-schema';
import { validateGroups } from '../workshop/groups';
import { STAKEHOLDER_GROUPS, STAKEHOLDER_LABELS } from './stakeholders';
import { ASSESSMENT_LANGUAGES } from './language';

export { ASSESSMENT_LANGUAGES, languageOf, type AssessmentLanguage } from './language';

export const CLASSIFICATIONS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const PROVENANCE_MODES = ['desk-review', 'workshop', 'validated'] as const;
export type ProvenanceMode = (typeof PROVENANCE_MODES)[number];
export const PROVENANCE_LABELS: Record<ProvenanceMode, string> = {
  'desk-review': 'Desk review',
  workshop: 'Multi-stakeholder workshop',
  validated: 'Externally validated'
};

export { STAKEHOLDER_GROUPS, STAKEHOLDER_LABELS };

// Ids, dates, countries and text lengths follow the one set of rules every importer uses
// (docs/file-formats.md, "Limits").
const isoDate = calendarDateSchema;
const short = boundedText('short');
const long = boundedText('long');
/** Timestamps as `toISOString` writes them; only their length is bounded here. */
const timestamp = z.string().max(40, 'is not a timestamp such as 2026-11-28T10:00:00.000Z');

export const participantSchema = z.object({
  organisation: short.trim().min(1, 'name the organisation'),
  group: z.enum(STAKEHOLDER_GROUPS)
});

export const provenanceSchema = z.object({
  mode: z.enum(PROVENANCE_MODES),
  participants: z.array(participantSchema).default([]),
  facilitator: short.default(''),
  validatedBy: short.default(''),
  validatedOn: z.union([isoDate, z.literal('')]).default('')
});

export const narrativeSchema = z.object({
  executiveSummary: long.default(''),
  context: long.default(''),
  keyFindings: long.default(''),
  /** What the assessment asks a minister to decide; the executive brief prints it. */
  decisionsSought: long.default(''),
  nextReviewDate: z.union([isoDate, z.literal('')]).default('')
});

export const pinnedQuestionnaireSchema = z.object({
  id: idSchema,
  version: z.string().min(1).max(50, 'is longer than 50 characters: use a version such as 1.0.0')
});

export const reopeningSchema = z.object({ at: timestamp, reason: long.min(1) });

export const assessmentSchema = z.object({
  id: assessmentIdSchema,
  country: countryCodeSchema,
  title: short.trim().min(1, 'give the assessment a title'),
  date: isoDate,
  questionnaires: z.array(pinnedQuestionnaireSchema).min(1, 'choose at least one questionnaire'),
  target: z.number().int().optional(),
  status: z.enum(['draft', 'final']),
  classification: z.enum(CLASSIFICATIONS),
  provenance: provenanceSchema,
  narrative: narrativeSchema,
  respondent: short.default(''),
  reopenings: z.array(reopeningSchema).max(1000, 'has more than 1,000 reopenings').default([]),
  previousId: assessmentIdSchema.optional(),
  /** Rule 12: `core` = the core questions only. Absent (records of the first release) = full. */
  scope: z.enum(ASSESSMENT_SCOPES).optional(),
  /** Questionnaire text and reports in this language; absent (older records and files) = 'en'. */
  language: z.enum(ASSESSMENT_LANGUAGES).optional(),
  /** A workshop's stakeholder groups, in their order; absent or empty = not a workshop. */
  groups: z
    .array(groupSchema)
    .max(100, 'has more than 100 groups')
    .superRefine((groups, ctx) => {
      for (const problem of validateGroups(groups)) {
        ctx.addIssue({
          code: 'custom',
          path: problem.index === undefined ? [] : [problem.index, problem.field ?? 'id'],
          message: problem.message,
          // The code names the problem, so screens word it (docs/languages.md, "Problems").
          params: { code: problem.code, ...problem.params }
        });
      }
    })
    .optional(),
  /** Show groups as "Group A", "Group B" … on shared screens and in the record. */
  anonymiseGroups: z.boolean().optional(),
  createdAt: timestamp,
  updatedAt: timestamp
});
export type Assessment = z.infer<typeof assessmentSchema>;
export type Participant = z.infer<typeof participantSchema>;

export const ANSWER_STATES = ['level', 'na', 'unknown', 'restricted'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export const answerSchema = z
  .object({
    state: z.enum(ANSWER_STATES).optional(),
    level: z.union([z.number().int(), z.enum(BINARY_VALUES)]).optional(),
    /** A choice question's answer: the option id (its state is `level`, with no level). */
    option: idSchema.optional(),
    naReason: long.optional(),
    target: z.number().int().optional(),
    regional: short.optional(),
    evidence: long.optional(),
    comment: long.optional(),
    /** A workshop consensus answer: why the room settled there (docs/scoring.md, rule 13). */
    rationale: long.optional(),
    flagged: z.boolean().optional(),
    /** Copied from a previous assessment and not yet confirmed by the user. */
    toConfirm: z.boolean().optional(),
    updatedAt: timestamp.optional()
  })
  .refine((a) => (a.state === 'level') === (a.level !== undefined || a.option !== undefined), {
    message: 'a level is given exactly when the state is "level"',
    path: ['level'],
    params: { code: 'field.level-without-state' }
  })
  .refine((a) => a.level === undefined || a.option === undefined, {
    message: 'an answer holds a level or a choice option, not both',
    path: ['option'],
    params: { code: 'field.level-and-option' }
  })
  .refine((a) => a.state !== 'na' || Boolean(a.naReason?.trim()), {
    message: 'N/A needs a reason',
    path: ['naReason'],
    params: { code: 'field.na-reason-missing' }
  });
export type Answer = z.infer<typeof answerSchema>;

/** Answers of one assessment, keyed `questionnaireId/questionId` (ids contain no slash). */
export type AnswerMap = Record<string, Answer>;

export function answerKey(questionnaireId: string, questionId: string): string {
  return `${questionnaireId}/${questionId}`;
}

/** What a new assessment must be given; everything else starts at its default. */
export type NewAssessmentFields = Pick<
  Assessment,
  'id' | 'country' | 'title' | 'date' | 'questionnaires'
> &
  Partial<Assessment>;

/**
 * A new assessment with these defaults: draft, TLP:AMBER, desk review, no
 * participants, an empty narrative. Any field given overrides its default.
 * @example newAssessment({ id, country: 'KE', title: 'Kenya 2026', date: '2026-11-28', questionnaires: [] }, now)
 */
export function newAssessment(fields: NewAssessmentFields, now: string): Assessment {
  return {
    status: 'draft',
    classification: 'AMBER',
    provenance: {
      mode: 'desk-review',
      participants: [],
      facilitator: '',
      validatedBy: '',
      validatedOn: ''
    },
    narrative: {
      executiveSummary: '',
      context: '',
      keyFindings: '',
      decisionsSought: '',
      nextReviewDate: ''
    },
    respondent: '',
    reopenings: [],
    createdAt: now,
    updatedAt: now,
    ...fields
  };
}

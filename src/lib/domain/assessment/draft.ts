/**
 * The editable part of an assessment, as the form holds it, and its validation. The form keeps
 * strings everywhere (inputs give strings); this module turns them into a valid Assessment.
 */
import { z } from '../zod';
import {
  CLASSIFICATIONS,
  PROVENANCE_MODES,
  STAKEHOLDER_GROUPS,
  type Assessment,
  type Classification,
  type ProvenanceMode
} from './model';
import type { AssessmentScope } from '../questionnaire/core';
import { languageOf, type AssessmentLanguage } from './language';

export interface AssessmentDraft {
  country: string;
  title: string;
  date: string;
  questionnaireIds: string[];
  /** '' = each questionnaire's default target. */
  target: string;
  classification: Classification;
  respondent: string;
  mode: ProvenanceMode;
  participants: { organisation: string; group: (typeof STAKEHOLDER_GROUPS)[number] }[];
  facilitator: string;
  validatedBy: string;
  validatedOn: string;
  executiveSummary: string;
  context: string;
  keyFindings: string;
  decisionsSought: string;
  nextReviewDate: string;
  /** Rule 12: absent or 'full' = every question; 'core' = the core set only. */
  scope?: AssessmentScope;
  /** The language of questionnaire text and reports; absent = as before (English when new). */
  language?: AssessmentLanguage;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');
const optionalDate = z.union([date, z.literal('')]);

export const draftSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose a country.'),
  title: z.string().trim().min(1, 'Give the assessment a title.'),
  date,
  questionnaireIds: z.array(z.string()).min(1, 'Choose at least one questionnaire.'),
  target: z.union([z.literal(''), z.string().regex(/^-?\d+$/)]),
  classification: z.enum(CLASSIFICATIONS),
  respondent: z.string(),
  mode: z.enum(PROVENANCE_MODES),
  participants: z.array(
    z.object({
      organisation: z.string().trim().min(1, 'Name the organisation or remove the row.'),
      group: z.enum(STAKEHOLDER_GROUPS)
    })
  ),
  facilitator: z.string(),
  validatedBy: z.string(),
  validatedOn: optionalDate,
  executiveSummary: z.string(),
  context: z.string(),
  keyFindings: z.string(),
  decisionsSought: z.string(),
  nextReviewDate: optionalDate
});

/** Field name (dotted for rows: `participants.0.organisation`) → message. */
export type DraftErrors = Record<string, string>;

/**
 * Checks a draft; errors are keyed by field so the form can show each beside its input.
 * @example draftErrors({ ...draft, title: ' ' }) // { title: 'Give the assessment a title.' }
 */
export function draftErrors(draft: AssessmentDraft): DraftErrors {
  const result = draftSchema.safeParse(draft);
  const errors: DraftErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= issue.message;
    }
  }
  if (draft.mode === 'validated' && !draft.validatedBy.trim()) {
    errors.validatedBy ??= 'Say who validated the assessment, or choose another mode.';
  }
  return errors;
}

export function draftFromAssessment(a: Assessment): AssessmentDraft {
  return {
    country: a.country,
    title: a.title,
    date: a.date,
    questionnaireIds: a.questionnaires.map((q) => q.id),
    target: a.target === undefined ? '' : String(a.target),
    classification: a.classification,
    respondent: a.respondent,
    mode: a.provenance.mode,
    participants: a.provenance.participants.map((p) => ({ ...p })),
    facilitator: a.provenance.facilitator,
    validatedBy: a.provenance.validatedBy,
    validatedOn: a.provenance.validatedOn,
    executiveSummary: a.narrative.executiveSummary,
    context: a.narrative.context,
    keyFindings: a.narrative.keyFindings,
    decisionsSought: a.narrative.decisionsSought,
    nextReviewDate: a.narrative.nextReviewDate,
    scope: a.scope ?? 'full',
    language: languageOf(a)
  };
}

/**
 * Applies a valid draft to an assessment. Questionnaires keep the version already pinned; new
 * ones take the version given in `versions`.
 */
export function applyDraft(
  base: Omit<
    Assessment,
    | 'country'
    | 'title'
    | 'date'
    | 'questionnaires'
    | 'target'
    | 'classification'
    | 'respondent'
    | 'provenance'
    | 'narrative'
  > &
    Partial<Pick<Assessment, 'questionnaires'>>,
  draft: AssessmentDraft,
  versions: Record<string, string>
): Assessment {
  const pinned = new Map((base.questionnaires ?? []).map((q) => [q.id, q.version]));
  const { target: _omit, ...rest } = base as Assessment;
  const next: Assessment = {
    ...rest,
    country: draft.country,
    title: draft.title.trim(),
    date: draft.date,
    questionnaires: draft.questionnaireIds.map((id) => ({
      id,
      version: pinned.get(id) ?? versions[id] ?? '1.0.0'
    })),
    classification: draft.classification,
    respondent: draft.respondent.trim(),
    provenance: {
      mode: draft.mode,
      participants: draft.participants.map((p) => ({
        organisation: p.organisation.trim(),
        group: p.group
      })),
      facilitator: draft.facilitator.trim(),
      validatedBy: draft.validatedBy.trim(),
      validatedOn: draft.validatedOn
    },
    narrative: {
      executiveSummary: draft.executiveSummary,
      context: draft.context,
      keyFindings: draft.keyFindings,
      decisionsSought: draft.decisionsSought,
      nextReviewDate: draft.nextReviewDate
    }
  };
  if (draft.target !== '') next.target = Number(draft.target);
  // Rule 12: the scope is chosen at creation and may be widened from core to full, never
  // narrowed (a new assessment has no pinned questionnaires yet).
  const creating = base.questionnaires === undefined;
  delete next.scope;
  if (draft.scope === 'core' && (creating || base.scope === 'core')) next.scope = 'core';
  if (draft.language) next.language = draft.language;
  return next;
}

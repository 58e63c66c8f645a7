/**
 * What a checked answers CSV will change, decided before anything is written: answer changes for
 * one open assessment, or the content of a bundle for new assessments, which then goes through
 * the bundle import with its duplicate decisions and its single transaction.
 */
import { assessmentIdProblem } from '$lib/domain/field-rules';
import {
  assessmentSchema,
  newAssessment,
  type AnswerMap,
  type Assessment
} from '$lib/domain/assessment/model';
import type { SummaryFigures } from '$lib/domain/assessment/summary';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { CsvNote, ParsedAssessment } from '$lib/io/answers-csv';
import { versionKey } from '$lib/domain/questionnaire/version';
import type { BundleItem, ParsedBundle } from '$lib/domain/records';
import type { Problem } from '$lib/io/csv';
import { schemaIssues } from '$lib/domain/schema-problems';
import type { AnswerChange } from '$lib/storage/assessments';
import type { GroupAnswerChange } from '$lib/storage/workshop';
import type { BundleAnalysis } from '$lib/storage/transfer';

// Answers CSV: into an open assessment ----------------------------------------------------------

export interface CsvIntoAssessment {
  kind: 'existing';
  file: string;
  assessment: Assessment;
  changes: AnswerChange[];
  /** A workshop's group rows: each group's answer, keyed `groupId/questionnaireId/questionId`. */
  groupChanges: GroupAnswerChange[];
  notes: CsvNote[];
}

/** Problems found after reading: ids that do not belong where the file is imported. */
type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * The answer changes a parsed file makes to an open assessment. Rows left blank leave the stored
 * answer as it is; an answered row replaces it, keeping only its review flag (which the CSV
 * has no column for). Rows naming another assessment are refused, not silently merged.
 * @example changesForAssessment('a.csv', kenya, parsed, stored, now).value // [{ key, answer }]
 */
export function changesForAssessment(
  file: string,
  assessment: Assessment,
  parsed: readonly ParsedAssessment[],
  stored: AnswerMap,
  now: string
): Checked<{ changes: AnswerChange[]; groupChanges: GroupAnswerChange[] }> {
  const problems: Problem[] = [];
  const merged = new Map<string, { answer: AnswerMap[string]; row: number }>();
  const groupMerged = new Map<string, AnswerMap[string]>();
  for (const group of parsed) {
    if (group.id !== null && group.id !== assessment.id) {
      problems.push({
        file,
        row: group.firstRow,
        column: 'assessment_id',
        code: 'import.other-assessment',
        params: { id: group.id, title: assessment.title, assessment: assessment.id }
      });
      continue;
    }
    for (const [key, answer] of Object.entries(group.answers)) {
      const earlier = merged.get(key);
      if (earlier) {
        problems.push({
          file,
          row: group.firstRow,
          column: 'question_id',
          code: 'import.answered-twice',
          params: { key, row: earlier.row }
        });
      }
      merged.set(key, { answer, row: group.firstRow });
    }
    for (const [key, answer] of Object.entries(group.groupAnswers)) {
      groupMerged.set(key, { ...answer, updatedAt: now });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const changes: AnswerChange[] = [...merged].map(([key, { answer }]) => {
    const flagged = stored[key]?.flagged;
    return {
      key,
      answer: { ...answer, ...(flagged ? { flagged } : {}), updatedAt: now }
    };
  });
  const groupChanges = [...groupMerged].map(([key, answer]) => ({ key, answer }));
  return { ok: true, value: { changes, groupChanges } };
}

// Answers CSV: as new assessments ---------------------------------------------------------------

export interface CsvAsAssessments {
  kind: 'create';
  file: string;
  bundle: ParsedBundle;
  analysis: BundleAnalysis;
  notes: CsvNote[];
  /**
   * The summary figures of `bundle.items`, in their order, computed by the reading worker while
   * the preview shows; null when they could not be (the import then scores them itself).
   */
  figures?: Promise<SummaryFigures[] | null>;
}

/**
 * The bundle content a parsed CSV stands for: one assessment per `assessment_id`, with the
 * questionnaire versions its rows name. The file's id becomes the assessment's id, so a file
 * exported from this app and imported again meets its original and the user chooses (skip,
 * replace, keep both). An assessment that exists keeps what the CSV cannot carry
 * (classification, provenance, narrative); a new one is a draft at the default classification.
 * @example csvBundle('a.csv', parsed, catalogue, new Map(), now).value.items.length // 2
 */
export function csvBundle(
  file: string,
  parsed: readonly ParsedAssessment[],
  catalogue: readonly Questionnaire[],
  existing: ReadonlyMap<string, Assessment>,
  now: string
): Checked<ParsedBundle> {
  const problems: Problem[] = [];
  const byKey = new Map(catalogue.map((q) => [versionKey(q.id, q.version), q]));
  const used = new Map<string, Questionnaire>();
  const items: BundleItem[] = [];
  for (const group of parsed) {
    const at = (column: string | null, code: string, params?: Problem['params']) =>
      problems.push({
        file,
        row: group.firstRow,
        ...(column === null ? {} : { column }),
        code,
        ...(params ? { params } : {})
      });
    if (group.id === null || group.details === null) {
      at('assessment_id', 'import.assessment-columns-empty');
      continue;
    }
    // The same rule as bundles and backups (docs/file-formats.md, "Limits").
    const badId = assessmentIdProblem(group.id);
    if (badId) {
      at('assessment_id', badId.code, badId.params);
      continue;
    }
    const base = existing.get(group.id);
    const { country, title, date, respondent, target, scope } = group.details;
    const fields = {
      id: group.id,
      country,
      title,
      date,
      respondent,
      questionnaires: group.questionnaires,
      updatedAt: now
    };
    const candidate: Assessment = base ? { ...base, ...fields } : newAssessment(fields, now);
    // A blank target cell keeps the existing assessment's target (or the defaults).
    if (target !== undefined) candidate.target = target;
    // A workshop's groups come from its group rows (docs/file-formats.md); none keeps the old ones.
    if (group.groups.length > 0) candidate.groups = group.groups;
    // Rule 12: a scope is widened from core to full, never narrowed (docs/scoring.md).
    if (scope === 'core' && base?.scope !== 'core' && base) {
      at('assessment_scope', 'csv.scope-narrowed', { id: group.id });
      continue;
    }
    if (scope === 'core') candidate.scope = 'core';
    else delete candidate.scope;
    // The last guard: whatever reaches the database is a valid Assessment.
    const checked = assessmentSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of schemaIssues(checked.error.issues, candidate)) {
        at(null, issue.code, issue.params);
      }
      continue;
    }
    for (const pin of group.questionnaires) {
      const q = byKey.get(versionKey(pin.id, pin.version));
      if (q) used.set(versionKey(pin.id, pin.version), q);
    }
    items.push({
      assessment: checked.data,
      answers: group.answers,
      ...(group.groups.length > 0 ? { groupAnswers: group.groupAnswers } : {})
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      file,
      appVersion: __APP_VERSION__,
      exportedAt: now,
      sanitised: false,
      items,
      questionnaires: [...used.values()]
    }
  };
}

// The plan the user confirms -------------------------------------------------------------------

export type CsvPlan = CsvIntoAssessment | CsvAsAssessments;

export type CsvCheck =
  { ok: true; plan: CsvPlan; answers: number; rows: number } | { ok: false; problems: Problem[] };

/**
 * What a report button asks for. Types only: components import them with `import type`, so this
 * file adds nothing to the bundle that loads first.
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { AssessmentResult } from '$lib/domain/scoring/types';
import type { ComparisonReportInput } from './comparison-report';
import type { PlanReportInput } from './action-plan-report';

export type ReportRequest =
  | {
      kind: 'country';
      assessment: Assessment;
      questionnaires: Questionnaire[];
      answers: AnswerMap;
      result: AssessmentResult;
      includeAppendix: boolean;
    }
  | { kind: 'blank'; questionnaire: Questionnaire }
  | { kind: 'comparison'; input: ComparisonReportInput }
  | ({ kind: 'plan' } & Omit<PlanReportInput, 'madeOn'>);

export type ReportOutcome =
  | { ok: true; fileName: string; blob: Blob; pages: number }
  /** Nothing was made: `message` says which text cannot be printed and what to do instead. */
  | { ok: false; message: string };

export type ReportProgress = (step: string) => void;

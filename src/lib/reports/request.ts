/**
 * What a report button asks for. Types only: components import them with `import type`, so this
 * file adds nothing to the bundle that loads first.
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { AssessmentResult } from '$lib/domain/scoring/types';
import type { BriefInput } from './brief';
import type { Paper } from './document/model';
import type { ComparisonReportInput } from './comparison-report';
import type { PlanReportInput } from './action-plan-report';
import type { WorkshopRecordInput } from './workshop-record';

/** The file a report is saved as: a PDF, or a Word file a ministry can edit. */
export type ReportFormat = 'pdf' | 'docx';

/** What a brief needs from the caller; the day it is made is added when it is made. */
export type BriefRequestInput = Omit<BriefInput, 'madeOn' | 'tightness'>;

export type ReportRequest =
  | {
      kind: 'country';
      assessment: Assessment;
      questionnaires: Questionnaire[];
      answers: AnswerMap;
      result: AssessmentResult;
      includeAppendix: boolean;
      /** PDF when not given. */
      format?: ReportFormat;
      /** A4 when not given. */
      paper?: Paper;
    }
  | { kind: 'brief'; input: BriefRequestInput; format: ReportFormat }
  | {
      kind: 'blank';
      /** With its text in `language` (questionnaire overlays). */
      questionnaire: Questionnaire;
      /** The form's words; the interface language when not given. */
      language?: Locale;
    }
  | { kind: 'comparison'; input: ComparisonReportInput }
  | ({ kind: 'plan'; format?: ReportFormat } & Omit<PlanReportInput, 'madeOn'>)
  | ({ kind: 'workshop' } & Omit<WorkshopRecordInput, 'madeOn'>);

export type ReportOutcome =
  /** `pages` is null for a Word file: its pages depend on the program that opens it. */
  | { ok: true; fileName: string; blob: Blob; pages: number | null }
  /** Nothing was made: `message` says which text cannot be printed and what to do instead. */
  | { ok: false; message: string };

export type ReportProgress = (step: string) => void;

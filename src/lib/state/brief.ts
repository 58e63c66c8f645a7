/**
 * What the executive brief needs beyond the results screen's data: the previous assessment
 * (scored the same way, for "change since"), the action plan when there is one, where workshop
 * groups disagreed, and the paper size the user chose once for every report.
 */
import type { Action } from '$lib/domain/actions/model';
import { classificationRank } from '$lib/domain/assessment/classification';
import type { Assessment, Classification } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { scoreAssessment } from '$lib/domain/scoring/score';
import type { AssessmentResult } from '$lib/domain/scoring/types';
import type { Paper } from '$lib/reports/document/model';
import type { ReportFormat, ReportRequest } from '$lib/reports/request';
import { getActions } from '$lib/storage/actions';
import { getAnswers, getAssessment } from '$lib/storage/assessments';
import { loadAllPinned } from './questionnaires';
import { inAssessmentLanguage } from './assessment-text';

export type { Paper, ReportFormat };

const PAPER_KEY = 'ncs-paper';

/** US Letter where it is the usual paper (the United States, Canada, Mexico, the Philippines…). */
function usualPaper(): Paper {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  return languages.some((l) => /-(US|CA|MX|PH|CL|CO|VE)$/i.test(l)) ? 'letter' : 'a4';
}

/** The paper every report is printed on: the user's choice, else the usual one here. */
export function chosenPaper(): Paper {
  try {
    const kept = localStorage.getItem(PAPER_KEY);
    if (kept === 'a4' || kept === 'letter') return kept;
  } catch {
    // Storage refused (private mode on some browsers): the usual paper.
  }
  return usualPaper();
}

/** Remembers the paper for every later report, in this browser. */
export function choosePaper(paper: Paper): void {
  try {
    localStorage.setItem(PAPER_KEY, paper);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}

/** Whether printing under `chosen` lowers the assessment's classification (needs confirming). */
export function lowersClassification(assessment: Assessment, chosen: Classification): boolean {
  return classificationRank(chosen) < classificationRank(assessment.classification);
}

/**
 * The assessment's action plan, or null when it has none: the brief then lists its gaps
 * instead (docs/architecture.md, "Action plans").
 */
async function actionPlanOf(assessmentId: string): Promise<Action[] | null> {
  const actions = await getActions(assessmentId);
  return actions.length > 0 ? actions : null;
}

/**
 * Where the groups of a workshop disagreed, as short question titles; null when the assessment
 * is not a workshop. Group answers plug in here once workshops are stored.
 */
async function disagreementsOf(_assessment: Assessment): Promise<string[] | null> {
  return null;
}

/** The assessment this one was started from, scored like the results screen scores it. */
async function previousOf(a: Assessment) {
  if (!a.previousId) return null;
  const previous = await getAssessment(a.previousId);
  if (!previous) return null;
  const [answers, questionnaires] = await Promise.all([
    getAnswers(previous.id),
    loadAllPinned(previous.questionnaires)
  ]);
  // Its questionnaires' text in this brief's language, like the rest of the brief.
  const result = scoreAssessment({
    questionnaires: await inAssessmentLanguage(a, questionnaires),
    answers,
    target: previous.target
  });
  return { assessment: previous, result };
}

export interface BriefChoice {
  assessment: Assessment;
  questionnaires: Questionnaire[];
  result: AssessmentResult;
  /** Confirmed by the user when lower than the assessment's. */
  classification: Classification;
  paper: Paper;
  format: ReportFormat;
}

/**
 * The brief's request, with the previous assessment, the plan and the disagreements loaded.
 * Pass plain data (`$state.snapshot`).
 */
export async function briefRequest(choice: BriefChoice): Promise<ReportRequest> {
  const { assessment, format, ...rest } = choice;
  const [previous, actions, disagreements] = await Promise.all([
    previousOf(assessment),
    actionPlanOf(assessment.id),
    disagreementsOf(assessment)
  ]);
  return {
    kind: 'brief',
    format,
    input: { ...rest, assessment, previous, actions, disagreements }
  };
}

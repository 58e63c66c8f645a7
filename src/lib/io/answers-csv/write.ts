/**
 * Writing the answers CSV and the answer template (docs/file-formats.md): the contract exactly,
 * one row per question of each questionnaire in the assessment's scope, in order.
 */
import { answerKey, type Answer } from '../../domain/assessment/model';
import { scopedQuestionnaires } from '../../domain/questionnaire/core';
import type { Question, Questionnaire } from '../../domain/questionnaire/schema';
import { serialiseCsv, type Cell, type Delimiter } from '../csv';
import {
  ANSWERS_HEADER,
  type AnswersColumn,
  type AnswersCsvAssessment,
  type AnswersExportItem
} from './format';

function answerRow(
  assessment: AnswersCsvAssessment,
  questionnaire: Questionnaire,
  question: Question,
  answer: Answer | undefined
): Cell[] {
  const cells: Record<AnswersColumn, Cell> = {
    country: assessment.country,
    assessment_id: assessment.id,
    assessment_title: assessment.title,
    assessment_date: assessment.date,
    respondent: assessment.respondent,
    assessment_target: assessment.target,
    assessment_scope: assessment.scope ?? 'full',
    questionnaire_id: questionnaire.id,
    questionnaire_version: questionnaire.version,
    question_id: question.id,
    question_text: question.text,
    // A choice question's level is the option id.
    level: answer?.state === 'level' ? (answer.level ?? answer.option) : null,
    state: answer?.state ?? null,
    na_reason: answer?.state === 'na' ? answer.naReason : null,
    // Binary questions always aim at "yes" (docs/scoring.md): no target cell.
    target: question.type === 'maturity' ? answer?.target : null,
    regional: answer?.regional,
    evidence: answer?.evidence,
    comment: answer?.comment,
    rationale: null,
    // The consensus rows; group rows come with the workshop work.
    group: null
  };
  return ANSWERS_HEADER.map((column) => cells[column]);
}

/**
 * The answers CSV of one or more assessments: one row per question of each questionnaire, in
 * order; unanswered questions have blank level and state. Flags, "to confirm" marks and
 * timestamps have no column and stay in the app (the JSON bundle carries them).
 * @example writeAnswersCsv([{ assessment, questionnaires: [privacy], answers }]) // "\uFEFFcountry,…"
 */
export function writeAnswersCsv(
  items: readonly AnswersExportItem[],
  delimiter: Delimiter = ','
): string {
  const rows: Cell[][] = [[...ANSWERS_HEADER]];
  for (const { assessment, questionnaires, answers } of items) {
    for (const questionnaire of scopedQuestionnaires(questionnaires, assessment.scope)) {
      for (const section of questionnaire.sections) {
        for (const question of section.questions) {
          const answer = answers[answerKey(questionnaire.id, question.id)];
          rows.push(answerRow(assessment, questionnaire, question, answer));
        }
      }
    }
  }
  return serialiseCsv(rows, delimiter);
}

/**
 * The answer template: the same file with every answer empty, to fill in a spreadsheet.
 * @example writeAnswerTemplate([{ assessment, questionnaires: [privacy] }])
 */
export function writeAnswerTemplate(
  items: readonly Omit<AnswersExportItem, 'answers'>[],
  delimiter: Delimiter = ','
): string {
  return writeAnswersCsv(
    items.map((item) => ({ ...item, answers: {} })),
    delimiter
  );
}

/**
 * Writing the answers CSV and the answer template (docs/file-formats.md): the contract exactly,
 * one row per question of each questionnaire in the assessment's scope, in order.
 */
import { answerKey, type Answer } from '../../domain/assessment/model';
import { groupAnswerKey } from '../../domain/workshop/answers';
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
  answer: Answer | undefined,
  groupId: string | null = null
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
    // Binary questions always aim at "yes" (docs/scoring.md): no target cell; nor has a group row.
    target: question.type === 'maturity' && groupId === null ? answer?.target : null,
    regional: answer?.regional,
    evidence: answer?.evidence,
    comment: answer?.comment,
    // The consensus's rationale; a group row has none.
    rationale: groupId === null ? answer?.rationale : null,
    group: groupId
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
  for (const { assessment, questionnaires, answers, groupAnswers } of items) {
    const scoped = scopedQuestionnaires(questionnaires, assessment.scope);
    const each = (visit: (questionnaire: Questionnaire, question: Question) => void) => {
      for (const questionnaire of scoped) {
        for (const section of questionnaire.sections) {
          for (const question of section.questions) visit(questionnaire, question);
        }
      }
    };
    each((questionnaire, question) => {
      const answer = answers[answerKey(questionnaire.id, question.id)];
      rows.push(answerRow(assessment, questionnaire, question, answer));
    });
    // A workshop: each group's answered rows after the consensus, group by group in their order.
    for (const group of groupAnswers ? (assessment.groups ?? []) : []) {
      each((questionnaire, question) => {
        const answer = groupAnswers?.[groupAnswerKey(group.id, questionnaire.id, question.id)];
        if (answer?.state) {
          rows.push(answerRow(assessment, questionnaire, question, answer, group.id));
        }
      });
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

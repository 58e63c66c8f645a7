/**
 * The workshop spread CSV (docs/file-formats.md): per maturity or binary question in scope, the
 * groups' spread by rule 13 (docs/scoring.md), the suggestion, the consensus and its rationale.
 * The rows come from `spreadCsvRows` in the domain; the app's export and
 * `npm run score -- --spread` both call `writeSpreadCsv`, so they print the same bytes.
 * Relative imports only: the command line runs this file with tsx.
 */
import { answerKey, type AnswerMap } from '../domain/assessment/model';
import { scopedQuestionnaires, type AssessmentScope } from '../domain/questionnaire/core';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { GroupAnswers } from '../domain/workshop/answers';
import type { Group } from '../domain/workshop/groups';
import { SPREAD_CSV_HEADER, spreadCsvRows } from '../domain/workshop/spread-rows';
import { serialiseCsv, type Cell, type Delimiter } from './csv';

const NUMBER_COLUMNS: ReadonlySet<string> = new Set([
  'groups_answered',
  'groups_other',
  'lowest',
  'highest',
  'suggested',
  'spread',
  'consensus'
]);

/** Levels and counts are numbers, so a negative scale value is never taken for a formula. */
function cells(row: readonly string[]): Cell[] {
  return row.map((cell, i) =>
    NUMBER_COLUMNS.has(SPREAD_CSV_HEADER[i]!) && /^-?\d+$/.test(cell) ? Number(cell) : cell
  );
}

export interface SpreadExportItem {
  assessment: { id: string; scope?: AssessmentScope | undefined; groups?: Group[] | undefined };
  /** The assessment's questionnaires at their pinned versions, in its order (scoped or not). */
  questionnaires: readonly Questionnaire[];
  /** The assessment's own answers: the consensus. */
  answers: Readonly<AnswerMap>;
  groupAnswers: Readonly<GroupAnswers>;
}

/**
 * The workshop spread CSV of one or more assessments; those without group answers have no rows.
 * @example writeSpreadCsv([{ assessment, questionnaires, answers, groupAnswers }]) // "\uFEFFassessment_id,…"
 */
export function writeSpreadCsv(
  items: readonly SpreadExportItem[],
  delimiter: Delimiter = ','
): string {
  const rows: Cell[][] = [[...SPREAD_CSV_HEADER]];
  for (const item of items) {
    if (Object.keys(item.groupAnswers).length === 0) continue;
    rows.push(
      ...spreadCsvRows({
        assessmentId: item.assessment.id,
        questionnaires: scopedQuestionnaires(item.questionnaires, item.assessment.scope),
        groups: item.assessment.groups ?? [],
        groupAnswers: item.groupAnswers,
        consensus: item.answers,
        rationaleOf: (q, question) => item.answers[answerKey(q, question)]?.rationale ?? ''
      }).map(cells)
    );
  }
  return serialiseCsv(rows, delimiter);
}

/**
 * The CSV files the results screen saves: the answers (which import back), the results and, for
 * a workshop, the groups' spread. See docs/file-formats.md for the formats.
 */
import type { AnswerMap, Assessment } from '$lib/domain/assessment/model';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { countryName } from '$lib/domain/reference/countries';
import { scoreAssessment } from '$lib/domain/scoring/score';
import { countryNameIn } from '$lib/format/countries';
import { fileSafe } from '$lib/format/file-safe';
import { writeAnswersCsv } from '$lib/io/answers-csv';
import type { Delimiter } from '$lib/io/csv';
import { writeResultsCsv } from '$lib/io/results-csv';
import { writeSpreadCsv } from '$lib/io/spread-csv';
import { m } from '$lib/paraglide/messages.js';
import { download } from './download';
import { saving } from './files/saving.svelte';
import { loadWorkshop } from './workshop';

type Named = Pick<Assessment, 'country' | 'date' | 'classification'>;

/**
 * The start every file name of one assessment shares: country, date and classification. The
 * country's name and the file-name words follow the interface language, ASCII-safe, as in
 * docs/file-formats.md ("File names"); the CSV inside stays machine format.
 * @example resultsFileStem(kenya) // 'Kenya_2026-11-01_AMBER'; in French, 'Cote-d-Ivoire_…'
 */
export function resultsFileStem(assessment: Named): string {
  const country = countryNameIn(assessment.country, countryName(assessment.country));
  return `${fileSafe(country)}_${assessment.date}_${assessment.classification}`;
}

/**
 * Saves the answers of one assessment as the CSV that imports back; a workshop's group answers
 * follow the consensus rows. `question_text` is the questionnaires' text as given (the
 * assessment's language). Returns the file name.
 */
export async function downloadAnswersCsv(
  assessment: Assessment,
  questionnaires: Questionnaire[],
  answers: AnswerMap
): Promise<string> {
  const name = `${resultsFileStem(assessment)}_${fileSafe(m.results_file_answers())}.csv`;
  const groupAnswers = assessment.groups?.length
    ? (await loadWorkshop(assessment.id)).answers
    : undefined;
  return download(
    name,
    writeAnswersCsv([{ assessment, questionnaires, answers, groupAnswers }], saving.delimiter),
    'text/csv'
  );
}

/**
 * Saves the scores of one assessment as a CSV. Returns the file name. Scored from the pinned
 * questionnaires as written (English): the results CSV is a machine format, byte for byte the
 * same whatever the assessment's language (docs/file-formats.md, "Results CSV").
 */
export function downloadResultsCsv(
  assessment: Assessment,
  english: Questionnaire[],
  answers: AnswerMap
): Promise<string> {
  const result = scoreAssessment({
    questionnaires: english,
    answers,
    target: assessment.target,
    scope: assessment.scope
  });
  const name = `${resultsFileStem(assessment)}_${fileSafe(m.results_file_results())}.csv`;
  return download(name, writeResultsCsv([{ assessment, result }], saving.delimiter), 'text/csv');
}

/**
 * Saves the workshop spread CSV of one assessment (docs/file-formats.md): reads its group
 * answers, writes the rows `npm run score -- --spread` prints. Returns the file name.
 */
export async function downloadSpreadCsv(
  assessment: Assessment,
  questionnaires: Questionnaire[],
  answers: AnswerMap
): Promise<string> {
  const name = `${resultsFileStem(assessment)}_${fileSafe(m.workshop_file_spread())}.csv`;
  const text = await spreadCsvText(assessment, questionnaires, answers, saving.delimiter);
  return download(name, text, 'text/csv');
}

/**
 * The workshop spread CSV of one assessment as stored: its group answers read now, with the
 * consensus and questionnaires the screen shows.
 * @example await spreadCsvText(assessment, questionnaires, answers) // "\uFEFFassessment_id,…"
 */
export async function spreadCsvText(
  assessment: Assessment,
  questionnaires: Questionnaire[],
  answers: AnswerMap,
  delimiter: Delimiter = ','
): Promise<string> {
  const { answers: groupAnswers } = await loadWorkshop(assessment.id);
  return writeSpreadCsv([{ assessment, questionnaires, answers, groupAnswers }], delimiter);
}

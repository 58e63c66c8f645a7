/**
 * The answers, results and (for a workshop) spread CSV of one assessment, saved from wherever the
 * user is (the assessment screen, the Data screen), not only from the results screen: the same
 * files, read from storage after every pending answer is written. See docs/file-formats.md.
 */
import { m } from '$lib/paraglide/messages.js';
import { loadResults } from './assessment-actions';
import { downloadAnswersCsv, downloadResultsCsv, downloadSpreadCsv } from './results-exports';

export type AssessmentCsv = 'answers' | 'results' | 'spread';

/**
 * Saves one CSV of an assessment, scored as the results screen scores it. Returns the file name.
 * @example await downloadAssessmentCsv(id, 'results') // 'Kenya_2026-11-01_AMBER_results.csv'
 */
export async function downloadAssessmentCsv(id: string, kind: AssessmentCsv): Promise<string> {
  const loaded = await loadResults(id);
  if (!loaded) throw new Error(m.data_assessment_gone());
  const { assessment, answers, questionnaires, english } = loaded;
  if (kind === 'answers') return downloadAnswersCsv(assessment, questionnaires, answers);
  if (kind === 'spread') return downloadSpreadCsv(assessment, english, answers);
  return downloadResultsCsv(assessment, english, answers);
}

import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { loadAllPinned } from '$lib/questionnaires/registry';
import { getAnswers, getAssessment } from '$lib/storage/assessments';

/** The item diff reads answers, unlike the rest of the comparison: two assessments, on request. */
export async function load({ params }) {
  const [before, after] = await Promise.all([getAssessment(params.a), getAssessment(params.b)]);
  if (!before || !after) {
    error(404, m.compare_diff_missing());
  }
  const [answersBefore, answersAfter, questionnairesBefore, questionnairesAfter] =
    await Promise.all([
      getAnswers(before.id),
      getAnswers(after.id),
      loadAllPinned(before.questionnaires),
      loadAllPinned(after.questionnaires)
    ]);
  return { before, after, answersBefore, answersAfter, questionnairesBefore, questionnairesAfter };
}

import { error } from '@sveltejs/kit';
import { loadAllPinned } from '$lib/questionnaires/registry';
import { getAnswers, getAssessment } from '$lib/storage/assessments';

/** The item diff reads answers, unlike the rest of the comparison: two assessments, on request. */
export async function load({ params }) {
  const [before, after] = await Promise.all([getAssessment(params.a), getAssessment(params.b)]);
  if (!before || !after) {
    error(404, 'One of the two assessments is not in this browser. It may have been deleted.');
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

import { error } from '@sveltejs/kit';
import { getAssessment, getSummary } from '$lib/storage/assessments';
import { availableQuestionnaires, builtinIndex } from '$lib/questionnaires/registry';

export async function load({ params }) {
  const [assessment, summary, questionnaires] = await Promise.all([
    getAssessment(params.id),
    getSummary(params.id),
    availableQuestionnaires()
  ]);
  if (!assessment) error(404, 'This assessment is not in this browser. It may have been deleted.');
  return { assessment, summary, questionnaires, scale: builtinIndex[0]?.scale ?? [] };
}

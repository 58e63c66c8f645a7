import { error } from '@sveltejs/kit';
import { loadForAnswering } from '$lib/state/assessment-actions';

export async function load({ params }) {
  const loaded = await loadForAnswering(params.id);
  if (!loaded) error(404, 'This assessment is not in this browser. It may have been deleted.');
  return {
    ...loaded,
    questionnaireId: params.questionnaire ?? null,
    questionId: params.question ?? null
  };
}

import { error } from '@sveltejs/kit';
import { loadAssessmentScreen } from '$lib/state/loads';

export async function load({ params }) {
  const loaded = await loadAssessmentScreen(params.id);
  if (!loaded) error(404, 'This assessment is not in this browser. It may have been deleted.');
  return loaded;
}

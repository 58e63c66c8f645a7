import { error } from '@sveltejs/kit';
import { loadResults } from '$lib/state/assessment-actions';

export async function load({ params }) {
  const loaded = await loadResults(params.id);
  if (!loaded) error(404, 'This assessment is not in this browser. It may have been deleted.');
  return loaded;
}

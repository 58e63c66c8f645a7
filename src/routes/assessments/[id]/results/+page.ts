import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { loadResults } from '$lib/state/assessment-actions';

export async function load({ params }) {
  const loaded = await loadResults(params.id);
  if (!loaded) error(404, m.results_not_found());
  return loaded;
}
